/**
 * One chunk's follow-up entries (responses, status updates with their evidence): an entry of a
 * recommendation that was already there is unchanged when the same entry is recorded; the rest are
 * written in one insert per table. Evidence gets its address as title and its host as publisher
 * (docs/data-columns.md lists what a round trip does not carry).
 */
import { inArray, sql } from 'drizzle-orm';
import { forEachSlice, type Tx, UPKEEP_SLICE } from '../../platform/db/bulk-write.js';
import * as t from '../../platform/db/schema/index.js';
import { stageNewRows, stageRows } from '../../platform/db/staged-write.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { bilingual, firstFilled, type ImportState } from './import-state.js';
import { resolveName } from './vocabulary.js';
import type { PendingEntry } from './write-recommendations.js';

const entryKey = (
  recommendationId: number,
  type: string,
  date: string,
  value: string,
  addresseeId: number,
  publication: string,
  summary: LocalizedText,
) =>
  [recommendationId, type, date, value, addresseeId, publication, summary.en?.text ?? '', summary.es?.text ?? ''].join(
    '\u0000',
  );

/** The entries already recorded for these recommendations, as entryKey strings. */
async function recordedEntries(state: ImportState, pending: PendingEntry[]): Promise<Set<string>> {
  const recorded = new Set<string>();
  const oldIds = [...new Set(pending.filter((x) => x.existed).map((x) => x.recommendationId))];
  if (oldIds.length === 0) return recorded;
  const { db } = state;
  const [responses, updates] = await Promise.all([
    db.select().from(t.followupResponses).where(inArray(t.followupResponses.recommendationId, oldIds)),
    db.select().from(t.followupStatusUpdates).where(inArray(t.followupStatusUpdates.recommendationId, oldIds)),
  ]);
  for (const r of responses)
    recorded.add(entryKey(r.recommendationId, 'response', r.date, r.position, r.addresseeId, r.publication, r.summary));
  for (const u of updates)
    recorded.add(entryKey(u.recommendationId, 'status_update', u.date, u.status, 0, u.publication, u.summary));
  return recorded;
}

export async function writeEntries(state: ImportState, pending: PendingEntry[]): Promise<void> {
  if (pending.length === 0) return;
  const { db, batch, report, created } = state;
  const addresseeIds = new Map<string, number>();
  for (const { entry } of pending) {
    if (entry.type === 'response' && !addresseeIds.has(entry.addressee))
      addresseeIds.set(entry.addressee, await resolveName(state, 'addressee', entry.addressee));
  }
  const recorded = await recordedEntries(state, pending);
  const responses: (typeof t.followupResponses.$inferInsert)[] = [];
  const updates: (typeof t.followupStatusUpdates.$inferInsert)[] = [];
  const evidenceOf: string[][] = [];
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
        recommendationId,
        statementId: state.statements.get(p.statement.slug)!.id,
        status: entry.value as (typeof t.followupStatusUpdates.$inferInsert)['status'],
        date: entry.date,
        summary,
        publication: entry.publication,
        recordedByLabel: state.actor.label,
      });
      evidenceOf.push(entry.evidenceUrls);
    }
  }
  if (responses.length > 0) {
    const ids = await stageNewRows(db, batch, t.followupResponses, responses);
    for (const id of ids) created.responses.push(id);
    for (const { p } of pending) created.statements.add(state.statements.get(p.statement.slug)!.id);
  }
  if (updates.length > 0) {
    const ids = await stageNewRows(db, batch, t.followupStatusUpdates, updates);
    for (const id of ids) created.statusUpdates.push(id);
    for (const u of updates) created.statements.add(u.statementId);
    const evidence = evidenceOf.flatMap((urls, k) =>
      urls.map((url, position) => ({
        statusUpdateId: ids[k]!,
        url,
        title: url,
        publisher: hostOf(url),
        position,
      })),
    );
    await stageRows(db, batch, t.followupEvidence, evidence);
  }
}

/**
 * is_current, as refreshCurrentStatus keeps it, at once for every recommendation given a status update
 * by the import (`added`: the updates' ids), once they are published. In slices of updates (bulk-write.ts's
 * UPKEEP_SLICE), so the statement's working memory does not grow with the import; a recommendation whose updates
 * fall in two slices gets the same answer from each (its latest update over all of them).
 */
export async function markCurrentStatus(tx: Tx, added: Iterable<number>, sliceSize = UPKEEP_SLICE): Promise<void> {
  const latest = sql`coalesce((
      select latest.id from followup_status_updates latest
      where latest.recommendation_id = su.recommendation_id and latest.publication = 'published'
      order by latest.date desc, latest.id desc limit 1), -1)`;
  await forEachSlice(added, sliceSize, (ids) =>
    tx.execute(sql`
      update followup_status_updates su set is_current = (su.id = ${latest})
      where su.recommendation_id in (select recommendation_id from followup_status_updates
                                     where id = any(${ids}::integer[]))
        and su.is_current <> (su.id = ${latest})`),
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
