/**
 * Where each address of the site lives in the static copy. A page is `…/index.html` under its path, so
 * any static host serves it at the same address; a download keeps its name, and gets the extension of its
 * media type when its address has none (`/files/<sha256>` → `files/<sha256>.pdf`), because static hosts
 * choose the Content-Type by extension. An address with a query (a pager's `?after=`, a filter) becomes
 * a file name beside its page's: `releases/index.after=2021-06-03.html`. Every name is a function of the
 * address alone, so two exports of the same site name every file the same.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';

/** An address of the site, normalized: a path without a trailing slash (except `/`) and a sorted query. */
export interface SiteAddress {
  path: string;
  query: string;
}

/** The address a link names, if it is on this site; `base` is the page's own address (absolute). */
export function siteAddress(href: string, base: URL, site: URL): { address: SiteAddress; hash: string } | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.origin !== site.origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  const params = new URLSearchParams(url.search);
  // The same page whatever order its parameters were written in.
  params.sort();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : '/';
  return { address: { path, query: params.toString() }, hash: url.hash };
}

export function addressKey(address: SiteAddress): string {
  return address.query ? `${address.path}?${address.query}` : address.path;
}

const EXTENSIONS: Record<string, string> = {
  'application/atom+xml': 'atom',
  'application/json': 'json',
  'application/pdf': 'pdf',
  'application/rss+xml': 'rss',
  'application/xml': 'xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/zip': 'zip',
  'image/gif': 'gif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
  'image/x-icon': 'ico',
  'text/css': 'css',
  'text/csv': 'csv',
  'text/html': 'html',
  'text/javascript': 'js',
  'application/javascript': 'js',
  'text/markdown': 'md',
  'text/plain': 'txt',
  'text/xml': 'xml',
};

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
}

export function isHtml(contentType: string | undefined): boolean {
  return mediaTypeOf(contentType) === 'text/html';
}

/**
 * The file (relative to the copy's root, `/`-separated) for an address answered with `contentType`, or
 * null when its path cannot be a file name (an empty, `.` or `..` segment once decoded).
 */
export function fileFor(address: SiteAddress, contentType: string | undefined): string | null {
  const segments = address.path.split('/').filter((s) => s !== '');
  const decoded: string[] = [];
  for (const segment of segments) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (name === '.' || name === '..' || /[/\\\0]/.test(name) || name.length > 200) return null;
    decoded.push(name);
  }
  const suffix = address.query ? `.${queryName(address.query)}` : '';
  const last = decoded.at(-1) ?? '';
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(last)?.[1];
  if (isHtml(contentType) && !/^html?$/i.test(extension ?? '')) {
    return posix.join(...decoded, `index${suffix}.html`);
  }
  if (decoded.length === 0) return `index${suffix}.${EXTENSIONS[mediaTypeOf(contentType)] ?? 'bin'}`;
  const stem = extension ? last.slice(0, -extension.length - 1) : last;
  const ext = extension ?? EXTENSIONS[mediaTypeOf(contentType)] ?? 'bin';
  return posix.join(...decoded.slice(0, -1), `${stem}${suffix}.${ext}`);
}

/**
 * A query as part of a file name: `key=value` pairs (sorted) joined by commas; characters other than
 * letters, digits, `_`, `.` and `-` as `~XX` (their UTF-8 bytes), so different queries never share a
 * name. A long one keeps its start and a hash of the whole.
 */
export function queryName(query: string): string {
  const encode = (text: string) =>
    Array.from(Buffer.from(text, 'utf8'))
      .map((byte) => {
        const c = String.fromCharCode(byte);
        return /[A-Za-z0-9_.-]/.test(c) ? c : `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      })
      .join('');
  const name = Array.from(new URLSearchParams(query))
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join(',');
  if (name.length <= 120) return name;
  return `${name.slice(0, 80)}~${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/** A relative link from one file of the copy to another, each path segment escaped for an href. */
export function relativeHref(fromFile: string, toFile: string): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile) || posix.basename(toFile);
  return relative
    .split('/')
    .map((segment) => (segment === '..' ? segment : escapeSegment(segment)))
    .join('/');
}

/** encodeURIComponent, keeping the characters a path segment may hold as they are (RFC 3986 pchar). */
function escapeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(24|26|2B|2C|3B|3D|40)/g, (kept) => decodeURIComponent(kept));
}
