/**
 * Reads the site as an anonymous visitor would, through the app itself (`app.inject`), from the language
 * homes (and the sitemap and the well-known files, when the site has them), following every address
 * its answers name. Each answer is written as it comes (the copy never holds the whole site in memory),
 * and what became of each address is kept, so links can be made relative once every answer is in.
 *
 * What goes into the copy is what any cache may keep for everyone: a 200 without a cookie and without
 * `private` or `no-store` (sign-in, password reset: pages for one visitor). The rest is linked on the live
 * site. The visibility rule is the site's own: nothing is asked for that an anonymous visitor could not.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as cheerio from 'cheerio';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { addressKey, fileFor, isHtml, mediaTypeOf, type SiteAddress, siteAddress } from './file-names.js';

/** What became of an address. */
export type Outcome =
  | { kind: 'file'; file: string; html: boolean; address: SiteAddress }
  | { kind: 'redirect'; to: string }
  /** Not in the copy: linked on the live site. `status` says why (a 404, or 200 for a personal page). */
  | { kind: 'live'; status: number };

export interface Crawl {
  outcomes: Map<string, Outcome>;
  /** Addresses the pages link that answered 404: broken on the site itself too. */
  missing: string[];
}

/**
 * Addresses read whether or not a page links them, when the site has them: what browsers and crawlers
 * ask for on their own, and the API's description, whose paths lead to the API's answers.
 */
const WELL_KNOWN = ['/favicon.ico', '/robots.txt', '/sitemap.xml', '/api/openapi.json'];

/** A 429 is waited out this many times (for at most a minute each, as its Retry-After says) before the export stops. */
const RETRIES = 5;

/** How many requests are in flight: the app answers from one database pool, so a few are enough. */
const CONCURRENCY = 4;

export interface CrawlOptions {
  app: Pick<FastifyTypeBox, 'inject'>;
  /** The site's public address: links written absolute (canonical, feeds, sitemap) are on it. */
  site: URL;
  /** Where answers are written. */
  dir: string;
  /** Addresses the exporter answers itself (the root's language choice, the search pages): not read. */
  ownAddress: (address: SiteAddress) => boolean;
}

