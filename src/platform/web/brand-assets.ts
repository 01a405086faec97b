/**
 * The bridge mark ("puente"): the favicon, as SVG for today's browsers and as an ICO (PNG images inside)
 * for the ones that ask for /favicon.ico on their own. Served from our origin with a long cache; the
 * layout links the SVG with its fingerprint in the query, so a new mark reaches browsers at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../package-root.js';

export interface BrandAssets {
  svg: string;
  ico: Buffer;
  /** What pages link: /favicon.svg?v=<fingerprint>. */
  svgHref: string;
}

let cached: BrandAssets | undefined;

export function brandAssets(): BrandAssets {
  if (!cached) {
    const svg = readFileSync(fromPackageRoot('src', 'assets', 'favicon.svg'), 'utf8');
    const ico = readFileSync(fromPackageRoot('src', 'assets', 'favicon.ico'));
    const hash = createHash('sha256').update(svg).digest('hex').slice(0, 12);
    cached = { svg, ico, svgHref: `/favicon.svg?v=${hash}` };
  }
  return cached;
}
