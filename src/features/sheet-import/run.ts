/**
 * One pass over a recommendation spreadsheet, in ONE transaction: rows are read as a stream, checked,
 * matched and written a chunk at a time (batched inserts), and at the end the transaction is committed
 * only when it was asked for and no row had a problem; otherwise it is rolled back. The dry run is the
 * same pass rolled back, so what it reports is exactly what the commit would do (names created by an
 * earlier row are matched by a later one, the database's own checks run) and all-or-nothing is the
 * transaction's. Re-running a committed file matches every row and adds nothing.
 *
 * Memory: the rows are never held; per recommendation only its key, id and a short digest of its
 * columns (to catch two rows of one recommendation that disagree), per statement its columns.
 *
 * What the file cannot carry is not invented: an `embargoed` statement (the file has no embargo instant)
 * is a row problem; a withdrawn one is withdrawn at the import's `now`; evidence gets its address as
 * title and its host as publisher (docs/data-columns.md lists what a round trip does not carry).
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { type LocalizedText, localized } from '../../platform/text/localized-text.js';
import { visibilityState } from '../../platform/visibility.js';
import type { ColumnHeader } from '../exports/index.js';
import { matchVocabulary, type VocabularyKind, type VocabularyMatch } from './match.js';
import { readSheet, SheetFileError, type SheetFormat } from './read-sheet.js';
import { emptyReport, hasProblems, PROBLEMS_LISTED, type SheetReport } from './report.js';
import { type ParsedEntry, type ParsedRow, type RowProblem, validateRow } from './validate-row.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Rows checked and written together: few queries per chunk, one chunk of objects in memory. */
export const CHUNK = 1000;

/**
 * From this size on, a file is imported in bulk: the derived tables' triggers (follow-up rollups, search
 * index) are switched off for the transaction and the touched statements' rows rebuilt once at the end,
 * as bench/large-coalition.ts loads its data. Row by row, each batch made the triggers recount every
 * statement it touched again (20,000 rows: 80 s; see bench/sheet-import.bench.ts). The switch is
 * `alter table … disable trigger`, which locks those tables until the import commits: fine for a bulk
 * load, too much for a small file while the site is read.
 */
export const BULK_FROM_BYTES = 1_000_000;

/**
 * The triggers on the tables an import writes, by table: the derived tables' (rebuilt once by
 * refreshDerived) and the content version's (a row-level deferred trigger: one queued event per row,
 * which on 250,000 rows cost more than the rows; bumped once by bumpContentVersion instead).
 */
const DERIVED_TRIGGERS: [string, string[]][] = [
  ['statements', ['search_inserted', 'content_changed']],
  ['recommendations', ['search_inserted', 'recommendations_rollup_insert', 'content_changed']],
  ['recommendation_themes', ['recommendation_themes_rollup_insert', 'content_changed']],
  ['recommendation_addressees', ['recommendation_addressees_rollup_insert', 'content_changed']],
  ['followup_responses', ['search_inserted', 'followup_responses_rollup_insert', 'content_changed']],
  [
    'followup_status_updates',
    [
      'search_inserted',
      'search_updated',
      'followup_status_updates_rollup_insert',
      'followup_status_updates_rollup_update',
      'content_changed',
    ],
  ],
  ['followup_evidence', ['content_changed']],
];

async function switchDerivedTriggers(tx: Tx, on: boolean): Promise<void> {
  for (const [table, triggers] of DERIVED_TRIGGERS) {
    for (const trigger of triggers) {
      await tx.execute(sql.raw(`alter table "${table}" ${on ? 'enable' : 'disable'} trigger "${trigger}"`));
    }
  }
}

