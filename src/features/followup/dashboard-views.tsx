/** The public dashboards' views: per view a chart with its table (the frame is dashboard-frame.tsx). */

import { formatDate } from '../../platform/i18n/format.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { Section } from '../../ui/layout.js';
import { EmptyOr, TableHead } from '../../ui/list.js';
import { LocalizedSpan, localizedPlain } from '../../ui/localized-view.js';
import { Pager, type PagerLinks } from '../../ui/pager.js';
import { BarChart, PercentChart, STATUS_COLORS, StackedChart } from './charts.js';
import type { GroupCounts } from './dashboard-counts.js';
import type { ListedRecommendation, publicOverdueCommitments } from './dashboard-list.js';
import type { YearCounts } from './over-time.js';
import { scorecardShares } from './scorecard.js';
import type { ScorecardRow } from './scorecard-service.js';
import { STATUS_KEYS, type StatusCounts, type StatusKey } from './status.js';

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
  const { t } = ctx;
  const total = STATUS_KEYS.reduce((s, k) => s + counts[k], 0);
  const bars = STATUS_KEYS.map((s) => ({
    key: `all|${s}`,
    label: t.followupStatusLabel(s),
    value: counts[s],
    color: STATUS_COLORS[s],
  }));
  return (
    <>
      <Section id="by-status" title={t.followupChartStatusTitle}>
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
              <TableHead headers={[t.followupCurrentStatus, t.followupRecommendations]} />
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
      </Section>
      <Section id="overdue" title={t.followupOverdueTitle}>
        <EmptyOr empty={t.followupOverdueNone} isEmpty={overdue.length === 0}>
          <ul class="overdue">
            {overdue.map((o) => (
              <OverdueCommitmentItem
                ctx={ctx}
                item={o}
                badge={(due) => `${t.followupOverdue} · ${t.followupDueOn(due)}`}
              />
            ))}
          </ul>
        </EmptyOr>
      </Section>
    </>
  );
}

/** One overdue commitment: who made it, what, and when it was due. */
export function OverdueCommitmentItem(props: {
  ctx: PageContext;
  item: {
    addressee: { name: LocalizedText } | null;
    organization?: { name: string } | null;
    commitment: { text: LocalizedText; dueOn: string | null };
  };
  /** The badge's words, given the due date as written. */
  badge: (due: string) => string;
}): JSX.Element {
  const { ctx, item: o } = props;
  return (
    <li>
      <strong safe>{o.addressee ? localizedPlain(o.addressee.name, ctx) : (o.organization?.name ?? '')}</strong>
      {': '}
      <LocalizedSpan value={o.commitment.text} ctx={ctx} />{' '}
      <span class="badge badge-overdue" safe>
        {props.badge(formatDate(o.commitment.dueOn!, ctx.locale))}
      </span>
    </li>
  );
}

type StackedRows = { key: string; label: string; counts: StatusCounts }[];

/** A stacked chart and its table: one row per theme, addressee or year, one column per status. */
export function StackedView(props: {
  ctx: PageContext;
  id: string;
  title: string;
  rowHeader: string;
  rows: StackedRows;
  /** When the rows are the first of more (the addressees): what is shown and where the rest are. */
  capped?: CappedRows;
}) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.rows.length === 0) return <NoData ctx={ctx} />;
  const label = (s: StatusKey) => t.followupStatusLabel(s);
  const desc = t.followupStackedDesc(
    summary(props.rows.map((r) => `${r.label}: ${STATUS_KEYS.map((s) => `${label(s)} ${r.counts[s]}`).join(', ')}`)),
  );
  return (
    <Section id={`${props.id}-heading`} title={props.title}>
      <CappedNote ctx={ctx} capped={props.capped} />
      <div class="chart-pair">
        <StackedChart
          id={props.id}
          title={props.title}
          desc={desc}
          rows={props.rows}
          statuses={STATUS_KEYS}
          statusLabel={label}
        />
        <StackedTable ctx={ctx} rowHeader={props.rowHeader} rows={props.rows} />
      </div>
      <MoreLink ctx={ctx} capped={props.capped} />
    </Section>
  );
}

/** The numbers of a stacked chart, or of a page of the full table behind a capped one. */
function StackedTable(props: {
  ctx: PageContext;
  rowHeader: string;
  rows: StackedRows;
  caption?: string;
  /** The full table's rows link to each addressee's own dashboard. */
  rowHref?: (key: string) => string;
}) {
  const { t } = props.ctx;
  const label = (s: StatusKey) => t.followupStatusLabel(s);
  const caption = props.caption ?? t.followupDataTable;
  return (
    <section class="table-scroll" tabindex="0" aria-label={caption}>
      <table class="data">
        <caption safe>{caption}</caption>
        <TableHead headers={[props.rowHeader, ...STATUS_KEYS.map(label), t.followupTotal]} />
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <RowName label={r.label} href={props.rowHref?.(r.key)} />
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
  );
}

/** The first addressees of many: how many are drawn, how many more there are, and the full table's address. */
export interface CappedRows {
  shown: number;
  more: number;
  tableHref: string;
}

