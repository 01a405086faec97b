/**
 * The rows of a recommendation export, read a batch of recommendations at a time (keyset pages of
 * `BATCH`), so an export of 250,000 recommendations holds one batch in memory, not the whole table:
 * the file streams out while the next batch is read.
 *
 * Public exports see what the public pages see: recommendations of public statements, published
 * entries (platform/visibility.ts). Workspace exports, for those who may see unpublished material
 * (policy `canSeeUnpublished`), include every statement in every state and draft entries, marked.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { keysetPage, type SortKey } from '../../platform/db/keyset.js';
import { STATEMENTS_NEWEST_FIRST, statementSortKey } from '../../platform/db/list-orders.js';
import * as t from '../../platform/db/schema/index.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { originalOf } from '../../platform/text/localized-text.js';
import { publicStatementsCondition, visibilityState } from '../../platform/visibility.js';
import { type ExportRow, LIST_SEPARATOR } from './columns.js';

/** Recommendations read per query: big enough to be few queries, small enough to stream. */
export const BATCH = 500;

export interface ExportScope {
  now: Date;
  /** One statement's recommendations, or (null) every statement's. */
  statementId: number | null;
  /** Workspace exports: drafts, embargoed and withdrawn statements and draft entries too. */
  unpublished: boolean;
}

const s = t.statements;
const r = t.recommendations;
const su = t.followupStatusUpdates;
const fr = t.followupResponses;

/** A statement's own order (index recommendations_statement_order_idx). */
const RECOMMENDATION_ORDER: SortKey[] = [
  { column: r.position, direction: 'asc' },
  { column: r.id, direction: 'asc' },
];
const STATEMENTS_PER_READ = 100;

const text = (value: LocalizedText | null | undefined, locale: 'en' | 'es') => value?.[locale]?.text ?? '';

/**
 * Statements a page at a time, each statement's recommendations a batch at a time, each read an index
 * range (one keyset over the join of both tables would sort every row again for each batch). Rows are
 * written a batch of `BATCH` recommendations at a time, gathered across small statements.
 */
export async function* exportRows(db: Db, scope: ExportScope): AsyncGenerator<ExportRow> {
  const where: SQL | undefined = and(
    scope.unpublished ? undefined : publicStatementsCondition(scope.now),
    scope.statementId === null ? undefined : eq(s.id, scope.statementId),
  );
  let buffer: Recommendation[] = [];
  let statementsAfter: string | undefined;
  do {
    const statements = await keysetPage({
      keys: STATEMENTS_NEWEST_FIRST,
      request: { after: statementsAfter },
      size: STATEMENTS_PER_READ,
      keyOf: statementSortKey,
      fetch: (cursor, orderBy, limit) =>
        db
          .select({
            id: s.id,
            slug: s.slug,
            date: s.date,
            title: s.title,
            status: s.status,
            embargoUntil: s.embargoUntil,
            withdrawnAt: s.withdrawnAt,
          })
          .from(s)
          .where(and(where, cursor))
          .orderBy(...orderBy)
          .limit(limit),
    });
    for (const statement of statements.items) {
      let after: string | undefined;
      do {
        const page = await keysetPage({
          keys: RECOMMENDATION_ORDER,
          request: { after },
          size: BATCH,
          keyOf: (row: { position: number; id: number }) => [row.position, row.id],
          fetch: (cursor, orderBy, limit) =>
            db
              .select({
                id: r.id,
                position: r.position,
                slug: r.slug,
                number: r.number,
                text: r.text,
                currentStatus: su.status,
                currentStatusDate: su.date,
              })
              .from(r)
              .leftJoin(su, and(eq(su.recommendationId, r.id), eq(su.isCurrent, true)))
              .where(and(eq(r.statementId, statement.id), cursor))
              .orderBy(...orderBy)
              .limit(limit),
        });
        for (const rec of page.items) buffer.push({ ...rec, statement });
        if (buffer.length >= BATCH) {
          yield* await batchRows(db, scope, buffer);
          buffer = [];
        }
        after = page.next;
      } while (after);
    }
    statementsAfter = statements.next;
  } while (statementsAfter);
  if (buffer.length > 0) yield* await batchRows(db, scope, buffer);
}

interface StatementRow {
  id: number;
  slug: string;
  date: string;
  title: LocalizedText;
  status: 'draft' | 'published';
  embargoUntil: Date | null;
  withdrawnAt: Date | null;
}

interface Recommendation {
  id: number;
  slug: string;
  number: number;
  text: LocalizedText;
  statement: StatementRow;
  currentStatus: string | null;
  currentStatusDate: string | null;
}

interface Entry {
  recommendationId: number;
  type: 'response' | 'status_update';
  id: number;
  date: string;
  publication: string;
  value: string;
  addressee: string;
  summary: LocalizedText;
  sourceUrl: string;
  evidence: string[];
}