/** What the triggers would have done, once, for the rows an import created. Ids are integers, inlined in chunks. */
async function refreshDerived(tx: Tx, created: CreatedIds): Promise<void> {
  const inChunks = async (ids: number[], call: (list: ReturnType<typeof sql.raw>) => ReturnType<typeof sql>) => {
    for (let at = 0; at < ids.length; at += 5000) {
      await tx.execute(call(sql.raw(`array[${ids.slice(at, at + 5000).join(',')}]::integer[]`)));
    }
  };
  await inChunks([...created.statements], (ids) => sql`select followup_rollup_refresh(${ids})`);
  await inChunks(created.newStatements, (ids) => sql`select search_refresh('statement', ${ids})`);
  await inChunks(created.recommendations, (ids) => sql`select search_refresh('recommendation', ${ids})`);
  await inChunks(created.responses, (ids) => sql`select search_refresh('followup_response', ${ids})`);
  await inChunks(created.statusUpdates, (ids) => sql`select search_refresh('followup_status_update', ${ids})`);
}

/** What the content-version trigger does once per transaction (migration 0015), for the rows it did not see. */
async function bumpContentVersion(tx: Tx): Promise<void> {
  await tx.execute(sql`do $$
    declare bumped bigint;
    begin
      if current_setting('puente.content_changed', true) is distinct from 'yes' then
        perform set_config('puente.content_changed', 'yes', true);
        update content_version set version = version + 1, changed_at = now() where id = 1 returning version into bumped;
        perform pg_notify('puente_content_version', bumped::text);
      end if;
    end $$`);
}

interface CreatedIds {
  /** Every statement whose recommendations or entries changed (the rollups are per statement). */
  statements: Set<number>;
  newStatements: number[];
  recommendations: number[];
  responses: number[];
  statusUpdates: number[];
}

export interface RunOptions {
  /** Switch the derived tables' triggers off and rebuild once (BULK_FROM_BYTES); default: by nothing, row by row. */
  bulk?: boolean;
  fileName: string;
  format: SheetFormat;
  commit: boolean;
  actor: Actor;
  now: Date;
  /** Called after each chunk: rows read so far and bytes of the file read so far. */
  onProgress?: (rows: number, bytes: number) => void | Promise<void>;
}

class RollBack extends Error {}

