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

/**
 * The Copy button of a link to hand over (a read-only input). Without JavaScript the button stays
 * hidden and the link is selectable text; with it, the button shows and copies, and says so in the
 * status next to it (`data-copied` holds the word in the page's language).
 */
const COPY_SOURCE = `document.querySelectorAll('button[data-copy]').forEach(function (button) {
  var input = document.getElementById(button.getAttribute('data-copy'));
  var status = document.getElementById(button.getAttribute('data-status'));
  if (!input) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    input.focus();
    input.select();
    var done = function () { if (status) status.textContent = button.getAttribute('data-copied'); };
    // The older way, for browsers without the clipboard API: it copies the selection made above.
    var fallback = function () { if (document.execCommand('copy')) done(); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(input.value).then(done, fallback);
    else fallback();
  });
});
`;

let copyCached: ScriptAsset | undefined;

export function copyScript(): ScriptAsset {
  if (!copyCached) {
    const hash = createHash('sha256').update(COPY_SOURCE).digest('hex').slice(0, 12);
    copyCached = { href: `/assets/copy.${hash}.js`, source: COPY_SOURCE };
  }
  return copyCached;
}