/** One batch's rows: its themes, addressees and entries in one query each, whatever the batch's size. */
async function batchRows(db: Db, scope: ExportScope, recs: Recommendation[]): Promise<ExportRow[]> {
  if (recs.length === 0) return [];
  const ids = recs.map((rec) => rec.id);
  const published = (column: typeof fr.publication | typeof su.publication) =>
    scope.unpublished ? undefined : eq(column, 'published');
  const [themes, addressees, responses, updates] = await Promise.all([
    db
      .select({ id: t.recommendationThemes.recommendationId, slug: t.themes.slug })
      .from(t.recommendationThemes)
      .innerJoin(t.themes, eq(t.themes.id, t.recommendationThemes.themeId))
      .where(inArray(t.recommendationThemes.recommendationId, ids))
      .orderBy(asc(t.themes.slug)),
    db
      .select({ id: t.recommendationAddressees.recommendationId, slug: t.addressees.slug })
      .from(t.recommendationAddressees)
      .innerJoin(t.addressees, eq(t.addressees.id, t.recommendationAddressees.addresseeId))
      .where(inArray(t.recommendationAddressees.recommendationId, ids))
      .orderBy(asc(t.addressees.slug)),
    db
      .select({ row: fr, addressee: t.addressees.slug })
      .from(fr)
      .innerJoin(t.addressees, eq(t.addressees.id, fr.addresseeId))
      .where(and(inArray(fr.recommendationId, ids), published(fr.publication))),
    db
      .select()
      .from(su)
      .where(and(inArray(su.recommendationId, ids), published(su.publication))),
  ]);
  const evidence = updates.length
    ? await db
        .select({ id: t.followupEvidence.statusUpdateId, url: t.followupEvidence.url })
        .from(t.followupEvidence)
        .where(
          inArray(
            t.followupEvidence.statusUpdateId,
            updates.map((u) => u.id),
          ),
        )
        .orderBy(asc(t.followupEvidence.position), asc(t.followupEvidence.id))
    : [];
  const evidenceOf = groupBy(evidence, (e) => e.id);
  const entries: Entry[] = [
    ...responses.map(({ row, addressee }) => ({
      recommendationId: row.recommendationId,
      type: 'response' as const,
      id: row.id,
      date: row.date,
      publication: row.publication,
      value: row.position,
      addressee,
      summary: row.summary,
      sourceUrl: row.sourceUrl ?? '',
      evidence: [],
    })),
    ...updates.map((row) => ({
      recommendationId: row.recommendationId,
      type: 'status_update' as const,
      id: row.id,
      date: row.date,
      publication: row.publication,
      value: row.status,
      addressee: '',
      summary: row.summary,
      sourceUrl: '',
      evidence: (evidenceOf.get(row.id) ?? []).map((e) => e.url),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.id - b.id);
  const themesOf = groupBy(themes, (th) => th.id);
  const addresseesOf = groupBy(addressees, (a) => a.id);
  const entriesOf = groupBy(entries, (e) => e.recommendationId);
  return recs.flatMap((rec) => {
    const base = recommendationColumns(rec, scope.now, themesOf.get(rec.id) ?? [], addresseesOf.get(rec.id) ?? []);
    const own = entriesOf.get(rec.id) ?? [];
    if (own.length === 0) return [{ ...base, ...entryColumns(null) }];
    return own.map((entry) => ({ ...base, ...entryColumns(entry) }));
  });
}

function recommendationColumns(
  rec: Recommendation,
  now: Date,
  themes: { id: number; slug: string }[],
  addressees: { id: number; slug: string }[],
): Omit<ExportRow, EntryHeader> {
  return {
    statement_slug: rec.statement.slug,
    statement_date: rec.statement.date,
    statement_state: visibilityState(rec.statement, now),
    statement_title_en: text(rec.statement.title, 'en'),
    statement_title_es: text(rec.statement.title, 'es'),
    recommendation_slug: rec.slug,
    recommendation_number: String(rec.number),
    recommendation_original_language: originalOf(rec.text)?.locale ?? '',
    recommendation_text_en: text(rec.text, 'en'),
    recommendation_text_es: text(rec.text, 'es'),
    themes: themes.map((th) => th.slug).join(LIST_SEPARATOR),
    addressees: addressees.map((a) => a.slug).join(LIST_SEPARATOR),
    current_status: rec.currentStatus ?? '',
    current_status_date: rec.currentStatusDate ?? '',
  };
}

type EntryHeader =
  | 'entry_type'
  | 'entry_date'
  | 'entry_publication'
  | 'entry_value'
  | 'entry_addressee'
  | 'entry_summary_en'
  | 'entry_summary_es'
  | 'entry_source_url'
  | 'entry_evidence_urls';

function entryColumns(entry: Entry | null): Pick<ExportRow, EntryHeader> {
  return {
    entry_type: entry?.type ?? '',
    entry_date: entry?.date ?? '',
    entry_publication: entry?.publication ?? '',
    entry_value: entry?.value ?? '',
    entry_addressee: entry?.addressee ?? '',
    entry_summary_en: text(entry?.summary, 'en'),
    entry_summary_es: text(entry?.summary, 'es'),
    entry_source_url: entry?.sourceUrl ?? '',
    entry_evidence_urls: entry?.evidence.join(LIST_SEPARATOR) ?? '',
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
