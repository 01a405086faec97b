/** The page frame: language, navigation, the language switch that keeps you on the same page. */

import { messages } from '../platform/i18n/format.js';
import { LOCALES } from '../platform/i18n/locales.js';
import { brandAssets } from '../platform/web/brand-assets.js';
import type { PageContext } from '../platform/web/page-context.js';
import { EmptyOr } from './list.js';
import { AlternateLinks, type FeedLink, FeedLinks, PageMeta, type PageSocial } from './page-meta.js';
import { Pager, PagerHead, type PagerLinks } from './pager.js';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Extra head elements a page needs (the pager's prev/next links). */
  head?: JSX.Element;
  /** Open Graph type, image, times and structured data (JSON-LD) of this page (ui/page-meta.tsx). */
  social?: PageSocial;
  /** The Atom feeds this page offers: linked in the head and shown at the end of the page. */
  feeds?: FeedLink[];
  /** Not a page to index (an error page): no canonical link or social cards, `robots: noindex`. */
  noindex?: boolean;
  children?: JSX.Element | JSX.Element[];
}

export function Layout({ ctx, title, description, head, social, feeds, noindex, children }: LayoutProps): JSX.Element {
  const { t, locale } = ctx;
  const fullTitle = title === t.siteName ? t.siteName : `${title} · ${t.siteName}`;
  const meta = noindex ? (
    <meta name="robots" content="noindex" />
  ) : (
    <PageMeta ctx={ctx} title={title} description={description} social={social} feeds={feeds} />
  );
  return (
    <HtmlDocument
      ctx={ctx}
      title={fullTitle}
      afterTitle={description ? <meta name="description" content={description} /> : ''}
      head={
        <>
          {meta as 'safe'}
          {(head ?? '') as 'safe'}
        </>
      }
    >
      <header class="site-header">
        <div class="wrap">
          <Brand ctx={ctx} href={`/${locale}/`} tagline={t.siteTagline} />
          <nav aria-label={t.mainNavigation}>
            <ul class="nav-list">
              {(
                [
                  ['/', t.navStatements],
                  ['/organizations', t.navOrganizations],
                  ['/releases', t.navReleases],
                  ['/follow-up', t.followupNav],
                ] as const
              ).map(([path, label]) => (
                <li>
                  <NavLink ctx={ctx} path={path} label={label} />
                </li>
              ))}
            </ul>
          </nav>
          <HeaderSearch ctx={ctx} />
          <LanguageSwitch ctx={ctx} />
          <SessionNav ctx={ctx} />
        </div>
      </header>
      <main id="main" class="wrap">
        {/* children are JSX, already escaped where they were built */}
        {children as 'safe'}
        <FeedLinks ctx={ctx} feeds={feeds ?? []} />
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p safe>{t.footerNote}</p>
          <p>
            <a href={`/${locale}/api`} safe>
              {t.footerApiLink}
            </a>
          </p>
        </div>
      </footer>
    </HtmlDocument>
  );
}

/** A section named by its heading (aria-labelledby), the way every page divides itself. */
export function Section(props: {
  /** The heading's id. */
  id: string;
  title: string;
  class?: string;
  children: JSX.Element | JSX.Element[];
}): JSX.Element {
  return (
    <section class={props.class} aria-labelledby={props.id}>
      <h2 id={props.id} safe>
        {props.title}
      </h2>
      {/* children are JSX, already escaped where they were built */}
      {props.children as 'safe'}
    </section>
  );
}

/** A page of the public frame whose heading is its title. */
export function TitledPage(props: LayoutProps): JSX.Element {
  return (
    <Layout {...props}>
      <h1 safe>{props.title}</h1>
      {/* children are JSX, already escaped where they were built */}
      {props.children as 'safe'}
    </Layout>
  );
}

/**
 * A public page that is one list (statements, organizations, releases): the title, the lede (also the
 * page's description), then the list or, when there is nothing yet, a line saying so.
 */
export function ListingPage(props: {
  ctx: PageContext;
  title: string;
  intro: string;
  empty: string;
  isEmpty: boolean;
  /** The links to the list's other pages (keyset pages: ui/pager.tsx), shown under it and in the head. */
  pager?: PagerLinks;
  /** The Atom feeds of what the list shows. */
  feeds?: FeedLink[];
  /** A link beside the list to what it leaves out on purpose (the home: the UPR recommendations followed). */
  related?: { href: string; label: string } | undefined;
  children: JSX.Element;
}): JSX.Element {
  const { ctx, title, intro, children, pager, related } = props;
  return (
    <TitledPage
      ctx={ctx}
      title={title}
      description={intro}
      feeds={props.feeds}
      head={pager ? <PagerHead links={pager} /> : undefined}
    >
      <p class="lede" safe>
        {intro}
      </p>
      {related ? (
        <p class="related">
          <a href={related.href} safe>
            {related.label}
          </a>
        </p>
      ) : (
        ''
      )}
      <EmptyOr empty={props.empty} isEmpty={props.isEmpty}>
        {children}
      </EmptyOr>
      {pager ? <Pager ctx={ctx} links={pager} /> : ''}
    </TitledPage>
  );
}

/**
 * The document around every page: language, character set, viewport, title, stylesheet, the same
 * page in each language, then the skip link first in the body.
 */
