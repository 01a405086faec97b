/**
 * A page of the copy links only files of the copy, by relative addresses, so the copy works under any
 * path of any host (and from a folder on disk). Links to what the copy does not hold (personal pages,
 * addresses that answered 404) and forms (a static host answers no query) go to the live site.
 */
import * as cheerio from 'cheerio';
import { addressKey, relativeHref, type SiteAddress, siteAddress } from './file-names.js';

export interface LinkTable {
  /** The site's public address. */
  site: URL;
  /** The copy's file for an address, following redirects; null when the copy does not hold it. */
  fileOf(key: string): string | null;
  /** The copy's search page for an address that is the site's search (`/{lang}/search`), if it is one. */
  searchPageOf(address: SiteAddress): string | null;
}

export interface RewriteOptions {
  /** The page's own address on the site (links are resolved against it). */
  address: URL;
  /** The page's file in the copy. */
  file: string;
  /** Mark the page's main content for the search index (pages without a query only: no duplicates). */
  indexed: boolean;
  /**
   * The copy's search page for this page's language, linked from the main menu when the page has no
   * search form of its own (the site's search form, pointed at it, does the same once the site has one).
   */
  searchPage?: { file: string; label: string } | undefined;
}

export function rewriteHtml(html: string, links: LinkTable, options: RewriteOptions): string {
  const $ = cheerio.load(html);
  /** A link's address in the copy: its file's, the copy's search page, or the live site's; null: not the site's. */
  let linksSearch = false;
  const rewritten = (value: string, allowSearch: boolean): string | null => {
    const found = siteAddress(value, options.address, links.site);
    if (!found) return null;
    const search = allowSearch ? links.searchPageOf(found.address) : null;
    if (search) {
      const query = found.address.query ? `?${found.address.query}` : '';
      return `${relativeHref(options.file, search)}${query}${found.hash}`;
    }
    const file = links.fileOf(addressKey(found.address));
    if (file !== null) return `${relativeHref(options.file, file)}${found.hash}`;
    return new URL(value, options.address).toString();
  };

  $('[href], [src]').each((_, element) => {
    const $element = $(element);
    // Canonical and language alternates written absolute name the site itself on purpose: a copy is not the original.
    const rel = ($element.attr('rel') ?? '').split(/\s+/);
    const namesOriginal =
      element.tagName === 'link' && (rel.includes('canonical') || $element.attr('hreflang') !== undefined);
    for (const name of ['href', 'src'] as const) {
      const value = $element.attr(name);
      if (value === undefined || isLocalOrForeign(value)) continue;
      if (namesOriginal && /^https?:/i.test(value)) continue;
      const link = rewritten(value, true);
      if (link !== null) $element.attr(name, link);
    }
  });
  $('form[action]').each((_, element) => {
    const $form = $(element);
    const action = $form.attr('action') ?? '';
    const method = ($form.attr('method') ?? 'get').toLowerCase();
    const target = siteAddress(action, options.address, links.site);
    if (!target) return;
    const page = method === 'get' ? links.searchPageOf(target.address) : null;
    if (page) linksSearch = true;
    $form.attr(
      'action',
      page ? relativeHref(options.file, page) : new URL(addressKey(target.address), links.site).toString(),
    );
  });
  if (options.indexed) $('main').first().attr('data-pagefind-body', '');
  const menu = $('header nav ul').first();
  if (!linksSearch && options.searchPage && menu.length > 0) {
    const link = $('<a></a>')
      .attr('href', relativeHref(options.file, options.searchPage.file))
      .text(options.searchPage.label);
    if (options.searchPage.file === options.file) link.attr('aria-current', 'page');
    menu.append($('<li></li>').append(link));
  }
  return $.html();
}

/** In-page anchors, other schemes (mailto:, tel:, data:) and other sites are left as they are. */
function isLocalOrForeign(value: string): boolean {
  if (value.startsWith('#') || value === '') return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value)) return true;
  return false;
}
