/**
 * Writes an import plan in one transaction: new themes and their mappings, new States under review
 * (addressees), new reviews (published statements of kind `upr_review`), then the new recommendations
 * in batches with their themes, addressee, recommending States and the State's response (a published
 * follow-up response). Anything failing rolls all of it back.
 *
 * A bulk load (platform/db/bulk-write.ts): each batch is one JSON parameter per table, and search, the
 * dashboards' rollup and the content version are brought up to date once at the end, set-based, rather
 * than by the triggers after every batch (which recounted each review's statement per batch: ~160 rows/s).
 * The import is a CLI command of an operator; the tables it writes are locked until it commits.
 */
import { eq, inArray, like, max } from 'drizzle-orm';
import { type Actor, writeAudit } from '../../platform/audit.js';
import {
  bulkInsert,
  type CreatedRows,
  noRowsCreated,
  pauseDerivedUpkeep,
  resumeDerivedUpkeep,
  type Tx,
} from '../../platform/db/bulk-write.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { fingerprint, type LocalizedText } from '../../platform/text/localized-text.js';
import type { ImportPlan, ReviewPlan } from './plan.js';

export const BATCH = 2000;

export interface CommitResult {
  added: number;
  createdReviews: string[];
  createdThemes: string[];
  createdAddressees: string[];
}

/** English as written, Spanish as a translation of it (so the translations page can tell when it goes stale). */
function bilingual(en: string, es: string): LocalizedText {
  return {
    en: { text: en, origin: 'original' },
    es: { text: es, origin: 'translation', sourceFingerprint: fingerprint(en) },
  };
}

function stateNames(country: string, fallback: string): { en: string; es: string } {
  return {
    en: new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? fallback,
    es: new Intl.DisplayNames(['es'], { type: 'region' }).of(country) ?? fallback,
  };
}

export function reviewTitle(review: Pick<ReviewPlan, 'country' | 'stateName' | 'session' | 'cycle'>): LocalizedText {
  const name = stateNames(review.country, review.stateName);
  return bilingual(
    `Universal Periodic Review of ${name.en}, session ${review.session} (cycle ${review.cycle})`,
    `Examen Periódico Universal de ${name.es}, sesión ${review.session} (ciclo ${review.cycle})`,
  );
}

export async function commitImport(
  db: Db,
  plan: ImportPlan,
  actor: Actor,
  now: Date,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
): Promise<CommitResult> {
  const audit = (tx: Tx, entityType: string, entityId: number | string, after: Record<string, unknown>) =>
    writeAudit(tx, { actor, at: now, entityType, entityId, action: 'import', before: null, after });
  const result: CommitResult = { added: 0, createdReviews: [], createdThemes: [], createdAddressees: [] };

  await db.transaction(async (tx) => {
    await pauseDerivedUpkeep(tx);
    const created = noRowsCreated();
    const themeIds = new Map<string, number>();
    for (const theme of plan.themes) {
      let id = theme.themeId;
      if (id === null) {
        const values = { slug: theme.slug, label: { en: { text: theme.label, origin: 'original' as const } } };
        const [row] = await tx.insert(t.themes).values(values).returning({ id: t.themes.id });
        id = (row as { id: number }).id;
        result.createdThemes.push(theme.label);
        await audit(tx, 'theme', id, values);
      }
      themeIds.set(theme.label, id);
      if (theme.how !== 'mapped') {
        await tx
          .insert(t.themeMappings)
          .values({ source: plan.read.source, label: theme.label, themeId: id, createdAt: now, updatedAt: now });
      }
    }

    let done = 0;
    const total = plan.added;
    for (const review of plan.reviews) {
      if (review.added.length === 0) continue;
      const addresseeId = review.addressee.id ?? (await createAddressee(tx, review, result, audit));
      const statementId =
        review.statementId ?? (await createReview(tx, review, addresseeId, now, result, audit, created));
      created.statements.add(statementId);
      const start = review.statementId === null ? 0 : await lastPosition(tx, statementId);
      const taken = review.statementId === null ? new Set<string>() : await slugsOf(tx, statementId);
      const slugFor = (reference: string | null, position: number) => {
        const base = reference ? reference.replace(/[^0-9a-z]+/gi, '-').toLowerCase() : String(position);
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        taken.add(slug);
        return slug;
      };
      for (let i = 0; i < review.added.length; i += BATCH) {
        const batch = review.added.slice(i, i + BATCH);
        const inserted = await bulkInsert<typeof t.recommendations, { id: number }>(
          tx,
          t.recommendations,
          batch.map(({ source, key }, k) => ({
            statementId,
            slug: slugFor(source.reference, start + i + k + 1),
            position: start + i + k + 1,
            text: { en: { text: source.text, origin: 'original' as const } },
            sourceKey: key,
            sourceReference: source.reference,
            sdgs: source.sdgs,
            createdAt: now,
            updatedAt: now,
          })),
          ['id'],
        );
        const ids = inserted.map((row) => row.id);
        created.recommendations.push(...ids);
        // A label listed twice maps to one theme: linked once.
        const themes = batch.flatMap(({ source }, k) =>
          [...new Set(source.themes.map((label) => themeIds.get(label) as number))].map((themeId) => ({
            recommendationId: ids[k] as number,
            themeId,
          })),
        );
        await bulkInsert(tx, t.recommendationThemes, themes);
        // Which label gave which theme, so an editor's change of a mapping re-themes exactly these.
        const labels = batch.flatMap(({ source }, k) =>
          [...new Set(source.themes)].map((label) => ({
            recommendationId: ids[k] as number,
            source: plan.read.source,
            label,
          })),
        );
        await bulkInsert(tx, t.recommendationSourceThemes, labels);
        await bulkInsert(
          tx,
          t.recommendationAddressees,
          ids.map((recommendationId) => ({ recommendationId, addresseeId })),
        );
        const recommenders = batch.flatMap(({ source }, k) =>
          source.recommenders.map((r, position) => ({ recommendationId: ids[k] as number, position, ...r })),
        );
        await bulkInsert(tx, t.recommendationRecommenders, recommenders);
        const responses = batch.flatMap(({ source }, k) =>
          source.position === null
            ? []
            : [
                {
                  recommendationId: ids[k] as number,
                  addresseeId,
                  position: source.position,
                  date: review.date,
                  sourceTitle: source.positionSource ?? (plan.read.source === 'upr-info' ? 'UPR Info database' : null),
                  publication: 'published' as const,
                  createdAt: now,
                  updatedAt: now,
                },
              ],
        );
        const responseIds = await bulkInsert<typeof t.followupResponses, { id: number }>(
          tx,
          t.followupResponses,
          responses,
          ['id'],
        );
        created.responses.push(...responseIds.map((row) => row.id));
        done += batch.length;
        result.added += batch.length;
        onProgress?.(done, total);
      }
    }
    await resumeDerivedUpkeep(tx, created);
    // One record of the import itself: what file, what it added (each created row has its own above).
    await audit(tx, 'import', fileName, {
      source: plan.read.source,
      file: fileName,
      added: result.added,
      unchanged: plan.unchanged,
      reviews: plan.reviews.filter((r) => r.added.length > 0).map((r) => r.slug),
    });
  });
  return result;
}