export async function runSheetImport(db: Db, source: Readable, options: RunOptions): Promise<SheetReport> {
  let report = emptyReport(options.fileName);
  try {
    await db.transaction(async (tx) => {
      const created: CreatedIds = {
        statements: new Set(),
        newStatements: [],
        recommendations: [],
        responses: [],
        statusUpdates: [],
      };
      if (options.bulk) await switchDerivedTriggers(tx, false);
      report = await importRows(tx, source, options, created);
      if (!options.commit || hasProblems(report)) throw new RollBack();
      if (options.bulk) {
        // The content-version triggers are deferred to the commit; a table with pending events cannot be
        // altered, so they run now (the version moves either way, once the transaction commits).
        await tx.execute(sql`set constraints all immediate`);
        await switchDerivedTriggers(tx, true);
        await refreshDerived(tx, created);
        await bumpContentVersion(tx);
      }
      report.committed = true;
      await writeAudit(tx, {
        actor: options.actor,
        at: options.now,
        entityType: 'sheet_import',
        entityId: options.fileName,
        action: 'commit',
        after: {
          rows: report.rows,
          statements: report.statements.created,
          recommendations: report.recommendations.created,
          responses: report.responses.created,
          statusUpdates: report.statusUpdates.created,
        },
      });
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return report;
}

interface StatementSeen {
  id: number;
  existed: boolean;
  fields: string[];
  row: number;
}
interface RecommendationSeen {
  id: number;
  existed: boolean;
  /** Four base64 characters per checked column, in one string: 250,000 of these fit in a few MB. */
  digest: string;
  row: number;
}

const STATEMENT_COLUMNS: ColumnHeader[] = [
  'statement_date',
  'statement_state',
  'statement_title_en',
  'statement_title_es',
];
const RECOMMENDATION_COLUMNS_CHECKED: ColumnHeader[] = [
  'recommendation_number',
  'recommendation_original_language',
  'recommendation_text_en',
  'recommendation_text_es',
  'themes',
  'addressees',
  'current_status',
  'current_status_date',
];

const statementFields = (p: ParsedRow) => [
  p.statement.date,
  p.statement.state,
  p.statement.titleEn,
  p.statement.titleEs,
];
const DIGEST_WIDTH = 4;
const digest = (text: string) => createHash('sha1').update(text).digest('base64').slice(0, DIGEST_WIDTH);
const recommendationDigest = (p: ParsedRow) =>
  [
    String(p.recommendation.number),
    p.recommendation.originalLanguage,
    p.recommendation.textEn,
    p.recommendation.textEs,
    p.recommendation.themes.join('\n'),
    p.recommendation.addressees.join('\n'),
    p.recommendation.currentStatus,
    p.recommendation.currentStatusDate,
  ]
    .map(digest)
    .join('');

/** Original in one language, the other as its translation (the file does not say which for titles and summaries). */
function bilingual(original: 'en' | 'es', en: string, es: string): LocalizedText {
  const texts = { en, es };
  const other = original === 'en' ? 'es' : 'en';
  if (texts[original] === '') return texts[other] === '' ? {} : localized(other, texts[other]);
  return localized(original, texts[original], { [other]: texts[other] });
}
const firstFilled = (en: string): 'en' | 'es' => (en !== '' ? 'en' : 'es');

async function importRows(tx: Tx, source: Readable, options: RunOptions, created: CreatedIds): Promise<SheetReport> {
  const report = emptyReport(options.fileName);
  const statementsSeen = new Map<string, StatementSeen>();
  const recommendationsSeen = new Map<string, RecommendationSeen>();
  const numbersTaken = new Map<number, Set<number>>();
  const vocabulary = {
    theme: new Map<string, VocabularyMatch & { id: number }>(),
    addressee: new Map<string, VocabularyMatch & { id: number }>(),
  };
  let bytes = 0;

  const addProblem = (problem: RowProblem) => {
    report.problemCount++;
    if (report.problems.length < PROBLEMS_LISTED) report.problems.push(problem);
  };

  async function resolve(kind: VocabularyKind, written: string): Promise<number> {
    const cache = vocabulary[kind];
    const known = cache.get(written);
    if (known) return known.id;
    const match = await matchVocabulary(tx, kind, written);
    let id = match.id;
    if (id === null) {
      // Created in this transaction; a later row naming it finds it in the cache (or the dry run's rollback drops it).
      const taken = new Set(
        (
          await tx
            .select({ slug: kind === 'theme' ? t.themes.slug : t.addressees.slug })
            .from(kind === 'theme' ? t.themes : t.addressees)
            .where(sql`slug = ${match.slug} or slug like ${`${match.slug}-%`}`)
        ).map((r) => r.slug),
      );
      let slug = match.slug;
      for (let n = 2; taken.has(slug); n++) slug = `${match.slug}-${n}`;
      match.slug = slug;
      const name = localized('en', written);
      const [row] =
        kind === 'theme'
          ? await tx.insert(t.themes).values({ slug, label: name }).returning({ id: t.themes.id })
          : await tx.insert(t.addressees).values({ slug, name, kind: 'other' }).returning({ id: t.addressees.id });
      id = row!.id;
    }
    cache.set(written, { ...match, id });
    (kind === 'theme' ? report.themes : report.addressees).push({
      written: match.written,
      how: match.how,
      slug: match.slug,
      score: match.score,
      suggestions: match.suggestions,
    });
    return id;
  }

  async function handleChunk(chunk: ParsedRow[]): Promise<void> {
    // Statements: those not seen yet are looked up once, created when absent.
    const unseen = [...new Set(chunk.map((p) => p.statement.slug).filter((slug) => !statementsSeen.has(slug)))];
    if (unseen.length > 0) {
      const existing = await tx
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
        .where(inArray(t.statements.slug, unseen));
      const bySlug = new Map(existing.map((s) => [s.slug, s]));
      const toCreate: ParsedRow[] = [];
      for (const slug of unseen) {
        const first = chunk.find((p) => p.statement.slug === slug)!;
        const found = bySlug.get(slug);
        if (found) {
          const stored = [
            found.date,
            visibilityState(found, options.now),
            found.title.en?.text ?? '',
            found.title.es?.text ?? '',
          ];
          statementsSeen.set(slug, { id: found.id, existed: true, fields: stored, row: first.row });
          report.statements.unchanged++;
        } else toCreate.push(first);
      }
      if (toCreate.length > 0) {
        const made = await tx
          .insert(t.statements)
          .values(
            toCreate.map((p) => ({
              slug: p.statement.slug,
              date: p.statement.date,
              title: bilingual(firstFilled(p.statement.titleEn), p.statement.titleEn, p.statement.titleEs),
              status: p.statement.state === 'draft' ? ('draft' as const) : ('published' as const),
              withdrawnAt: p.statement.state === 'withdrawn' ? options.now : null,
            })),
          )
          .returning({ id: t.statements.id, slug: t.statements.slug });
        for (const c of made) {
          created.newStatements.push(c.id);
          const first = toCreate.find((p) => p.statement.slug === c.slug)!;
          statementsSeen.set(c.slug, { id: c.id, existed: false, fields: statementFields(first), row: first.row });
          report.statements.created++;
        }
      }
    }
    // Every row's statement columns must say what the statement's first row (or the database) says.
    const rows: ParsedRow[] = [];
    for (const p of chunk) {
      const seen = statementsSeen.get(p.statement.slug)!;
      const fields = statementFields(p);
      const differs = fields.findIndex((value, k) => value !== seen.fields[k]);
      if (differs >= 0) {
        addProblem({
          row: p.row,
          column: STATEMENT_COLUMNS[differs]!,
          code: seen.existed ? 'statement-differs' : 'inconsistent',
          value: seen.existed ? (seen.fields[differs] ?? '') : String(seen.row),
        });
      } else rows.push(p);
    }

    // Recommendations: new ones created with their themes and addressees; existing ones must agree.
    const keyOf = (p: ParsedRow) => `${p.statement.slug}\u0000${p.recommendation.slug}`;
    const unseenRecs = new Map<string, ParsedRow>();
    for (const p of rows)
      if (!recommendationsSeen.has(keyOf(p)) && !unseenRecs.has(keyOf(p))) unseenRecs.set(keyOf(p), p);
    const inExisting = [...unseenRecs.values()].filter((p) => statementsSeen.get(p.statement.slug)!.existed);
    const storedRecs = new Map<string, { id: number; text: LocalizedText }>();
    if (inExisting.length > 0) {
      const found = await tx
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
      for (const f of found) storedRecs.set(`${f.statementSlug}\u0000${f.slug}`, { id: f.id, text: f.text });
    }
    const recsToCreate: ParsedRow[] = [];
    for (const [key, p] of unseenRecs) {
      const stored = storedRecs.get(key);
      if (stored) {
        const differs =
          (stored.text.en?.text ?? '') !== p.recommendation.textEn
            ? 'recommendation_text_en'
            : (stored.text.es?.text ?? '') !== p.recommendation.textEs
              ? 'recommendation_text_es'
              : null;
        if (differs) {
          addProblem({
            row: p.row,
            column: differs,
            code: 'recommendation-differs',
            value: stored.text[differs === 'recommendation_text_en' ? 'en' : 'es']?.text.slice(0, 77) ?? '',
          });
          continue;
        }
        recommendationsSeen.set(key, { id: stored.id, existed: true, digest: recommendationDigest(p), row: p.row });
        report.recommendations.unchanged++;
        continue;
      }
      const statementId = statementsSeen.get(p.statement.slug)!.id;
      const taken = numbersTaken.get(statementId) ?? new Set<number>();
      numbersTaken.set(statementId, taken);
      if (taken.has(p.recommendation.number)) {
        addProblem({
          row: p.row,
          column: 'recommendation_number',
          code: 'duplicate-number',
          value: String(p.recommendation.number),
        });
        continue;
      }
      taken.add(p.recommendation.number);
      recsToCreate.push(p);
    }
    if (recsToCreate.length > 0) {
      const made = await tx
        .insert(t.recommendations)
        .values(
          recsToCreate.map((p) => ({
            statementId: statementsSeen.get(p.statement.slug)!.id,
            slug: p.recommendation.slug,
            position: p.recommendation.number,
            text: bilingual(p.recommendation.originalLanguage, p.recommendation.textEn, p.recommendation.textEs),
          })),
        )
        .returning({ id: t.recommendations.id });
      const themeLinks: { recommendationId: number; themeId: number }[] = [];
      const addresseeLinks: { recommendationId: number; addresseeId: number }[] = [];
      for (const [k, p] of recsToCreate.entries()) {
        const id = made[k]!.id;
        created.recommendations.push(id);
        created.statements.add(statementsSeen.get(p.statement.slug)!.id);
        recommendationsSeen.set(keyOf(p), { id, existed: false, digest: recommendationDigest(p), row: p.row });
        report.recommendations.created++;
        for (const theme of new Set(p.recommendation.themes))
          themeLinks.push({ recommendationId: id, themeId: await resolve('theme', theme) });
        for (const a of new Set(p.recommendation.addressees))
          addresseeLinks.push({ recommendationId: id, addresseeId: await resolve('addressee', a) });
      }
      if (themeLinks.length > 0) await tx.insert(t.recommendationThemes).values(themeLinks).onConflictDoNothing();
      if (addresseeLinks.length > 0)
        await tx.insert(t.recommendationAddressees).values(addresseeLinks).onConflictDoNothing();
    }

    // Entries: each row's response or status update, or the current status of a row without one.
    interface Pending {
      p: ParsedRow;
      recommendationId: number;
      entry: ParsedEntry;
      existed: boolean;
    }
    const pending: Pending[] = [];
    for (const p of rows) {
      const seen = recommendationsSeen.get(keyOf(p));
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
          addProblem({
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
    await writeEntries(pending);
  }

  async function writeEntries(
    pending: { p: ParsedRow; recommendationId: number; entry: ParsedEntry; existed: boolean }[],
  ) {
    if (pending.length === 0) return;
    const addresseeIds = new Map<string, number>();
    for (const { entry } of pending) {
      if (entry.type === 'response' && !addresseeIds.has(entry.addressee))
        addresseeIds.set(entry.addressee, await resolve('addressee', entry.addressee));
    }
    // Entries of recommendations that were already there: an entry already recorded is unchanged.
    const recorded = new Set<string>();
    const oldIds = [...new Set(pending.filter((x) => x.existed).map((x) => x.recommendationId))];
    const entryKey = (
      recommendationId: number,
      type: string,
      date: string,
      value: string,
      addresseeId: number,
      publication: string,
      summary: LocalizedText,
    ) =>
      [
        recommendationId,
        type,
        date,
        value,
        addresseeId,
        publication,
        summary.en?.text ?? '',
        summary.es?.text ?? '',
      ].join('\u0000');
    if (oldIds.length > 0) {
      const [responses, updates] = await Promise.all([
        tx.select().from(t.followupResponses).where(inArray(t.followupResponses.recommendationId, oldIds)),
        tx.select().from(t.followupStatusUpdates).where(inArray(t.followupStatusUpdates.recommendationId, oldIds)),
      ]);
      for (const r of responses)
        recorded.add(
          entryKey(r.recommendationId, 'response', r.date, r.position, r.addresseeId, r.publication, r.summary),
        );
      for (const u of updates)
        recorded.add(entryKey(u.recommendationId, 'status_update', u.date, u.status, 0, u.publication, u.summary));
    }
    const responses: (typeof t.followupResponses.$inferInsert)[] = [];
    const updates: { row: typeof t.followupStatusUpdates.$inferInsert; evidence: string[] }[] = [];
    for (const { p, recommendationId, entry } of pending) {
      const summary = bilingual(firstFilled(entry.summaryEn), entry.summaryEn, entry.summaryEs);
      const addresseeId = entry.type === 'response' ? addresseeIds.get(entry.addressee)! : 0;
      const isNew = !recorded.has(
        entryKey(recommendationId, entry.type, entry.date, entry.value, addresseeId, entry.publication, summary),
      );
      if (entry.type === 'response') {
        report.responses.byPosition[entry.value] = (report.responses.byPosition[entry.value] ?? 0) + 1;
        if (!isNew) {
          report.responses.unchanged++;
          continue;
        }
        report.responses.created++;
        responses.push({
          recommendationId,
          addresseeId,
          position: entry.value as (typeof t.followupResponses.$inferInsert)['position'],
          date: entry.date,
          summary,
          sourceUrl: entry.sourceUrl || null,
          publication: entry.publication,
        });
      } else {
        if (!isNew) {
          report.statusUpdates.unchanged++;
          continue;
        }
        report.statusUpdates.created++;
        updates.push({
          row: {
            recommendationId,
            statementId: statementsSeen.get(p.statement.slug)!.id,
            status: entry.value as (typeof t.followupStatusUpdates.$inferInsert)['status'],
            date: entry.date,
            summary,
            publication: entry.publication,
            recordedByLabel: options.actor.label,
          },
          evidence: entry.evidenceUrls,
        });
      }
    }
    if (responses.length > 0) {
      const ids = await tx.insert(t.followupResponses).values(responses).returning({ id: t.followupResponses.id });
      for (const { id } of ids) created.responses.push(id);
      for (const { p } of pending) created.statements.add(statementsSeen.get(p.statement.slug)!.id);
    }
    if (updates.length > 0) {
      const ids = await tx
        .insert(t.followupStatusUpdates)
        .values(updates.map((u) => u.row))
        .returning({ id: t.followupStatusUpdates.id });
      for (const { id } of ids) created.statusUpdates.push(id);
      for (const u of updates) created.statements.add(u.row.statementId);
      const evidence = updates.flatMap((u, k) =>
        u.evidence.map((url, position) => ({
          statusUpdateId: ids[k]!.id,
          url,
          title: url,
          publisher: hostOf(url),
          position,
        })),
      );
      if (evidence.length > 0) await tx.insert(t.followupEvidence).values(evidence);
      // is_current, as refreshCurrentStatus keeps it, for every recommendation of the chunk at once.
      const touched = [...new Set(updates.map((u) => u.row.recommendationId))];
      await tx.execute(sql`
        update followup_status_updates su set is_current = (su.id = coalesce((
          select latest.id from followup_status_updates latest
          where latest.recommendation_id = su.recommendation_id and latest.publication = 'published'
          order by latest.date desc, latest.id desc limit 1), -1))
        where su.recommendation_id in (${sql.join(
          touched.map((id) => sql`${id}`),
          sql`, `,
        )})
          and su.is_current <> (su.id = coalesce((
          select latest.id from followup_status_updates latest
          where latest.recommendation_id = su.recommendation_id and latest.publication = 'published'
          order by latest.date desc, latest.id desc limit 1), -1))`);
    }
  }

  let chunk: ParsedRow[] = [];
  try {
    for await (const sheetRow of readSheet(source, options.format, (read) => {
      bytes = read;
    })) {
      report.rows++;
      const checked = validateRow(sheetRow);
      if (checked.parsed) chunk.push(checked.parsed);
      else for (const problem of checked.problems) addProblem(problem);
      if (report.rows % CHUNK === 0) {
        await handleChunk(chunk);
        chunk = [];
        await options.onProgress?.(report.rows, bytes);
      }
    }
    await handleChunk(chunk);
    await options.onProgress?.(report.rows, bytes);
  } catch (error) {
    if (!(error instanceof SheetFileError)) throw error;
    report.fileProblem = { code: error.code, detail: error.detail };
  }
  report.themes.sort((a, b) => a.written.localeCompare(b.written));
  report.addressees.sort((a, b) => a.written.localeCompare(b.written));
  return report;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
