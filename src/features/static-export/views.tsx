/**
 * The two pages only the static copy has: its search page (pagefind's UI, the copy's one use of
 * JavaScript: a static host cannot answer `?q=`) and the language choice at its root (the site answers `/`
 * by the browser's Accept-Language, which a static host cannot read). Addresses are the site's own;
 * the exporter makes them relative like every other page's.
 */
import { messages } from '../../platform/i18n/format.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { HtmlDocument, TitledPage } from '../../ui/layout.js';

/** Where pagefind writes its bundle, and the script that starts its UI on the search page. */
export const PAGEFIND_DIR = 'pagefind';
export const SEARCH_SCRIPT = '/assets/static-search.js';

export function staticPageContext(locale: Locale, pathWithinLocale: string, stylesheetHref: string): PageContext {
  return { locale, t: messages(locale), pathWithinLocale, stylesheetHref, viewer: null, workspaceNav: [] };
}

export function SearchPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const { t } = ctx;
  const head = (
    <>
      <link rel="stylesheet" href={`/${PAGEFIND_DIR}/pagefind-ui.css`} />
      <script src={`/${PAGEFIND_DIR}/pagefind-ui.js`} defer></script>
      <script src={SEARCH_SCRIPT} defer></script>
    </>
  );
  return (
    <TitledPage ctx={ctx} title={t.staticSearchTitle} description={t.staticSearchIntro} head={head}>
      <p class="lede" safe>
        {t.staticSearchIntro}
      </p>
      <div id="search" data-static-search></div>
      <noscript>
        <p class="notice" safe>
          {t.staticSearchNeedsScript}
        </p>
      </noscript>
    </TitledPage>
  );
}

/** The copy's root: each language named in itself, with the site's tagline in that language. */
export function LanguageChoicePage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <HtmlDocument ctx={ctx} title={ctx.t.siteName}>
      <main id="main" class="wrap">
        <h1 safe>{ctx.t.siteName}</h1>
        <p class="lede">
          {LOCALES.map((locale, i) => (
            <>
              {i > 0 ? ' / ' : ''}
              <span lang={locale} safe>
                {messages(locale).staticChooseLanguage}
              </span>
            </>
          ))}
        </p>
        <ul>
          {LOCALES.map((locale) => {
            const t = messages(locale);
            return (
              <li lang={locale}>
                <a href={`/${locale}/`} hreflang={locale} safe>
                  {t.switchToThisLanguage}
                </a>
                {' · '}
                <span safe>{t.siteTagline}</span>
              </li>
            );
          })}
        </ul>
      </main>
    </HtmlDocument>
  );
}