async function createAddressee(
  tx: Tx,
  review: ReviewPlan,
  result: CommitResult,
  audit: (tx: Tx, type: string, id: number, after: Record<string, unknown>) => Promise<void>,
): Promise<number> {
  const name = stateNames(review.country, review.stateName);
  const taken = new Set(
    (
      await tx
        .select({ slug: t.addressees.slug })
        .from(t.addressees)
        .where(like(t.addressees.slug, `${review.addressee.slug}%`))
    ).map((r) => r.slug),
  );
  let slug = review.addressee.slug;
  for (let n = 2; taken.has(slug); n++) slug = `${review.addressee.slug}-${n}`;
  const values = {
    slug,
    name: bilingual(`Government of ${name.en}`, `Gobierno de ${name.es}`),
    kind: 'government' as const,
    country: review.country,
  };
  const [row] = await tx.insert(t.addressees).values(values).returning({ id: t.addressees.id });
  const id = (row as { id: number }).id;
  // Later reviews of the same State in this import use it too.
  review.addressee.id = id;
  result.createdAddressees.push(values.name.en?.text ?? slug);
  await audit(tx, 'addressee', id, values);
  return id;
}

async function createReview(
  tx: Tx,
  review: ReviewPlan,
  addresseeId: number,
  now: Date,
  result: CommitResult,
  audit: (tx: Tx, type: string, id: number, after: Record<string, unknown>) => Promise<void>,
  created: CreatedRows,
): Promise<number> {
  const values = {
    slug: review.slug,
    title: reviewTitle(review),
    date: review.date,
    // Published material from the start: the UN's reviews are public record, not the coalition's drafts.
    status: 'published' as const,
    kind: 'upr_review' as const,
    cycle: review.cycle,
    session: review.session,
    createdAt: now,
    updatedAt: now,
  };
  const [row] = await tx.insert(t.statements).values(values).returning({ id: t.statements.id });
  const id = (row as { id: number }).id;
  created.newStatements.push(id);
  await tx.insert(t.statementAddressees).values({ statementId: id, addresseeId, position: 0 });
  result.createdReviews.push(review.slug);
  await audit(tx, 'statement', id, values);
  return id;
}

async function lastPosition(tx: Tx, statementId: number): Promise<number> {
  const [row] = await tx
    .select({ last: max(t.recommendations.position) })
    .from(t.recommendations)
    .where(eq(t.recommendations.statementId, statementId));
  return row?.last ?? 0;
}

async function slugsOf(tx: Tx, statementId: number): Promise<Set<string>> {
  const rows = await tx
    .select({ slug: t.recommendations.slug })
    .from(t.recommendations)
    .where(inArray(t.recommendations.statementId, [statementId]));
  return new Set(rows.map((r) => r.slug));
}
