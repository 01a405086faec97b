/** Public follow-up pages: the dashboards (GET filters, stable URLs) and one timeline per recommendation. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { keysetLinks, pageHref } from '../../ui/pager.js';
import { getPublicRecommendation } from '../statements/index.js';
import { countByAddressee, countByStatus, countByTheme } from './dashboard-counts.js';
import { DashboardPage, type DashboardView, viewPath } from './dashboard-frame.js';
import { listRecommendations, publicOverdueCommitments } from './dashboard-list.js';
import {
  AddresseeTableView,
  type CappedRows,
  groupRows,
  ListView,
  ScorecardView,
  StackedView,
  StatusView,
  yearRows,
} from './dashboard-views.js';
import { filterOptions } from './filter-options.js';
import { filterQuery, type ListFilters, parseListFilters, parsePageRequest } from './filters.js';
import { statusOverTime } from './over-time-service.js';
import { type AddresseeRow, addresseeTablePage, scorecard, topAddressees } from './scorecard-service.js';
import { loadTimeline } from './timeline-service.js';
import { TimelinePage } from './timeline-views.js';

const Slug = Type.String({ minLength: 1, maxLength: 200 });

export function registerFollowupPublicRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  localizedRoutes(app, (scope, locale) => {
    const dashboard = (
      view: DashboardView,
      body: (
        ctx: ReturnType<typeof pageContext>,
        filters: ReturnType<typeof parseListFilters>,
        now: Date,
        query: Record<string, unknown>,
      ) => Promise<JSX.Element>,
    ) =>
      scope.get(viewPath(view), async (request, reply) => {
        const now = deps.now();
        const filters = parseListFilters(request.query as Record<string, unknown>);
        const ctx = pageContext(deps, request, locale);
        const [options, content] = await Promise.all([
          filterOptions(deps.db, now, filters),
          body(ctx, filters, now, request.query as Record<string, unknown>),
        ]);
        const page = await (
          <DashboardPage ctx={ctx} view={view} filters={filters} options={options}>
            {/* built as JSX by the view, escaped there */}
            {content as 'safe'}
          </DashboardPage>
        );
        return sendHtml(reply, page);
      });

    dashboard('status', async (ctx, filters, now) => {
      const [counts, overdue] = await Promise.all([
        countByStatus(deps.db, filters, now),
        publicOverdueCommitments(deps.db, now),
      ]);
      return <StatusView ctx={ctx} counts={counts} overdue={overdue} />;
    });
    /** The dashboards drawn as one stacked bar chart: a chart id, its title and row header, and its rows. */
    const stacked = (
      view: DashboardView,
      chart: (t: PageContext['t']) => { id: string; title: string; rowHeader: string },
      rows: (ctx: PageContext, filters: ListFilters, now: Date) => Promise<Parameters<typeof StackedView>[0]['rows']>,
    ) =>
      dashboard(view, async (ctx, filters, now) => (
        <StackedView ctx={ctx} {...chart(ctx.t)} rows={await rows(ctx, filters, now)} />
      ));

    stacked(
      'themes',
      (t) => ({ id: 'chart-themes', title: t.followupChartThemesTitle, rowHeader: t.followupTheme }),
      async (ctx, filters, now) =>
        groupRows(await countByTheme(deps.db, filters, now), (th) => localizedPlain(th.label, ctx)),
    );
    stacked(
      'over-time',
      (t) => ({ id: 'chart-over-time', title: t.followupChartOverTimeTitle, rowHeader: t.followupYear }),
      async (_ctx, filters, now) => yearRows(await statusOverTime(deps.db, filters, now)),
    );
    /**
     * The addressees' views draw the ADDRESSEES_SHOWN with the most recommendations and link the rest:
     * `?all=1` is the full table instead, A to Z, a keyset page at a time, so neither page grows with
     * the number of addressees.
     */
    const byAddressee = <R,>(
      view: 'addressees' | 'scorecard',
      rows: (filters: ListFilters, now: Date) => Promise<R[]>,
      addresseeOf: (row: R) => AddresseeRow,
      total: (row: R) => number,
      chart: (ctx: PageContext, shown: R[], capped: CappedRows) => JSX.Element,
      table: (ctx: PageContext, rows: R[]) => Parameters<typeof AddresseeTableView>[0]['table'],
    ) =>
      dashboard(view, async (ctx, filters, now, query) => {
        const all = await rows(filters, now);
        const path = `/${locale}${viewPath(view)}`;
        const base = Object.fromEntries(
          new URLSearchParams(filterQuery({ ...filters, status: undefined, page: undefined })),
        );
        if (query.all === '1') {
          const page = await addresseeTablePage(deps.db, all, (row) => addresseeOf(row).id, parsePageRequest(query));
          const pager = keysetLinks(page, (cursor) => pageHref(path, { ...base, all: '1' }, cursor));
          return (
            <AddresseeTableView
              ctx={ctx}
              id={`${view}-table`}
              chartHref={pageHref(path, base, {})}
              addresseeHref={(slug) => pageHref(`/${locale}${viewPath('status')}`, { ...base, addressee: slug }, {})}
              pager={pager}
              table={table(ctx, page.items)}
            />
          );
        }
        const { shown, more } = topAddressees(
          all.map((row) => ({ row, total: total(row) })),
          (r) => addresseeOf(r.row).slug,
        );
        const capped = { shown: shown.length, more, tableHref: pageHref(path, { ...base, all: '1' }, {}) };
        return chart(
          ctx,
          shown.map((r) => r.row),
          capped,
        );
      });

    byAddressee(
      'addressees',
      (filters, now) => countByAddressee(deps.db, filters, now),
      (g) => g.group,
      (g) => g.total,
      (ctx, shown, capped) => (
        <StackedView
          ctx={ctx}
          id="chart-addressees"
          title={ctx.t.followupChartAddresseesTitle}
          rowHeader={ctx.t.followupAddressee}
          rows={groupRows(shown, (a) => localizedPlain(a.name, ctx))}
          capped={capped}
        />
      ),
      (ctx, rows) => ({ kind: 'stacked', rows: groupRows(rows, (a) => localizedPlain(a.name, ctx)) }),
    );
    byAddressee(
      'scorecard',
      (filters, now) => scorecard(deps.db, filters, now),
      (r) => r.addressee,
      (r) => r.total,
      (ctx, shown, capped) => <ScorecardView ctx={ctx} rows={shown} capped={capped} />,
      (_ctx, rows) => ({ kind: 'scorecard', rows }),
    );
    dashboard('list', async (ctx, filters, now, query) => {
      const page = await listRecommendations(deps.db, filters, now, parsePageRequest(query));
      const path = `/${locale}${viewPath('list')}`;
      const base = filterQuery({ ...filters, page: undefined });
      const pager = keysetLinks(page, (cursor) =>
        pageHref(path, Object.fromEntries(new URLSearchParams(base)), cursor),
      );
      return <ListView ctx={ctx} items={page.items} pager={pager} />;
    });

    scope.get(
      '/statements/:slug/recommendations/:recommendation/follow-up',
      { schema: { params: Type.Object({ slug: Slug, recommendation: Slug }) } },
      async (request, reply) => {
        const now = deps.now();
        const { statement, recommendation, echoes, echoedBy } = await getPublicRecommendation(
          deps.db,
          request.params.slug,
          request.params.recommendation,
          now,
        );
        const timeline = await loadTimeline(deps.db, recommendation.id, { now, includeDrafts: false });
        const ctx = pageContext(deps, request, locale);
        return sendHtml(
          reply,
          await (
            <TimelinePage
              ctx={ctx}
              statement={statement}
              recommendation={recommendation}
              timeline={timeline}
              now={now}
              links={{ echoes, echoedBy }}
            />
          ),
        );
      },
    );
  });
}
