/**
 * What a public page tells the web about itself, drawn by the shared layout from per-page data: its
 * canonical address and the same page in each language (hreflang, with x-default), Open Graph and
 * Twitter card tags, structured data (JSON-LD) and the Atom feeds it offers. Absolute URLs come from
 * the configured public address (`ctx.baseUrl`, PUENTE_BASE_URL) through platform/web/public-urls.ts.
 */
import type { Locale } from '../platform/i18n/locales.js';
import type { PageContext } from '../platform/web/page-context.js';
import { absoluteUrl, languageAlternates, localePath, publicPaths, publicUrl } from '../platform/web/public-urls.js';

/** An Atom feed a page offers: linked in the head (`rel="alternate"`) and shown on the page. */
export interface FeedLink {
  title: string;
  /** A site path (`/en/feeds/releases.xml`). */
  href: string;
}

/** The site's feeds, as a page offers them (features/feeds serves them). */
export const siteFeeds = {
  releases: (ctx: PageContext): FeedLink => ({
    title: ctx.t.feedReleasesTitle,
    href: localePath(ctx.locale, publicPaths.releasesFeed()),
  }),
  statements: (ctx: PageContext): FeedLink => ({
    title: ctx.t.feedStatementsTitle,
    href: localePath(ctx.locale, publicPaths.statementsFeed()),
  }),
  followup: (ctx: PageContext): FeedLink => ({
    title: ctx.t.feedFollowupTitle,
    href: localePath(ctx.locale, publicPaths.followupFeed()),
  }),
  statementFollowup: (ctx: PageContext, statementSlug: string, statementTitle: string): FeedLink => ({
    title: ctx.t.feedStatementFollowupTitle(statementTitle),
    href: localePath(ctx.locale, publicPaths.statementFollowupFeed(statementSlug)),
  }),
};

/** Per-page data for the social cards and structured data. */
export interface PageSocial {
  /** `article` for a release or a statement; `website` (the default) for the rest. */
  type?: 'website' | 'article';
  /** An absolute image URL (a logo), when the page has one fit for a card. */
  image?: string;
  publishedTime?: string;
  modifiedTime?: string;
  /** schema.org objects (`NewsArticle`, `Organization`), each written as one JSON-LD element. */
  jsonLd?: Record<string, unknown>[];
}

const OG_LOCALE: Record<Locale, string> = { en: 'en_US', es: 'es_ES' };

/** The page's address without its query: one canonical URL per page (filters and pages of a list are its variants). */
export function canonicalUrl(ctx: PageContext): string {
  return publicUrl(ctx.baseUrl ?? '', ctx.locale, ctx.pathWithinLocale);
}

/** The same page in each language, and x-default (the address without a language, which picks the reader's). */
export function AlternateLinks({ ctx }: { ctx: PageContext }): JSX.Element {
  // Without a configured address (a page rendered outside a request), the links stay relative.
  const links = ctx.baseUrl
    ? languageAlternates(ctx.baseUrl, ctx.pathWithinLocale)
    : languageAlternates('', ctx.pathWithinLocale).filter((l) => l.hreflang !== 'x-default');
  return (
    <>
      {links.map((l) => (
        <link rel="alternate" hreflang={l.hreflang} href={l.href} />
      ))}
    </>
  );
}

/** Canonical link, Open Graph and Twitter card tags, JSON-LD and feed links of one public page. */
export function PageMeta(props: {
  ctx: PageContext;
  title: string;
  description?: string;
  social?: PageSocial;
  feeds?: FeedLink[];
}): JSX.Element {
  const { ctx, title, social = {}, feeds = [] } = props;
  const description = props.description ?? ctx.t.siteTagline;
  const baseUrl = ctx.baseUrl;
  if (!baseUrl) return <FeedHeadLinks feeds={feeds} />;
  const url = canonicalUrl(ctx);
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:site_name" content={ctx.t.siteName} />
      <meta property="og:type" content={social.type ?? 'website'} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={OG_LOCALE[ctx.locale]} />
      {Object.entries(OG_LOCALE)
        .filter(([l]) => l !== ctx.locale)
        .map(([, og]) => (
          <meta property="og:locale:alternate" content={og} />
        ))}
      {social.image ? <meta property="og:image" content={social.image} /> : ''}
      {social.publishedTime ? <meta property="article:published_time" content={social.publishedTime} /> : ''}
      {social.modifiedTime ? <meta property="article:modified_time" content={social.modifiedTime} /> : ''}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      {social.image ? <meta name="twitter:image" content={social.image} /> : ''}
      {(social.jsonLd ?? []).map((data) => (
        <JsonLd data={data} />
      ))}
      <FeedHeadLinks feeds={feeds} baseUrl={baseUrl} />
    </>
  );
}

function FeedHeadLinks({ feeds, baseUrl }: { feeds: FeedLink[]; baseUrl?: string }): JSX.Element {
  return (
    <>
      {feeds.map((f) => (
        <link
          rel="alternate"
          type="application/atom+xml"
          title={f.title}
          href={baseUrl ? absoluteUrl(baseUrl, f.href) : f.href}
        />
      ))}
    </>
  );
}

/** The feeds a page offers, as links a reader can see and follow (and copy into a feed reader). */
export function FeedLinks({ ctx, feeds }: { ctx: PageContext; feeds: FeedLink[] }): JSX.Element {
  if (feeds.length === 0) return '';
  // A paragraph, not an aside: it sits inside main, where another landmark would be nested.
  return (
    <p class="feed-links">
      <span safe>{`${ctx.t.feedsSubscribe} `}</span>
      {feeds.map((f, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={f.href} type="application/atom+xml" safe>
            {f.title}
          </a>
        </>
      ))}
    </p>
  );
}

/**
 * Structured data as `<script type="application/ld+json">`: data, not script (the CSP does not apply and
 * it never runs), so no `'unsafe-inline'` is needed. `<`, `>` and `&` are written as JSON escapes, so no
 * text in it can close the element (`</script>`) or open a comment.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }): JSX.Element {
  return <script type="application/ld+json">{jsonForScript(data) as 'safe'}</script>;
}

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
