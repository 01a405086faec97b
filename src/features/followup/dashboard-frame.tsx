/** The dashboards' frame: the view tabs, the filter form (GET, so every view has a stable URL) and the page. */

import { countryName } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ChoiceOptions } from '../../ui/form.js';
import { Layout } from '../../ui/layout.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { siteFeeds } from '../../ui/page-meta.js';
import { ADDRESSEE_CHOICES, type filterOptions, STATEMENT_CHOICES } from './filter-options.js';
import { filterQuery, type ListFilters, RECOMMENDATION_SOURCES, RESPONSE_POSITIONS } from './filters.js';
import { STATUS_KEYS } from './status.js';

export const DASHBOARD_VIEWS = ['status', 'themes', 'addressees', 'over-time', 'scorecard', 'list'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

export function viewPath(view: DashboardView): string {
  if (view === 'status') return '/follow-up';
  if (view === 'list') return '/follow-up/recommendations';
  return `/follow-up/${view}`;
}

type Options = Awaited<ReturnType<typeof filterOptions>>;

function viewLabel(ctx: PageContext, view: DashboardView): string {
  const { t } = ctx;
  return {
    status: t.followupViewStatus,
    themes: t.followupViewThemes,
    addressees: t.followupViewAddressees,
    'over-time': t.followupViewOverTime,
    scorecard: t.followupViewScorecard,
    list: t.followupViewList,
  }[view];
}

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel: string;
  hint?: string;
}): JSX.Element {
  const hintId = props.hint ? `filter-${props.name}-hint` : undefined;
  return (
    <p>
      <label for={`filter-${props.name}`} safe>
        {props.label}
      </label>
      <select id={`filter-${props.name}`} name={props.name} aria-describedby={hintId}>
        <ChoiceOptions options={props.options} value={props.value} empty={{ label: props.anyLabel }} />
      </select>
      {props.hint ? (
        <span id={hintId} class="hint" safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

function FilterForm(props: { ctx: PageContext; view: DashboardView; filters: ListFilters; options: Options }) {
  const { ctx, filters, options } = props;
  const { t, locale } = ctx;
  return (
    <form method="get" action={`/${locale}${viewPath(props.view)}`} class="form filters">
      <fieldset>
        <legend safe>{t.followupFiltersTitle}</legend>
        <Select
          name="theme"
          label={t.followupFilterTheme}
          value={filters.theme}
          anyLabel={t.followupFilterAny}
          options={options.themes.map((th) => ({ value: th.slug, label: localizedPlain(th.label, ctx) }))}
        />
        <Select
          name="addressee"
          label={t.followupFilterAddressee}
          value={filters.addressee}
          anyLabel={t.followupFilterAny}
          hint={options.moreAddressees ? t.followupFilterAddresseeHint(ADDRESSEE_CHOICES) : undefined}
          options={options.addressees.map((a) => ({ value: a.slug, label: localizedPlain(a.name, ctx) }))}
        />
        <Select
          name="country"
          label={t.followupFilterCountry}
          value={filters.country}
          anyLabel={t.followupFilterAny}
          options={options.countries.map((c) => ({ value: c, label: countryName(c, locale) }))}
        />
        <Select
          name="statement"
          label={t.followupFilterStatement}
          value={filters.statement}
          anyLabel={t.followupFilterAny}
          hint={t.followupFilterStatementHint(STATEMENT_CHOICES)}
          options={options.statements.map((s) => ({
            value: s.slug,
            label: `${localizedPlain(s.title, ctx)} (${s.date.slice(0, 4)})`,
          }))}
        />
        {options.cycles.length > 0 ? (
          <Select
            name="source"
            label={t.followupFilterSource}
            value={filters.source}
            anyLabel={t.followupFilterAny}
            options={RECOMMENDATION_SOURCES.map((s) => ({ value: s, label: t.followupFilterSourceOption(s) }))}
          />
        ) : (
          ''
        )}
        {options.cycles.length > 0 ? (
          <Select
            name="cycle"
            label={t.followupFilterCycle}
            value={filters.cycle === undefined ? undefined : String(filters.cycle)}
            anyLabel={t.followupFilterAny}
            options={options.cycles.map((c) => ({ value: String(c), label: t.followupFilterCycleOption(c) }))}
          />
        ) : (
          ''
        )}
        {options.recommenders.length > 0 ? (
          <Select
            name="recommender"
            label={t.followupFilterRecommender}
            value={filters.recommender}
            anyLabel={t.followupFilterAny}
            options={options.recommenders
              .map((c) => ({ value: c, label: countryName(c, locale) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale))}
          />
        ) : (
          ''
        )}
        <Select
          name="response"
          label={t.followupFilterResponse}
          value={filters.response}
          anyLabel={t.followupFilterAny}
          options={RESPONSE_POSITIONS.map((p) => ({ value: p, label: t.followupPositionLabel(p) }))}
        />
        {props.view === 'list' ? (
          <Select
            name="status"
            label={t.followupFilterStatus}
            value={filters.status}
            anyLabel={t.followupFilterAny}
            options={STATUS_KEYS.map((s) => ({ value: s, label: t.followupStatusLabel(s) }))}
          />
        ) : (
          ''
        )}
        <p>
          <label for="filter-from" safe>
            {t.followupFilterFrom}
          </label>
          <input id="filter-from" name="from" type="date" value={filters.from ?? ''} aria-describedby="date-hint" />
        </p>
        <p>
          <label for="filter-to" safe>
            {t.followupFilterTo}
          </label>
          <input id="filter-to" name="to" type="date" value={filters.to ?? ''} aria-describedby="date-hint" />
        </p>
        <p id="date-hint" class="hint" safe>
          {t.followupFilterDateHint}
        </p>
        <p>
          <button type="submit" safe>
            {t.followupFilterApply}
          </button>{' '}
          <a href={`/${locale}${viewPath(props.view)}`} safe>
            {t.followupFilterClear}
          </a>
        </p>
      </fieldset>
    </form>
  );
}

function ViewTabs({ ctx, view, filters }: { ctx: PageContext; view: DashboardView; filters: ListFilters }) {
  // The filters travel between views; the list-only ones (status, page) do not.
  const query = filterQuery({ ...filters, status: undefined, page: undefined });
  return (
    <nav aria-label={ctx.t.followupViewsLabel} class="tabs">
      <ul class="nav-list">
        {DASHBOARD_VIEWS.map((v) => (
          <li>
            <a href={`/${ctx.locale}${viewPath(v)}${query}`} aria-current={v === view ? 'page' : undefined} safe>
              {viewLabel(ctx, v)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function DashboardPage(props: {
  ctx: PageContext;
  view: DashboardView;
  filters: ListFilters;
  options: Options;
  children: JSX.Element;
}): JSX.Element {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${viewLabel(ctx, view)} · ${t.followupNav}`} feeds={[siteFeeds.followup(ctx)]}>
      <h1 safe>{t.followupDashboardTitle}</h1>
      <p safe>{t.followupDashboardIntro}</p>
      <ViewTabs ctx={ctx} view={view} filters={props.filters} />
      <div class="dashboard">
        <FilterForm ctx={ctx} view={view} filters={props.filters} options={props.options} />
        <div class="dashboard-main">{props.children as 'safe'}</div>
      </div>
    </Layout>
  );
}
