/**
 * One chunk's statements and recommendations: those not met yet are looked up in one query each and
 * created in one insert each when absent; rows that disagree with what came before (earlier rows of the
 * file, or the database) become row problems. Answers each remaining row's entry to write.
 *
 * What the file cannot carry is not invented: an `embargoed` statement (the file has no embargo instant)
 * is a row problem (validate-row.ts); a withdrawn one is withdrawn at the import's `now`.
 */
import { and, eq, inArray } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { stageNewRows, stageRows } from '../../platform/db/staged-write.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { visibilityState } from '../../platform/visibility.js';
import {
  addProblem,
  bilingual,
  DIGEST_WIDTH,
  firstFilled,
  type ImportState,
  RECOMMENDATION_COLUMNS_CHECKED,
  recommendationDigest,
  recommendationKey,
  STATEMENT_COLUMNS,
  statementFields,
} from './import-state.js';
import type { ParsedEntry, ParsedRow } from './validate-row.js';
import { resolvedName, resolveName } from './vocabulary.js';

export interface PendingEntry {
  p: ParsedRow;
  recommendationId: number;
  entry: ParsedEntry;
  /** The recommendation was in the database before the import: its entries may be there already. */
  existed: boolean;
}

export async function writeRecommendations(state: ImportState, chunk: ParsedRow[]): Promise<PendingEntry[]> {
  await writeStatements(state, chunk);
  const rows = rowsAgreeingWithStatement(state, chunk);
  await writeNewRecommendations(state, rows);
  return entriesOf(state, rows);
}

async function writeStatements(state: ImportState, chunk: ParsedRow[]): Promise<void> {
  const { db, report } = state;
  const firstRow = new Map<string, ParsedRow>();
  for (const p of chunk) {
    if (!state.statements.has(p.statement.slug) && !firstRow.has(p.statement.slug)) firstRow.set(p.statement.slug, p);
  }
  if (firstRow.size === 0) return;
  const existing = await db
    .select({
      id: t.statements.id,
      slug: t.statements.slug,
      date: t.statements.date,
      title: t.statements.title,
      status: t.statements.status,
      embargoUntil: t.statements.embargoUntil,
      withdrawnAt: t.statements.withdrawnAt,
    })
    .from(t.statements)
    .where(inArray(t.statements.slug, [...firstRow.keys()]));
  const bySlug = new Map(existing.map((s) => [s.slug, s]));
  const toCreate: ParsedRow[] = [];
  for (const [slug, first] of firstRow) {
    const found = bySlug.get(slug);
    if (!found) {
      toCreate.push(first);
      continue;
    }
    const stored = [
      found.date,
      visibilityState(found, state.now),
      found.title.en?.text ?? '',
      found.title.es?.text ?? '',
    ];
    state.statements.set(slug, { id: found.id, existed: true, fields: stored, row: first.row });
    report.statements.unchanged++;
  }
  const made = await stageNewRows(
    db,
    state.batch,
    t.statements,
    toCreate.map((p) => ({
      slug: p.statement.slug,
      date: p.statement.date,
      title: bilingual(firstFilled(p.statement.titleEn), p.statement.titleEn, p.statement.titleEs),
      status: p.statement.state === 'draft' ? ('draft' as const) : ('published' as const),
      withdrawnAt: p.statement.state === 'withdrawn' ? state.now : null,
    })),
  );
  made.forEach((id, k) => {
    const first = toCreate[k]!;
    state.created.newStatements.push(id);
    state.statements.set(first.statement.slug, {
      id,
      existed: false,
      fields: statementFields(first),
      row: first.row,
    });
    report.statements.created++;
  });
}

/** Every row's statement columns must say what the statement's first row (or the database) says. */
function rowsAgreeingWithStatement(state: ImportState, chunk: ParsedRow[]): ParsedRow[] {
  const rows: ParsedRow[] = [];
  for (const p of chunk) {
    const seen = state.statements.get(p.statement.slug)!;
    const fields = statementFields(p);
    const differs = fields.findIndex((value, k) => value !== seen.fields[k]);
    if (differs < 0) {
      rows.push(p);
      continue;
    }
    addProblem(state, {
      row: p.row,
      column: STATEMENT_COLUMNS[differs]!,
      code: seen.existed ? 'statement-differs' : 'inconsistent',
      value: seen.existed ? (seen.fields[differs] ?? '') : String(seen.row),
    });
  }
  return rows;
}

