/**
 * Atom 1.0 documents, written by `feed` (jpmonette/feed: a maintained writer that escapes and lays out
 * the XML), given entries already chosen by the visibility rule. Text is escaped here before it goes in
 * as `type="html"` (the library's choice for titles and summaries); rendered Markdown is already safe
 * HTML (platform/text/markdown.ts).
 */
import { escapeHtml } from '@kitajs/html';
import { Feed } from 'feed';
import type { Locale } from '../../platform/i18n/locales.js';

export interface AtomEntry {
  title: string;
  /** Absolute URL of the page the entry is about. */
  link: string;
  /** The entry's permanent id when several entries share a page (the page's URL with a fragment); else the link. */
  id?: string;
  updated: Date;
  published?: Date;
  /** HTML, already safe. */
  summaryHtml?: string;
}

export interface AtomFeed {
  locale: Locale;
  title: string;
  subtitle: string;
  /** Absolute URL of the feed itself (its id and `rel="self"`). */
  self: string;
  /** Absolute URL of the page that shows the same list. */
  page: string;
  author: string;
  entries: AtomEntry[];
  updated: Date;
}

/** XML 1.0 refuses most control characters; a pasted text could carry one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML forbids is the point.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (text: string) => text.replace(NOT_XML, '');

export function escapeText(text: string): string {
  return escapeHtml(clean(text));
}

export function writeAtom(spec: AtomFeed): string {
  const feed = new Feed({
    id: spec.self,
    title: clean(spec.title),
    description: clean(spec.subtitle),
    link: spec.page,
    feedLinks: { atom: spec.self },
    updated: spec.updated,
    author: { name: clean(spec.author) },
    // No generator line: the document is the same whatever version wrote it.
    generator: false,
  });
  for (const entry of spec.entries) {
    feed.addItem({
      id: entry.id ?? entry.link,
      title: escapeText(entry.title),
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: entry.summaryHtml ? clean(entry.summaryHtml) : undefined,
    });
  }
  // The feed's language, for readers that show or filter by it (the library does not write xml:lang).
  return feed
    .atom1()
    .replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${spec.locale}">`,
    );
}
