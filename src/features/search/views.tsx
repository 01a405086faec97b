/** The search pages: the form, the filters as plain links, the results with their highlighted words. */
import { escapeHtml } from '@kitajs/html';
import type { Catalog } from '../../platform/i18n/catalog.js';
import { formatDate } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { resolveText } from '../../platform/text/localized-text.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { TitledPage } from '../../ui/layout.js';
import { Pager, PagerHead, type PagerLinks } from '../../ui/pager.js';
import { WorkspaceLayout } from '../../ui/workspace-layout.js';
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  SEARCH_CANDIDATES,
  SEARCH_FILTER_KINDS,
  SEARCH_MAX_PAGE,
  SEARCH_MAX_QUERY,
  SEARCH_PAGE_SIZE,
  type SearchFilterKind,
  type SearchHit,
  type SearchInput,
  type SearchPage,
  type SearchProblem,
} from './request.js';

/**
 * A headline from ts_headline as HTML: every piece of the database's text escaped, and the only markup
 * our own `<mark>` around the words between the markers (always balanced, whatever the text holds).
 */
export function highlightedHtml(text: string): string {
  let html = '';
  let open = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_STOP) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

/** The address of a search with these parameters (empty ones left out), for links that change one. */
export function searchHref(
  base: string,
  input: SearchInput,
  change: Partial<Record<keyof SearchParams, string | null>>,
) {
  const params: SearchParams = {
    q: input.q,
    kind: input.kind ?? '',
    theme: input.theme ?? '',
    year: input.year === null ? '' : String(input.year),
    lang: input.lang ?? '',
    page: '',
  };
  const merged = { ...params, ...change };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

interface SearchParams {
  q: string;
  kind: string;
  theme: string;
  year: string;
  lang: string;
  page: string;
}

const KIND_LABEL: Record<SearchFilterKind, (t: Catalog) => string> = {
  statement: (t) => t.searchKindStatement,
  recommendation: (t) => t.searchKindRecommendation,
  release: (t) => t.searchKindRelease,
  organization: (t) => t.searchKindOrganization,
  followup: (t) => t.searchKindFollowup,
};

function problemText(t: Catalog, problem: SearchProblem): string {
  switch (problem) {
    case 'query':
      return t.searchInvalidQuery(SEARCH_MAX_QUERY);
    case 'page':
      return t.searchInvalidPage(SEARCH_MAX_PAGE);
    case 'year':
      return t.searchInvalidYear;
    case 'kind':
      return t.searchInvalidKind;
    case 'lang':
      return t.searchInvalidLanguage;
    case 'theme':
      return t.searchInvalidTheme;
  }
}

/** Where a hit leads: its public page, or its editor in the workspace. */
export type HitHref = (hit: SearchHit) => string;

export function publicHitHref(locale: Locale): HitHref {
  return (hit) => {
    const statement = `/${locale}/statements/${hit.statementSlug}`;
    switch (hit.kind) {
      case 'statement':
        return statement;
      case 'recommendation':
        return `${statement}/recommendations/${hit.recommendationSlug}`;
      case 'release':
        return `/${locale}/releases/${hit.slug}`;
      case 'organization':
        return `/${locale}/organizations/${hit.slug}`;
      default:
        return `${statement}/recommendations/${hit.recommendationSlug}/follow-up`;
    }
  };
}

export function workspaceHitHref(locale: Locale): HitHref {
  return (hit) => {
    const statement = `/${locale}/workspace/statements/${hit.statementSlug}`;
    switch (hit.kind) {
      case 'statement':
        return statement;
      case 'recommendation':
        return `${statement}/recommendations/${hit.recommendationId}`;
      case 'release':
        return `/${locale}/workspace/releases/${hit.slug}`;
      case 'organization':
        return `/${locale}/workspace/organizations/${hit.slug}/edit`;
      default:
        return `/${locale}/workspace/followup/recommendations/${hit.recommendationId}`;
    }
  };
}

function kindName(t: Catalog, hit: SearchHit): string {
  switch (hit.kind) {
    case 'statement':
      return t.searchResultStatement;
    case 'recommendation':
      return t.searchResultRecommendation(hit.recommendationNumber ?? 0);
    case 'release':
      return t.searchResultRelease;
    case 'organization':
      return t.searchResultOrganization;
    case 'followup_response':
      return `${t.searchResultResponse} · ${t.searchResultRecommendation(hit.recommendationNumber ?? 0)}`;
    case 'followup_status_update':
      return `${t.searchResultStatusUpdate} · ${t.searchResultRecommendation(hit.recommendationNumber ?? 0)}`;
  }
}

function stateName(t: Catalog, state: NonNullable<SearchHit['state']>): string {
  return {
    draft: t.searchStateDraft,
    embargoed: t.searchStateEmbargoed,
    withdrawn: t.searchStateWithdrawn,
    published: t.searchStatePublished,
    archived: t.searchStateArchived,
  }[state];
}

function Hit({ ctx, hit, href }: { ctx: PageContext; hit: SearchHit; href: HitHref }): JSX.Element {
  const { t, locale } = ctx;
  // Items without a title of their own (recommendations, follow-up) are named by kind and number.
  const titleHtml = hit.title.trim() ? highlightedHtml(hit.title) : escapeHtml(kindName(t, hit));
  const statementTitle = hit.kind !== 'statement' ? resolveText(hit.statementTitle, locale) : null;
  const otherLanguage = hit.shownLocale !== locale;
  return (
    <li class="search-hit">
      <p class="search-hit-meta">
        <span class="tag" safe>
          {kindName(t, hit)}
        </span>
        {hit.state && hit.state !== 'published' ? (
          <>
            {' '}
            <span class="tag" safe>
              {stateName(t, hit.state)}
            </span>
          </>
        ) : (
          ''
        )}
        {hit.date ? (
          <>
            {' '}
            <time datetime={hit.date} safe>
              {formatDate(hit.date, locale)}
            </time>
          </>
        ) : (
          ''
        )}
      </p>
      <h3 lang={otherLanguage && hit.title.trim() ? hit.shownLocale : undefined}>
        <a href={href(hit)}>{titleHtml as 'safe'}</a>
      </h3>
      {statementTitle ? (
        <p class="search-hit-context">
          <span lang={statementTitle.isFallback ? statementTitle.locale : undefined} safe>
            {t.searchResultIn(statementTitle.text)}
          </span>
        </p>
      ) : (
        ''
      )}
      {hit.excerpt.trim() ? (
        <p class="search-hit-excerpt">
          {otherLanguage ? (
            <>
              <span class="search-hit-language" safe>
                {`${t.searchLanguageNote} ${hit.shownLocale === 'es' ? 'español' : 'English'}`}
              </span>{' '}
            </>
          ) : (
            ''
          )}
          <span lang={otherLanguage ? hit.shownLocale : undefined}>{highlightedHtml(hit.excerpt) as 'safe'}</span>
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

/** One filter: "Any" and each value, as links; the current one marked and not a link. */
function FilterLinks(props: {
  label: string;
  anyLabel: string;
  current: string;
  options: { value: string; label: string; lang?: string }[];
  href: (value: string | null) => string;
}): JSX.Element {
  const entry = (value: string, label: string, lang?: string) =>
    value === props.current ? (
      <li>
        <strong aria-current="true" lang={lang} safe>
          {label}
        </strong>
      </li>
    ) : (
      <li>
        <a href={props.href(value || null)} lang={lang} safe>
          {label}
        </a>
      </li>
    );
  return (
    <div class="search-filter">
      <h3 safe>{props.label}</h3>
      <ul class="nav-list">
        {entry('', props.anyLabel)}
        {props.options.map((o) => entry(o.value, o.label, o.lang))}
      </ul>
    </div>
  );
}

function Filters({ ctx, page, base }: { ctx: PageContext; page: SearchPage; base: string }): JSX.Element {
  const { t, locale } = ctx;
  const { input } = page;
  const link = (key: keyof SearchParams) => (value: string | null) => searchHref(base, input, { [key]: value });
  return (
    <nav class="search-filters" aria-labelledby="search-filters-heading">
      <h2 id="search-filters-heading" class="search-filters-heading" safe>
        {t.searchFiltersLabel}
      </h2>
      <FilterLinks
        label={t.searchFilterKind}
        anyLabel={t.searchFilterAny}
        current={input.kind ?? ''}
        options={SEARCH_FILTER_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k](t) }))}
        href={link('kind')}
      />
      {page.themes.length > 0 ? (
        <FilterLinks
          label={t.searchFilterTheme}
          anyLabel={t.searchFilterAny}
          current={input.theme ?? ''}
          options={page.themes.map((th) => {
            const label = resolveText(th.label, locale);
            return {
              value: th.slug,
              label: label?.text ?? th.slug,
              lang: label?.isFallback ? label.locale : undefined,
            };
          })}
          href={link('theme')}
        />
      ) : (
        ''
      )}
      {page.years.length > 0 ? (
        <FilterLinks
          label={t.searchFilterYear}
          anyLabel={t.searchFilterAny}
          current={input.year === null ? '' : String(input.year)}
          options={page.years.map((y) => ({ value: String(y), label: String(y) }))}
          href={link('year')}
        />
      ) : (
        ''
      )}
      <FilterLinks
        label={t.searchFilterLanguage}
        anyLabel={t.searchFilterAny}
        current={input.lang ?? ''}
        options={LOCALES.map((l) => ({ value: l, label: l === 'es' ? 'Español' : 'English', lang: l }))}
        href={link('lang')}
      />
      {input.kind || input.theme || input.year !== null || input.lang ? (
        <p>
          <a href={searchHref(base, input, { kind: null, theme: null, year: null, lang: null })} safe>
            {t.searchFilterRemove}
          </a>
        </p>
      ) : (
        ''
      )}
    </nav>
  );
}

export function SearchForm({ ctx, action, q, id }: { ctx: PageContext; action: string; q: string; id: string }) {
  const { t } = ctx;
  return (
    <form class="search-form" method="get" action={action}>
      <label for={id} safe>
        {t.searchBoxLabel}
      </label>
      <input id={id} name="q" type="search" value={q} maxlength={String(SEARCH_MAX_QUERY)} />
      <button type="submit" safe>
        {t.searchButton}
      </button>
    </form>
  );
}

function pagerLinks(base: string, page: SearchPage): PagerLinks {
  const { input } = page;
  const at = (n: number) => searchHref(base, input, { page: n === 1 ? null : String(n) });
  return {
    next: page.hasNext && input.page < SEARCH_MAX_PAGE ? at(input.page + 1) : undefined,
    previous: input.page > 1 ? at(input.page - 1) : undefined,
    first: input.page > 2 ? at(1) : undefined,
  };
}

function Results(props: { ctx: PageContext; page: SearchPage; base: string; href: HitHref }): JSX.Element {
  const { ctx, page, base } = props;
  const { t } = ctx;
  const { input } = page;
  const pager = pagerLinks(base, page);
  return (
    <>
      {input.problems.length > 0 ? (
        <div class="notice notice-error" role="alert">
          <ul>
            {input.problems.map((p) => (
              <li safe>{problemText(t, p)}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <SearchForm ctx={ctx} action={base} q={input.q} id="search-page-q" />
      {input.q === '' ? (
        <p class="empty" safe>
          {t.searchEmptyQuery}
        </p>
      ) : (
        <div class="search-layout">
          <Filters ctx={ctx} page={page} base={base} />
          <section class="search-results" aria-labelledby="search-results-heading">
            <h2 id="search-results-heading" safe>
              {input.page > 1 ? t.searchResultsPage(input.page) : t.searchResultsHeading}
            </h2>
            {page.hits.length === 0 ? (
              <p class="empty" role="status" safe>
                {t.searchNoResults(input.q)}
              </p>
            ) : (
              <ol class="search-hits" start={String((input.page - 1) * SEARCH_PAGE_SIZE + 1)}>
                {page.hits.map((hit) => (
                  <Hit ctx={ctx} hit={hit} href={props.href} />
                ))}
              </ol>
            )}
            {page.truncated ? (
              <p class="notice notice-info" safe>
                {t.searchTruncated(SEARCH_CANDIDATES)}
              </p>
            ) : (
              ''
            )}
            {page.hasNext && input.page >= SEARCH_MAX_PAGE ? (
              <p class="notice notice-info" safe>
                {t.searchLastPage(SEARCH_MAX_PAGE)}
              </p>
            ) : (
              ''
            )}
            <Pager ctx={ctx} links={pager} />
          </section>
        </div>
      )}
    </>
  );
}

export function SearchResultsPage({ ctx, page }: { ctx: PageContext; page: SearchPage }): JSX.Element {
  const { t, locale } = ctx;
  const base = `/${locale}/search`;
  const title = page.input.q ? t.searchTitleFor(page.input.q) : t.searchTitle;
  return (
    <TitledPage
      ctx={ctx}
      title={title}
      description={t.searchIntro}
      head={
        <>
          <meta name="robots" content="noindex" />
          <PagerHead links={pagerLinks(base, page)} />
        </>
      }
    >
      <p class="lede" safe>
        {t.searchIntro}
      </p>
      <Results ctx={ctx} page={page} base={base} href={publicHitHref(locale)} />
    </TitledPage>
  );
}

export function WorkspaceSearchPage(props: {
  ctx: PageContext;
  user: Parameters<typeof WorkspaceLayout>[0]['user'];
  csrf: string;
  page: SearchPage;
}): JSX.Element {
  const { ctx, page } = props;
  const { t, locale } = ctx;
  return (
    <WorkspaceLayout ctx={ctx} user={props.user} csrf={props.csrf} title={t.searchWorkspaceTitle}>
      <h1 safe>{t.searchWorkspaceTitle}</h1>
      <p class="lede" safe>
        {t.searchWorkspaceIntro}
      </p>
      <Results ctx={ctx} page={page} base={`/${locale}/workspace/search`} href={workspaceHitHref(locale)} />
    </WorkspaceLayout>
  );
}
