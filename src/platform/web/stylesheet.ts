/** Our one stylesheet, served under a fingerprinted URL so browsers may cache it forever. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../package-root.js';

export interface Stylesheet {
  href: string;
  css: string;
}

export function loadStylesheet(): Stylesheet {
  const css = readFileSync(fromPackageRoot('src', 'assets', 'style.css'), 'utf8');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  return { href: `/assets/style.${hash}.css`, css };
}
