/**
 * `puente export static DIR`: a copy of the public site that any static host serves. Pages are read
 * through the app as an anonymous visitor (crawl.ts), so the copy holds exactly what the public sees,
 * under the one visibility rule; their links are made relative (rewrite-html.ts); pagefind indexes them
 * (search-index.ts). Everything is written to a new folder beside DIR, which replaces DIR only when the
 * whole copy is written: a failed export leaves the previous copy as it was. Nothing in the copy says
 * when it was made, so an export of unchanged data is the same, byte for byte.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { StartupError } from '../../platform/errors.js';
import { messages } from '../../platform/i18n/format.js';
import { isLocale, LOCALES } from '../../platform/i18n/locales.js';
import { fromPackageRoot } from '../../platform/package-root.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadStylesheet } from '../../platform/web/stylesheet.js';
import { crawlSite, type Outcome } from './crawl.js';
import { addressKey, type SiteAddress } from './file-names.js';
import { type LinkTable, rewriteHtml } from './rewrite-html.js';
import { writeSearchIndex } from './search-index.js';
import { LanguageChoicePage, SEARCH_SCRIPT, SearchPage, staticPageContext } from './views.js';

/** Marks a folder as a copy this command wrote, which the next export may replace. */
export const EXPORT_MARKER = '.puente-static-export';
const MARKER_TEXT =
  'This folder is a static copy of a Puente site, written by `puente export static`. The next export replaces it whole.\n';

export interface StaticExportReport {
  dir: string;
  /** Pages (HTML) in the copy. */
  pages: number;
  /** Other files from the site: downloads, uploaded files, the stylesheet, icons, feeds, API answers. */
  files: number;
  /** Pages in the search index. */
  indexed: number;
  /** Addresses the site's pages link that answered 404 (linked on the live site in the copy). */
  missing: string[];
}

export interface StaticExportOptions {
  /** The app to read the site from (`buildApp`), as an anonymous visitor. */
  app: Pick<FastifyTypeBox, 'inject'>;
  /** The site's public address (PUENTE_BASE_URL): what the copy links for what it does not hold. */
  baseUrl: string;
  dir: string;
}

export async function exportStaticSite(options: StaticExportOptions): Promise<StaticExportReport> {
  const dir = resolve(options.dir);
  await checkExportFolder(dir);
  const site = new URL(options.baseUrl);
  const work = join(dirname(dir), `.${basename(dir)}.export-${randomBytes(4).toString('hex')}`);
  await mkdir(work, { recursive: true });
  try {
    const report = await writeCopy(options.app, site, work);
    await writeFile(join(work, EXPORT_MARKER), MARKER_TEXT);
    await swapIn(work, dir);
    return { dir, ...report };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/** DIR may be missing, empty, or a copy this command wrote; anything else is someone's files. */
export async function checkExportFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (!found) return;
  if (!found.isDirectory()) throw new StartupError(`${dir} is a file: give a folder to write the static copy to`);
  const entries = await readdir(dir);
  if (entries.length === 0 || entries.includes(EXPORT_MARKER)) return;
  throw new StartupError(
    `${dir} is not empty and is not a copy written by puente export static (it has no ${EXPORT_MARKER} file): give a new or empty folder, so no one's files are replaced`,
  );
}

/** The new copy takes DIR's place; the previous one is removed only once the new one is there. */
async function swapIn(work: string, dir: string): Promise<void> {
  const previous = await stat(dir).catch(() => null);
  if (!previous) {
    await mkdir(dirname(dir), { recursive: true });
    await rename(work, dir);
    return;
  }
  const old = `${work}-previous`;
  await rename(dir, old);
  try {
    await rename(work, dir);
  } catch (error) {
    await rename(old, dir);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

async function writeCopy(app: Pick<FastifyTypeBox, 'inject'>, site: URL, work: string) {
  const searchFile = (locale: string) => `${locale}/search/index.html`;
  const searchPageOf = (address: SiteAddress): string | null => {
    const match = /^\/([^/]+)\/search$/.exec(address.path);
    return match && isLocale(match[1]!) ? searchFile(match[1]!) : null;
  };
  const ownAddress = (address: SiteAddress) => address.path === '/' || searchPageOf(address) !== null;

  const crawl = await crawlSite({ app, site, dir: work, ownAddress });
  const { outcomes } = crawl;
  const files = [...outcomes.values()].filter((o) => o.kind === 'file' && !o.html).length;

  // The copy's own pages and script, rendered by the UI kit as the site's pages are.
  const stylesheet = loadStylesheet();
  const own = new Map<string, { html: string; file: string; address: string }>();
  own.set('/', {
    file: 'index.html',
    address: '/',
    html: await (<LanguageChoicePage ctx={staticPageContext(LOCALES[0], '/', stylesheet.href)} />),
  });
  for (const locale of LOCALES) {
    const html = await (<SearchPage ctx={staticPageContext(locale, '/search', stylesheet.href)} />);
    own.set(`/${locale}/search`, { file: searchFile(locale), address: `/${locale}/search`, html });
  }
  const scriptFile = SEARCH_SCRIPT.slice(1);
  await mkdir(join(work, 'assets'), { recursive: true });
  await writeFile(join(work, scriptFile), await readFile(fromPackageRoot('src', 'assets', 'static-search.js')));
  outcomes.set(SEARCH_SCRIPT, {
    kind: 'file',
    file: scriptFile,
    html: false,
    address: { path: SEARCH_SCRIPT, query: '' },
  });
  // pagefind's bundle is written last; pages link its UI before it exists.
  for (const name of ['pagefind-ui.js', 'pagefind-ui.css']) {
    const path = `/pagefind/${name}`;
    outcomes.set(path, { kind: 'file', file: path.slice(1), html: false, address: { path, query: '' } });
  }
  for (const [key, page] of own) {
    outcomes.set(key, { kind: 'file', file: page.file, html: true, address: { path: page.address, query: '' } });
  }

  const links: LinkTable = { site, fileOf: (key) => fileOf(outcomes, key), searchPageOf };
  let pages = 0;
  let indexed = 0;
  for (const [key, outcome] of [...outcomes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (outcome.kind !== 'file' || !outcome.html) continue;
    pages += 1;
    const path = join(work, ...outcome.file.split('/'));
    const html = own.get(key)?.html ?? (await readFile(path, 'utf8'));
    const inIndex = !own.has(key) && outcome.address.query === '';
    if (inIndex) indexed += 1;
    const address = new URL(addressKey(outcome.address), site);
    const locale = LOCALES.find((l) => outcome.address.path === `/${l}` || outcome.address.path.startsWith(`/${l}/`));
    const searchPage = locale && { file: searchFile(locale), label: messages(locale).staticSearchTitle };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, rewriteHtml(html, links, { address, file: outcome.file, indexed: inIndex, searchPage }));
  }
  await writeSearchIndex(work);
  return { pages, files, indexed, missing: crawl.missing };
}

/** The copy's file for an address, through its redirects; null when the copy does not hold it. */
function fileOf(outcomes: Map<string, Outcome>, key: string): string | null {
  let current = key;
  for (let hops = 0; hops < 10; hops++) {
    const outcome = outcomes.get(current);
    if (!outcome || outcome.kind === 'live') return null;
    if (outcome.kind === 'file') return outcome.file;
    current = outcome.to;
  }
  return null;
}
