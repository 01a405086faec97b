/** The public dashboards: a filter form (GET), the view tabs, and per view a chart with its table. */
import { countryName, formatDate } from '../../lib/i18n.js';
import { Layout } from '../../lib/layout.js';
import { LocalizedSpan, localizedPlain } from '../../lib/localized-view.js';
import type { PageContext } from '../../lib/page-context.js';
import { BarChart, PercentChart, STATUS_COLORS, StackedChart } from './charts.js';
import {
  type filterOptions,
  type GroupCounts,
  type ListedRecommendation,
  type publicOverdueCommitments,
  type ScorecardRow,
  STATUS_KEYS,
  type StatusCounts,
  type StatusKey,
  type YearCounts,
} from './dashboard-service.js';
import { filterQuery, type ListFilters } from './filters.js';
import { scorecardShares } from './scorecard.js';

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
}): JSX.Element {
  return (
    <p>
      <label for={`filter-${props.name}`} safe>
        {props.label}
      </label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="" safe>
          {props.anyLabel}
        </option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
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
          options={options.statements.map((s) => ({
            value: s.slug,
            label: `${localizedPlain(s.title, ctx)} (${s.date.slice(0, 4)})`,
          }))}
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
    <Layout ctx={ctx} title={`${viewLabel(ctx, view)} · ${t.followupNav}`}>
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

const summary = (parts: string[]) => parts.join('; ');

function NoData({ ctx }: { ctx: PageContext }) {
  return (
    <p class="empty" safe>
      {ctx.t.followupNoData}
    </p>
  );
}

export function StatusView({
  ctx,
  counts,
  overdue,
}: {
  ctx: PageContext;
  counts: StatusCounts;
  overdue: Awaited<ReturnType<typeof publicOverdueCommitments>>;
}) {
  const { t, locale } = ctx;
  const total = STATUS_KEYS.reduce((s, k) => s + counts[k], 0);
  const bars = STATUS_KEYS.map((s) => ({
    key: `all|${s}`,
    label: t.followupStatusLabel(s),
    value: counts[s],
    color: STATUS_COLORS[s],
  }));
  return (
    <>
      <section aria-labelledby="by-status">
        <h2 id="by-status" safe>
          {t.followupChartStatusTitle}
        </h2>
        {total === 0 ? (
          <NoData ctx={ctx} />
        ) : (
          <div class="chart-pair">
            <BarChart
              id="chart-status"
              title={t.followupChartStatusTitle}
              desc={t.followupBarDesc(summary(bars.map((b) => `${b.label}: ${b.value}`)))}
              bars={bars}
            />
            <table class="data">
              <caption safe>{t.followupDataTable}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t.followupCurrentStatus}
                  </th>
                  <th scope="col" safe>
                    {t.followupRecommendations}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bars.map((b) => (
                  <tr>
                    <th scope="row" safe>
                      {b.label}
                    </th>
                    <td data-key={b.key} safe>
                      {String(b.value)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" safe>
                    {t.followupTotal}
                  </th>
                  <td safe>{String(total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="overdue">
        <h2 id="overdue" safe>
          {t.followupOverdueTitle}
        </h2>
        {overdue.length === 0 ? (
          <p safe>{t.followupOverdueNone}</p>
        ) : (
          <ul class="overdue">
            {overdue.map((o) => (
              <li>
                <strong safe>
                  {o.addressee ? localizedPlain(o.addressee.name, ctx) : (o.organization?.name ?? '')}
                </strong>
                {': '}
                <LocalizedSpan value={o.commitment.text} ctx={ctx} />{' '}
                <span class="badge badge-overdue" safe>
                  {`${t.followupOverdue} · ${t.followupDueOn(formatDate(o.commitment.dueOn!, locale))}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** A stacked chart and its table: one row per theme, addressee or year, one column per status. */
export function StackedView(props: {
  ctx: PageContext;
  id: string;
  title: string;
  rowHeader: string;
  rows: { key: string; label: string; counts: StatusCounts }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.rows.length === 0) return <NoData ctx={ctx} />;
  const label = (s: StatusKey) => t.followupStatusLabel(s);
  const desc = t.followupStackedDesc(
    summary(props.rows.map((r) => `${r.label}: ${STATUS_KEYS.map((s) => `${label(s)} ${r.counts[s]}`).join(', ')}`)),
  );
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`} safe>
        {props.title}
      </h2>
      <div class="chart-pair">
        <StackedChart
          id={props.id}
          title={props.title}
          desc={desc}
          rows={props.rows}
          statuses={STATUS_KEYS}
          statusLabel={label}
        />
        <section class="table-scroll" tabindex="0" aria-label={t.followupDataTable}>
          <table class="data">
            <caption safe>{t.followupDataTable}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {props.rowHeader}
                </th>
                {STATUS_KEYS.map((s) => (
                  <th scope="col" safe>
                    {label(s)}
                  </th>
                ))}
                <th scope="col" safe>
                  {t.followupTotal}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <th scope="row" safe>
                    {r.label}
                  </th>
                  {STATUS_KEYS.map((s) => (
                    <td data-key={`${r.key}|${s}`} safe>
                      {String(r.counts[s])}
                    </td>
                  ))}
                  <td safe>{String(STATUS_KEYS.reduce((sum, s) => sum + r.counts[s], 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}

export function groupRows<G extends { slug: string }>(
  groups: GroupCounts<G>[],
  label: (g: G) => string,
): { key: string; label: string; counts: StatusCounts }[] {
  return groups.map((g) => ({ key: g.group.slug, label: label(g.group), counts: g.counts }));
}

export function yearRows(years: YearCounts[]) {
  return years.map((y) => ({ key: String(y.year), label: String(y.year), counts: y.counts }));
}

export function ScorecardView({ ctx, rows }: { ctx: PageContext; rows: ScorecardRow[] }) {
  const { t } = ctx;
  const measures = [
    { key: 'answered', label: t.followupScorecardAnswered },
    { key: 'accepted', label: t.followupScorecardAccepted },
    { key: 'implemented', label: t.followupScorecardImplemented },
  ] as const;
  const groups = rows.map((r) => {
    const shares = scorecardShares(r);
    return {
      key: r.addressee.slug,
      label: localizedPlain(r.addressee.name, ctx),
      row: r,
      values: measures.map((m) => ({ key: m.key, label: m.label, percent: shares[m.key] })),
    };
  });
  return (
    <section aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading" safe>
        {t.followupChartScorecardTitle}
      </h2>
      <details class="formula" open>
        <summary safe>{t.followupScorecardFormulaTitle}</summary>
        <ul>
          {t.followupScorecardFormula.split('\n').map((line) => (
            <li safe>{line}</li>
          ))}
        </ul>
      </details>
      {groups.length === 0 ? (
        <NoData ctx={ctx} />
      ) : (
        <div class="chart-pair">
          <PercentChart
            id="chart-scorecard"
            title={t.followupChartScorecardTitle}
            desc={t.followupScorecardDesc(
              summary(groups.map((g) => `${g.label}: ${g.values.map((v) => `${v.label} ${v.percent} %`).join(', ')}`)),
            )}
            groups={groups}
          />
          <table class="data">
            <caption safe>{t.followupDataTable}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t.followupAddressee}
                </th>
                <th scope="col">N</th>
                {measures.map((m) => (
                  <th scope="col" safe>
                    {m.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr>
                  <th scope="row" safe>
                    {g.label}
                  </th>
                  <td safe>{String(g.row.total)}</td>
                  {g.values.map((v) => (
                    <td data-key={`${g.key}|${v.key}`} data-value={String(v.percent)} safe>
                      {t.followupShare(g.row[v.key], g.row.total, v.percent)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ListView(props: {
  ctx: PageContext;
  filters: ListFilters;
  items: ListedRecommendation[];
  hasMore: boolean;
}) {
  const { ctx, filters } = props;
  const { t, locale } = ctx;
  const page = filters.page ?? 1;
  const pageUrl = (p: number) =>
    `/${locale}${viewPath('list')}${filterQuery({ ...filters, page: p > 1 ? p : undefined })}`;
  if (props.items.length === 0) return <NoData ctx={ctx} />;
  return (
    <section>
      <table class="data">
        <caption safe>{t.followupRecommendations}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t.followupRecommendations}
            </th>
            <th scope="col" safe>
              {t.followupCurrentStatus}
            </th>
            <th scope="col" safe>
              {t.followupStatusDate}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr>
              <td>
                <a href={`/${locale}/statements/${r.statementSlug}/recommendations/${r.slug}/follow-up`}>
                  <LocalizedSpan value={r.text} ctx={ctx} />
                </a>
                <br />
                <small>
                  <LocalizedSpan value={r.statementTitle} ctx={ctx} />
                  <span safe>{` · ${formatDate(r.statementDate, locale)}`}</span>
                </small>
              </td>
              <td data-status={r.status ?? 'none'} safe>
                {t.followupStatusLabel(r.status ?? 'none')}
              </td>
              <td>{r.statusDate ? formatDate(r.statusDate, locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager">
        {page > 1 ? (
          <a href={pageUrl(page - 1)} rel="prev" safe>
            {t.followupPreviousPage}
          </a>
        ) : (
          ''
        )}{' '}
        {props.hasMore ? (
          <a href={pageUrl(page + 1)} rel="next" safe>
            {t.followupNextPage}
          </a>
        ) : (
          ''
        )}
      </nav>
    </section>
  );
}