export function HtmlDocument(props: {
  ctx: PageContext;
  title: string;
  /** Head elements before the title (robots, configuration). */
  beforeTitle?: JSX.Element;
  /** Head elements after the title (the description). */
  afterTitle?: JSX.Element;
  /** Head elements at the end, built as JSX by the page, escaped there. */
  head?: JSX.Element;
  bodyClass?: string;
  children: JSX.Element | JSX.Element[];
}): JSX.Element {
  const { ctx } = props;
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {(props.beforeTitle ?? '') as 'safe'}
          <title safe>{props.title}</title>
          {(props.afterTitle ?? '') as 'safe'}
          <link rel="stylesheet" href={ctx.stylesheetHref} />
          <link rel="icon" href={brandAssets().svgHref} type="image/svg+xml" />
          <AlternateLinks ctx={ctx} />
          {(props.head ?? '') as 'safe'}
        </head>
        <body class={props.bodyClass}>
          <SkipLink ctx={ctx} />
          {props.children as 'safe'}
        </body>
      </html>
    </>
  );
}

function NavLink({ ctx, path, label }: { ctx: PageContext; path: string; label: string }): JSX.Element {
  const current = path === '/' ? ctx.pathWithinLocale === '/' : ctx.pathWithinLocale.startsWith(path);
  return <NavEntry ctx={ctx} path={path} label={label} current={current} />;
}

/** A navigation link, marked as the current page when it is. */
export function NavEntry(props: { ctx: PageContext; path: string; label: string; current: boolean }): JSX.Element {
  return (
    <a href={`/${props.ctx.locale}${props.path}`} aria-current={props.current ? 'page' : undefined} safe>
      {props.label}
    </a>
  );
}

export function SkipLink({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <a class="skip-link" href="#main" safe>
      {ctx.t.skipToContent}
    </a>
  );
}

/** The site's name and, under it, what this part of the site is. */
export function Brand(props: { ctx: PageContext; href: string; tagline: string }): JSX.Element {
  return (
    <a class="brand" href={props.href}>
      <BrandMark />
      <span class="brand-text">
        <span class="brand-name" safe>
          {props.ctx.t.siteName}
        </span>
        <span class="brand-tagline" safe>
          {props.tagline}
        </span>
      </span>
    </a>
  );
}

/** The bridge mark beside the name (the same drawing as the favicon); decorative: the name says it. */
export function BrandMark(): JSX.Element {
  return (
    <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#0b5a8a" />
      <g fill="none" stroke="#fff" stroke-linecap="round">
        <path d="M4 20h24M7 20v6M25 20v6" stroke-width="2.5" />
        <path d="M5 20Q16 4 27 20" stroke-width="2.5" />
        <path d="M10 14.6V20M16 12v8M22 14.6V20" stroke-width="1.5" />
      </g>
    </svg>
  );
}

/**
 * The site search (features/search) from every public page: a plain GET form, so it works without
 * JavaScript; the results page at `/{lang}/search` has the filters.
 */
function HeaderSearch({ ctx }: { ctx: PageContext }): JSX.Element {
  const { t, locale } = ctx;
  return (
    <search class="header-search" aria-label={t.searchBoxLabel}>
      <form method="get" action={`/${locale}/search`}>
        <label class="visually-hidden" for="site-search-q" safe>
          {t.searchBoxLabel}
        </label>
        <input id="site-search-q" name="q" type="search" maxlength="200" />
        <button type="submit" safe>
          {t.searchButton}
        </button>
      </form>
    </search>
  );
}

/** Each language named in itself, linking to this same page in that language. */
export function LanguageSwitch({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <nav class="language-switch" aria-label={ctx.t.languageSwitchLabel}>
      <ul class="nav-list">
        {LOCALES.map((l) => {
          const name = messages(l).switchToThisLanguage;
          return (
            <li>
              {l === ctx.locale ? (
                <span aria-current="true" lang={l} safe>
                  {name}
                </span>
              ) : (
                <a href={`/${l}${ctx.pathWithinLocale}`} hreflang={l} lang={l} safe>
                  {name}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * Who is signed in, with the workspace (every signed-in account may use its home), their account page
 * and sign-out (a POST form: signing out changes state).
 * Anonymous visitors see the same sign-in link on every page, so public pages stay cacheable.
 */
function SessionNav({ ctx }: { ctx: PageContext }): JSX.Element {
  const { t, locale, viewer } = ctx;
  return (
    <nav class="session-nav" aria-label={t.accountsHeaderLabel}>
      {viewer ? (
        <>
          <span>
            <span safe>{t.accountsHeaderSignedInAs}</span> <strong safe>{viewer.label}</strong>
          </span>
          <a href={`/${locale}/account`} safe>
            {t.accountsHeaderAccount}
          </a>
          <a href={`/${locale}/workspace`} safe>
            {t.workspaceTitle}
          </a>
          <form method="post" action={`/${locale}/sign-out`}>
            <input type="hidden" name="_csrf" value={viewer.csrf} />
            <button type="submit" safe>
              {t.signOutButton}
            </button>
          </form>
        </>
      ) : (
        <a href={`/${locale}/sign-in`} safe>
          {t.accountsHeaderSignIn}
        </a>
      )}
    </nav>
  );
}