function CappedNote({ ctx, capped }: { ctx: PageContext; capped: CappedRows | undefined }) {
  if (!capped || capped.more === 0) return '';
  return <p safe>{ctx.t.followupTopAddressees(capped.shown)}</p>;
}

function MoreLink({ ctx, capped }: { ctx: PageContext; capped: CappedRows | undefined }) {
  if (!capped || capped.more === 0) return '';
  return (
    <p class="more-rows">
      <a href={capped.tableHref} safe>
        {ctx.t.followupMoreAddressees(capped.more)}
      </a>
    </p>
  );
}

/**
 * One page of every addressee, A to Z, as a table only (the chart draws the first few): the full
 * table behind the addressees chart (`stacked`) or the scorecard, with the pager and a way back.
 */
export function AddresseeTableView(props: {
  ctx: PageContext;
  id: string;
  chartHref: string;
  /** An addressee's own dashboard, by its slug. */
  addresseeHref: (slug: string) => string;
  pager: PagerLinks;
  table: { kind: 'stacked'; rows: StackedRows } | { kind: 'scorecard'; rows: ScorecardRow[] };
}) {
  const { ctx } = props;
  const { t } = ctx;
  const { table } = props;
  if (table.rows.length === 0) return <NoData ctx={ctx} />;
  return (
    <Section id={`${props.id}-heading`} title={t.followupAllAddresseesTitle}>
      <p>
        <a href={props.chartHref} safe>
          {t.followupBackToChart}
        </a>
      </p>
      {table.kind === 'stacked' ? (
        <StackedTable
          ctx={ctx}
          rowHeader={t.followupAddressee}
          rows={table.rows}
          caption={t.followupAllAddresseesTitle}
          rowHref={props.addresseeHref}
        />
      ) : (
        <ScorecardTable
          ctx={ctx}
          groups={scorecardGroups(ctx, table.rows)}
          caption={t.followupAllAddresseesTitle}
          rowHref={props.addresseeHref}
        />
      )}
      <Pager ctx={ctx} links={props.pager} />
    </Section>
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

function scorecardMeasures(ctx: PageContext) {
  const { t } = ctx;
  return [
    { key: 'answered', label: t.followupScorecardAnswered },
    { key: 'accepted', label: t.followupScorecardAccepted },
    { key: 'implemented', label: t.followupScorecardImplemented },
  ] as const;
}

function scorecardGroups(ctx: PageContext, rows: ScorecardRow[]) {
  const measures = scorecardMeasures(ctx);
  return rows.map((r) => {
    const shares = scorecardShares(r);
    return {
      key: r.addressee.slug,
      label: localizedPlain(r.addressee.name, ctx),
      row: r,
      values: measures.map((m) => ({ key: m.key, label: m.label, percent: shares[m.key] })),
    };
  });
}

/** A row's name, as a link when it has a page of its own. */
function RowName({ label, href }: { label: string; href: string | undefined }) {
  return href ? (
    <a href={href} safe>
      {label}
    </a>
  ) : (
    <span safe>{label}</span>
  );
}

function ScorecardTable(props: {
  ctx: PageContext;
  groups: ReturnType<typeof scorecardGroups>;
  caption?: string;
  rowHref?: (key: string) => string;
}) {
  const { t } = props.ctx;
  const caption = props.caption ?? t.followupDataTable;
  return (
    <section class="table-scroll" tabindex="0" aria-label={caption}>
      <table class="data">
        <caption safe>{caption}</caption>
        <TableHead headers={[t.followupAddressee, 'N', ...scorecardMeasures(props.ctx).map((m) => m.label)]} />
        <tbody>
          {props.groups.map((g) => (
            <tr>
              <th scope="row">
                <RowName label={g.label} href={props.rowHref?.(g.key)} />
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
    </section>
  );
}

export function ScorecardView({ ctx, rows, capped }: { ctx: PageContext; rows: ScorecardRow[]; capped?: CappedRows }) {
  const { t } = ctx;
  const groups = scorecardGroups(ctx, rows);
  return (
    <Section id="scorecard-heading" title={t.followupChartScorecardTitle}>
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
        <>
          <CappedNote ctx={ctx} capped={capped} />
          <div class="chart-pair">
            <PercentChart
              id="chart-scorecard"
              title={t.followupChartScorecardTitle}
              desc={t.followupScorecardDesc(
                summary(
                  groups.map((g) => `${g.label}: ${g.values.map((v) => `${v.label} ${v.percent} %`).join(', ')}`),
                ),
              )}
              groups={groups}
            />
            <ScorecardTable ctx={ctx} groups={groups} />
          </div>
          <MoreLink ctx={ctx} capped={capped} />
        </>
      )}
    </Section>
  );
}

export function ListView(props: { ctx: PageContext; items: ListedRecommendation[]; pager: PagerLinks }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  if (props.items.length === 0) return <NoData ctx={ctx} />;
  return (
    <section>
      <section class="table-scroll" tabindex="0" aria-label={t.followupRecommendations}>
        <table class="data">
          <caption safe>{t.followupRecommendations}</caption>
          <TableHead headers={[t.followupRecommendations, t.followupCurrentStatus, t.followupStatusDate]} />
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
      </section>
      <Pager ctx={ctx} links={props.pager} />
    </section>
  );
}
