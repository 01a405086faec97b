/**
 * Where the public reads each thing: the one place public paths and absolute public URLs are built for
 * channels that leave the page (feeds, the sitemap, canonical and hreflang links, structured data), and
 * for whatever must list every public page (the sitemap; a static copy of the site).
 *
 * Paths are within a language (`/statements/x`); `localePath()` puts the language in front and
 * `absoluteUrl()` the configured public address (PUENTE_BASE_URL, `Config.baseUrl`, no trailing slash).
 */
import { LOCALES, type Locale } from '../i18n/locales.js';

const seg = (value: string) => encodeURIComponent(value);

export const publicPaths = {
  home: () => '/',
  newsroom: () => '/releases',
  directory: () => '/organizations',
  statement: (slug: string) => `/statements/${seg(slug)}`,
  recommendation: (statementSlug: string, recommendationSlug: string) =>
    `/statements/${seg(statementSlug)}/recommendations/${seg(recommendationSlug)}`,
  recommendationFollowup: (statementSlug: string, recommendationSlug: string) =>
    `/statements/${seg(statementSlug)}/recommendations/${seg(recommendationSlug)}/follow-up`,
  release: (slug: string) => `/releases/${seg(slug)}`,
  organization: (slug: string) => `/organizations/${seg(slug)}`,
  followup: () => '/follow-up',
  /** The public follow-up dashboards, each one page (its filters are variants of it). */
  followupDashboards: () =>
    [
      '/follow-up',
      '/follow-up/themes',
      '/follow-up/addressees',
      '/follow-up/over-time',
      '/follow-up/scorecard',
    ] as const,
  followupList: () => '/follow-up/recommendations',
  /** Atom feeds (features/feeds). */
  releasesFeed: () => '/feeds/releases.xml',
  statementsFeed: () => '/feeds/statements.xml',
  followupFeed: () => '/feeds/follow-up.xml',
  statementFollowupFeed: (statementSlug: string) => `/feeds/statements/${seg(statementSlug)}/follow-up.xml`,
} as const;

/** `/{locale}{path}`: the page in one language. */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path}`;
}

/** The absolute URL of a site path (one that starts with `/`), on the configured public address. */
export function absoluteUrl(baseUrl: string, sitePath: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${sitePath}`;
}

/** The absolute URL of a page in one language. */
export function publicUrl(baseUrl: string, locale: Locale, path: string): string {
  return absoluteUrl(baseUrl, localePath(locale, path));
}

/**
 * The same page in every language, and `x-default`: the address without a language, which sends each
 * reader to theirs (platform/web/locale-redirect.ts); for hreflang links in pages and the sitemap.
 */
export function languageAlternates(baseUrl: string, path: string): { hreflang: string; href: string }[] {
  return [
    ...LOCALES.map((l) => ({ hreflang: l, href: publicUrl(baseUrl, l, path) })),
    { hreflang: 'x-default', href: absoluteUrl(baseUrl, path) },
  ];
}
