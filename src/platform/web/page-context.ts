import type { Catalog } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locales.js';
import type { PolicyUser } from '../policy.js';
import type { Viewer } from './viewer.js';

/** What every page view needs to know about the request. */
export interface PageContext {
  locale: Locale;
  t: Catalog;
  /** The path after the language prefix, e.g. "/statements/x", so the language switch keeps the page. */
  pathWithinLocale: string;
  /** The site's public address (PUENTE_BASE_URL), for canonical and language links; unset outside a request. */
  baseUrl?: string;
  /** The stylesheet's fingerprinted URL. */
  stylesheetHref: string;
  /** The signed-in person (label and sign-out token), or null for anonymous visitors. */
  viewer?: Viewer | null;
  /** The workspace menu, gathered from every feature's manifest (src/platform/feature.ts). */
  workspaceNav?: readonly WorkspaceNavEntry[];
  /** A save just succeeded: this GET is the redirect after it (`?saved=1`, see `savedUrl`); the workspace frame says "Saved.". */
  saved?: boolean;
}

/** One link of the workspace menu. */
export interface WorkspaceNavEntry {
  /** Path after the language prefix. */
  path: string;
  label: (t: Catalog) => string;
  /** Uses the policy functions, so a link shows only to who may use it. */
  visible: (user: PolicyUser) => boolean;
  /** Where it stands in the menu (ascending). */
  position: number;
}