/** New recommendations created with their themes and addressees; existing ones must agree. */
async function writeNewRecommendations(state: ImportState, rows: ParsedRow[]): Promise<void> {
  const { db, report } = state;
  const unseen = new Map<string, ParsedRow>();
  for (const p of rows) {
    const key = recommendationKey(p);
    if (!state.recommendations.has(p) && !unseen.has(key)) unseen.set(key, p);
  }
  const inExisting = [...unseen.values()].filter((p) => state.statements.get(p.statement.slug)!.existed);
  const stored = new Map<string, { id: number; text: LocalizedText }>();
  if (inExisting.length > 0) {
    const found = await db
      .select({
        id: t.recommendations.id,
        slug: t.recommendations.slug,
        statementSlug: t.statements.slug,
        text: t.recommendations.text,
      })
      .from(t.recommendations)
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .where(
        and(
          inArray(t.statements.slug, [...new Set(inExisting.map((p) => p.statement.slug))]),
          inArray(t.recommendations.slug, [...new Set(inExisting.map((p) => p.recommendation.slug))]),
        ),
      );
    for (const f of found) stored.set(`${f.statementSlug}\u0000${f.slug}`, { id: f.id, text: f.text });
  }
  const toCreate: ParsedRow[] = [];
  for (const [key, p] of unseen) {
    const before = stored.get(key);
    if (before) {
      const differs =
        (before.text.en?.text ?? '') !== p.recommendation.textEn
          ? 'recommendation_text_en'
          : (before.text.es?.text ?? '') !== p.recommendation.textEs
            ? 'recommendation_text_es'
            : null;
      if (differs) {
        addProblem(state, {
          row: p.row,
          column: differs,
          code: 'recommendation-differs',
          value: before.text[differs === 'recommendation_text_en' ? 'en' : 'es']?.text.slice(0, 77) ?? '',
        });
        continue;
      }
      state.recommendations.remember(p, { id: before.id, existed: true, digest: recommendationDigest(p), row: p.row });
      report.recommendations.unchanged++;
      continue;
    }
    const statementId = state.statements.get(p.statement.slug)!.id;
    const taken = state.numbersTaken.get(statementId) ?? new Set<number>();
    state.numbersTaken.set(statementId, taken);
    if (taken.has(p.recommendation.number)) {
      addProblem(state, {
        row: p.row,
        column: 'recommendation_number',
        code: 'duplicate-number',
        value: String(p.recommendation.number),
      });
      continue;
    }
    taken.add(p.recommendation.number);
    toCreate.push(p);
  }
  if (toCreate.length === 0) return;
  const made = await stageNewRows(
    db,
    state.batch,
    t.recommendations,
    toCreate.map((p) => ({
      statementId: state.statements.get(p.statement.slug)!.id,
      slug: p.recommendation.slug,
      position: p.recommendation.number,
      text: bilingual(p.recommendation.originalLanguage, p.recommendation.textEn, p.recommendation.textEs),
    })),
  );
  const themeLinks: { recommendationId: number; themeId: number }[] = [];
  const addresseeLinks: { recommendationId: number; addresseeId: number }[] = [];
  for (const [k, p] of toCreate.entries()) {
    const id = made[k]!;
    state.created.recommendations.push(id);
    state.created.statements.add(state.statements.get(p.statement.slug)!.id);
    state.recommendations.remember(p, {
      id,
      existed: false,
      digest: recommendationDigest(p),
      row: p.row,
    });
    report.recommendations.created++;
    // Two names may match one theme or addressee: each is linked once.
    const themeIds = new Set<number>();
    for (const theme of p.recommendation.themes) {
      themeIds.add(resolvedName(state, 'theme', theme) ?? (await resolveName(state, 'theme', theme)));
    }
    for (const themeId of themeIds) themeLinks.push({ recommendationId: id, themeId });
    const addresseeIds = new Set<number>();
    for (const a of p.recommendation.addressees) {
      addresseeIds.add(resolvedName(state, 'addressee', a) ?? (await resolveName(state, 'addressee', a)));
    }
    for (const addresseeId of addresseeIds) addresseeLinks.push({ recommendationId: id, addresseeId });
  }
  await stageRows(db, state.batch, t.recommendationThemes, themeLinks);
  await stageRows(db, state.batch, t.recommendationAddressees, addresseeLinks);
}

/** Each row's response or status update, or the current status of a row without one. */
function entriesOf(state: ImportState, rows: ParsedRow[]): PendingEntry[] {
  const pending: PendingEntry[] = [];
  for (const p of rows) {
    const seen = state.recommendations.get(p);
    if (!seen) continue;
    if (seen.row !== p.row) {
      const now = recommendationDigest(p);
      const differs =
        now === seen.digest
          ? -1
          : RECOMMENDATION_COLUMNS_CHECKED.findIndex(
              (_, k) =>
                now.slice(k * DIGEST_WIDTH, (k + 1) * DIGEST_WIDTH) !==
                seen.digest.slice(k * DIGEST_WIDTH, (k + 1) * DIGEST_WIDTH),
            );
      if (differs >= 0) {
        addProblem(state, {
          row: p.row,
          column: RECOMMENDATION_COLUMNS_CHECKED[differs]!,
          code: 'inconsistent',
          value: String(seen.row),
        });
        continue;
      }
    }
    const entry: ParsedEntry | null =
      p.entry ??
      (p.recommendation.currentStatus !== ''
        ? {
            type: 'status_update',
            date: p.recommendation.currentStatusDate,
            publication: 'published',
            value: p.recommendation.currentStatus,
            addressee: '',
            summaryEn: '',
            summaryEs: '',
            sourceUrl: '',
            evidenceUrls: [],
          }
        : null);
    if (entry) pending.push({ p, recommendationId: seen.id, entry, existed: seen.existed });
  }
  return pending;
}

/**
 * The new statements whose recommendations' numbers in the file are exactly 1…n: their stored numbers are
 * their positions, written as they are published (platform/db/bulk-write.ts, `numberAtInsert`).
 */
export function numberedByPosition(state: ImportState): Set<number> {
  const dense = new Set<number>();
  for (const id of state.created.newStatements) {
    const taken = state.numbersTaken.get(id);
    if (!taken) continue;
    let max = 0;
    let min = Number.POSITIVE_INFINITY;
    for (const n of taken) {
      if (n > max) max = n;
      if (n < min) min = n;
    }
    if (min === 1 && max === taken.size) dense.add(id);
  }
  return dense;
}