export async function crawlSite(options: CrawlOptions): Promise<Crawl> {
  const { app, site, dir } = options;
  const outcomes = new Map<string, Outcome>();
  const missing = new Set<string>();
  const queued = new Set<string>();
  const queue: { address: SiteAddress; linked: boolean }[] = [];
  const filesWritten = new Map<string, string>();

  const enqueue = (address: SiteAddress, linked: boolean) => {
    const key = addressKey(address);
    if (queued.has(key) || options.ownAddress(address)) return;
    queued.add(key);
    queue.push({ address, linked });
  };
  /** `linked`: a page links it, so a 404 is a broken link worth saying (a string in an API answer need not be an address). */
  const enqueueHref = (href: string, base: URL, linked: boolean) => {
    const found = siteAddress(href, base, site);
    if (found) enqueue(found.address, linked);
  };

  for (const locale of LOCALES) enqueue({ path: `/${locale}`, query: '' }, true);
  for (const path of WELL_KNOWN) enqueue({ path, query: '' }, false);

  const visit = async ({ address, linked }: { address: SiteAddress; linked: boolean }) => {
    const key = addressKey(address);
    // A home is asked for as its links name it (`/en/`); the other pages without a trailing slash.
    const url = LOCALES.some((l) => address.path === `/${l}`) ? `${address.path}/` : address.path;
    const answer = await read(app, address.query ? `${url}?${address.query}` : url);
    const status = answer.statusCode;
    if (status === 429 || status >= 500) {
      throw new Error(`${key} answered ${status}: the export stops, and the previous copy stays as it was`);
    }
    if (status >= 300 && status < 400 && typeof answer.headers.location === 'string') {
      const target = siteAddress(answer.headers.location, new URL(key, site), site);
      if (target) {
        outcomes.set(key, { kind: 'redirect', to: addressKey(target.address) });
        enqueue(target.address, linked);
        return;
      }
    }
    const cacheControl = String(answer.headers['cache-control'] ?? '');
    const personal = answer.headers['set-cookie'] !== undefined || /\b(private|no-store)\b/.test(cacheControl);
    const contentType = String(answer.headers['content-type'] ?? '');
    const file = status === 200 && !personal ? fileFor(address, contentType) : null;
    if (!file) {
      if (status === 404 && linked) missing.add(key);
      outcomes.set(key, { kind: 'live', status });
      return;
    }
    const earlier = filesWritten.get(file);
    if (earlier !== undefined) throw new Error(`${key} and ${earlier} would both be written to ${file}`);
    filesWritten.set(file, key);
    const html = isHtml(contentType);
    outcomes.set(key, { kind: 'file', file, html, address });
    const path = join(dir, ...file.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, answer.rawPayload);
    const base = new URL(key, site);
    if (html) for (const href of linksOfHtml(answer.body)) enqueueHref(href, base, true);
    else for (const href of linksOfText(mediaTypeOf(contentType), answer.body)) enqueueHref(href, base, false);
  };

  // On a failure, the other requests in flight finish before it is thrown: nothing writes into the folder
  // after the exporter has removed it.
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (let next = queue.shift(); next && !failure; next = queue.shift()) {
      try {
        await visit(next);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  // Workers end when the queue is empty; a page still being read may add more, so go again until none does.
  while (queue.length > 0 && !failure) await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failure) throw failure.error;
  return { outcomes, missing: [...missing].sort() };
}

/** A GET as an anonymous visitor; a rate limit (429) is waited out, as a polite crawler would. */
async function read(app: CrawlOptions['app'], url: string) {
  for (let attempt = 0; ; attempt++) {
    const answer = await app.inject({ method: 'GET', url });
    if (answer.statusCode !== 429 || attempt >= RETRIES) return answer;
    const seconds = Math.min(Number(answer.headers['retry-after']) || 1, 60);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

/** Every address a page names: links, images, scripts, stylesheets, icons, feeds (forms are not followed). */
export function linksOfHtml(html: string): string[] {
  const $ = cheerio.load(html);
  const links: string[] = [];
  $('[href], [src]').each((_, element) => {
    for (const name of ['href', 'src']) {
      const value = $(element).attr(name);
      if (value !== undefined) links.push(value);
    }
  });
  return links;
}

/**
 * Addresses named in a feed, a sitemap or an API answer: XML's `href="…"` and `<loc>…</loc>`, JSON's
 * strings that are addresses on the site. The copy keeps these files as they are: only its pages'
 * links are rewritten.
 */
export function linksOfText(mediaType: string, body: string): string[] {
  if (mediaType.endsWith('json')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return [];
    }
    const found: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') {
        if (/^(https?:\/\/|\/(?!\/))\S*$/.test(v)) found.push(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(value);
    // An OpenAPI document names its operations by path (after its first server's address): those
    // without parameters are the API's lists, whose answers lead on to the rest.
    const doc = value as { openapi?: unknown; paths?: unknown; servers?: { url?: unknown }[] } | null;
    if (doc && typeof doc === 'object' && doc.openapi !== undefined && doc.paths && typeof doc.paths === 'object') {
      const server = doc.servers?.[0]?.url;
      const prefix = typeof server === 'string' && /^(https?:\/\/|\/)/.test(server) ? server.replace(/\/+$/, '') : '';
      for (const [path, operations] of Object.entries(doc.paths)) {
        if (!path.includes('{') && operations && typeof operations === 'object' && 'get' in operations) {
          found.push(`${prefix}${path}`);
        }
      }
    }
    return found;
  }
  if (mediaType.endsWith('xml')) {
    const found: string[] = [];
    for (const match of body.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>|\shref="([^"]+)"/g)) {
      found.push(unescapeXml(match[1] ?? match[2] ?? ''));
    }
    return found;
  }
  return [];
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  );
}
