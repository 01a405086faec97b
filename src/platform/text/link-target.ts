/**
 * The one rule for what may become a link in anything Puente writes for others to open (release
 * downloads, the release page): a web or mail address, or a path on this site. Anything else
 * (`javascript:`, `vbscript:`, `data:`, `file:`, a relative name) stays text. Stored values are not
 * trusted to have passed a form: imports, the CLI and older rows reach the writers too.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address as it may be written into a link, or null when it must not be one. The address is kept
 * as given, except that every character outside RFC 3986's unreserved and reserved sets — quotes,
 * angle brackets, parentheses, spaces, backslashes, non-ASCII — is percent-encoded, so it can close
 * neither an HTML attribute, nor a Markdown `<…>` or `(…)` destination, nor break a line.
 */
export function linkTarget(address: string | null | undefined): string | null {
  const text = (address ?? '').trim();
  if (text === '') return null;
  if (!isSitePath(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return null;
    }
    if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  }
  return encodeUnsafe(text);
}

/** "/files/…": a path on this site (not "//host", which is another site, nor "/\host", which browsers read alike). */
function isSitePath(text: string): boolean {
  return /^\/(?![/\\])/.test(text);
}

// RFC 3986 unreserved and reserved characters, and "%" when it starts an escape, minus "(" ")".
const KEEP = /[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=]|%[0-9A-Fa-f]{2}/y;

function encodeUnsafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    KEEP.lastIndex = i;
    const kept = KEEP.exec(text);
    if (kept) {
      out += kept[0];
      i += kept[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    out += [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    i += char.length;
  }
  return out;
}
