import type { Catalog } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locales.js';
import type { Viewer } from './viewer.js';

/** What every page view needs to know about the request. */
export interface PageContext {
  locale: Locale;
  t: Catalog;
  /** The path after the language prefix, e.g. "/statements/x", so the language switch keeps the page. */
  pathWithinLocale: string;
  /** The stylesheet's fingerprinted URL. */
  stylesheetHref: string;
  /** The signed-in person (label and sign-out token), or null for anonymous visitors. */
  viewer?: Viewer | null;
}
