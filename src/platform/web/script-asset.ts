/**
 * htmx, served as our own file from node_modules under a fingerprinted URL: no CDN (readers' and
 * editors' browsers talk to this server only) and no inline script, so the CSP stays `script-src 'self'`.
 * Only workspace pages include it; public pages carry no JavaScript at all.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromPackageRoot } from '../package-root.js';

export interface ScriptAsset {
  href: string;
  source: string;
}

let cached: ScriptAsset | undefined;

export function htmxScript(): ScriptAsset {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js');
    const source = readFileSync(path, 'utf8');
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
    cached = { href: `/assets/htmx.${hash}.js`, source };
  }
  return cached;
}

let timeZone: ScriptAsset | undefined;

/**
 * The few lines that preselect the browser's own zone in an empty time zone field
 * (src/assets/browser-time-zone.js): a file of our origin, as htmx is, since the CSP forbids inline script.
 */
export function browserTimeZoneScript(): ScriptAsset {
  if (!timeZone) {
    const source = readFileSync(fromPackageRoot('src', 'assets', 'browser-time-zone.js'), 'utf8');
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
    timeZone = { href: `/assets/browser-time-zone.${hash}.js`, source };
  }
  return timeZone;
}

/**
 * htmx settings, read by htmx from a <meta> tag (not a script). Its indicator styles would be an
 * inline <style>, which our CSP refuses; eval-based features stay off.
 */
export const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
});
