/**
 * Write side of a statement's recommendations: bilingual text, themes, addressees, order. A
 * recommendation's slug is made once from its first words and never changes (it is a public URL).
 * Removing one is only possible while its statement was never published.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Problems, slugify } from '../../platform/forms/problems.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { anyText, mergeLocalized, type TextInput } from '../../platform/text/localized-input.js';
import { originalOf } from '../../platform/text/localized-text.js';
import { actorOf, type Editor, insertAudited, updateVersioned, versionedChange } from '../../platform/write.js';
import { requireStatementEditor, statementBySlug, writeStatementItem } from './edit-service.js';
import { deleteStatementItem, missingIds, nextPosition, statementItem } from './write-support.js';

export type RecommendationRow = typeof t.recommendations.$inferSelect;

export interface RecommendationFields {
  text: TextInput;
  themeIds: number[];
  addresseeIds: number[];
  originalLocale: Locale;
}

/** The longest recommendation, per language (the form's maxlength too). */
export const MAX_TEXT = 5000;

async function check(tx: Db, input: RecommendationFields): Promise<void> {
  const problems = new Problems();
  if (!anyText(input.text)) problems.add('text', 'workspaceErrRequiredOneLanguage');
  problems.maxLengthEach('text', input.text, MAX_TEXT);
  if ((await missingIds(tx, t.themes, input.themeIds)).length > 0) problems.add('themes', 'workspaceErrChoice');
  if ((await missingIds(tx, t.addressees, input.addresseeIds)).length > 0)
    problems.add('addressees', 'workspaceErrChoice');
  problems.throwIfAny();
}

async function links(tx: Db, id: number) {
  const [themes, addressees] = await Promise.all([
    tx
      .select({ id: t.recommendationThemes.themeId })
      .from(t.recommendationThemes)
      .where(eq(t.recommendationThemes.recommendationId, id)),
    tx
      .select({ id: t.recommendationAddressees.addresseeId })
      .from(t.recommendationAddressees)
      .where(eq(t.recommendationAddressees.recommendationId, id)),
  ]);
  return { themeIds: themes.map((r) => r.id).sort(), addresseeIds: addressees.map((r) => r.id).sort() };
}

/** The links as setLinks writes them and links() reads them back: once each, in links()' order. */
function linksOf(input: Pick<RecommendationFields, 'themeIds' | 'addresseeIds'>) {
  return { themeIds: [...new Set(input.themeIds)].sort(), addresseeIds: [...new Set(input.addresseeIds)].sort() };
}

async function setLinks(tx: Db, id: number, input: Pick<RecommendationFields, 'themeIds' | 'addresseeIds'>) {
  await tx.delete(t.recommendationThemes).where(eq(t.recommendationThemes.recommendationId, id));
  await tx.delete(t.recommendationAddressees).where(eq(t.recommendationAddressees.recommendationId, id));
  const { themeIds, addresseeIds } = linksOf(input);
  if (themeIds.length > 0)
    await tx.insert(t.recommendationThemes).values(themeIds.map((themeId) => ({ recommendationId: id, themeId })));
  if (addresseeIds.length > 0)
    await tx
      .insert(t.recommendationAddressees)
      .values(addresseeIds.map((addresseeId) => ({ recommendationId: id, addresseeId })));
}

export async function createRecommendation(
  db: Db,
  input: RecommendationFields & { statementSlug: string },
  user: Editor,
  now: Date,
): Promise<RecommendationRow> {
  const steps = { check: (tx: Db) => check(tx, input), load: (tx: Db) => statementBySlug(tx, input.statementSlug) };
  return writeStatementItem(db, user, steps, async (tx, statement) => {
    const text = mergeLocalized({}, input.text, input.originalLocale);
    const existing = await tx
      .select({ slug: t.recommendations.slug })
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, statement.id));
    const firstText = originalOf(text)?.entry.text ?? '';
    const slug = uniqueSlug(
      slugify(firstText.split(/\s+/).slice(0, 6).join(' ')),
      existing.map((r) => r.slug),
    );
    // The links are what the form asked for: setLinks writes them as given.
    const row = await insertAudited<RecommendationRow>(tx, {
      table: t.recommendations,
      values: {
        statementId: statement.id,
        slug,
        position: await nextPosition(tx, t.recommendations, statement.id),
        text,
      },
      entityType: 'recommendation',
      actor: actorOf(user),
      now,
      audited: () => ({ statement: statement.slug, slug, text, ...linksOf(input) }),
    });
    await setLinks(tx, row.id, input);
    return row;
  });
}

function uniqueSlug(base: string, used: string[]): string {
  const taken = new Set(used);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

export async function updateRecommendation(
  db: Db,
  input: RecommendationFields & { statementSlug: string; id: number; version: number },
  user: Editor,
  now: Date,
): Promise<RecommendationRow> {
  const steps = {
    check: (tx: Db) => check(tx, input),
    load: (tx: Db) => statementItem(tx, t.recommendations, input.statementSlug, input.id),
  };
  return writeStatementItem(db, user, steps, async (tx, before) => {
    const beforeLinks = await links(tx, before.id);
    const text = mergeLocalized(before.text, input.text, input.originalLocale);
    const after = await updateVersioned(tx, {
      ...versionedChange(t.recommendations, 'recommendation', before, input.version, 'update', user, now),
      set: { text },
      audit: {
        before: { text: before.text, ...beforeLinks, version: before.version },
        after: (row) => ({ text: row.text, ...linksOf(input), version: row.version }),
      },
    });
    await setLinks(tx, before.id, input);
    return after;
  });
}

/**
 * Puts a statement's recommendations (or quotes) in the given order. The order belongs to the
 * statement, so it is the statement's version that is checked and bumped.
 */
export async function reorderStatementItems(
  db: Db,
  input: { statementSlug: string; version: number; kind: 'recommendations' | 'quotes'; order: number[] },
  user: Editor,
  now: Date,
) {
  requireStatementEditor(user);
  const table = input.kind === 'recommendations' ? t.recommendations : t.quotes;
  return db.transaction(async (tx) => {
    const statement = await statementBySlug(tx, input.statementSlug);
    const rows = await tx
      .select({ id: table.id })
      .from(table)
      .where(eq(table.statementId, statement.id))
      .orderBy(asc(table.position), asc(table.id));
    const current = rows.map((r) => r.id);
    const same = current.length === input.order.length && [...current].sort().join() === [...input.order].sort().join();
    if (!same) {
      const p = new Problems();
      p.add(input.kind, 'editorialErrNotOfStatement');
      p.throwIfAny();
    }
    const after = await updateVersioned(tx, {
      ...versionedChange(t.statements, 'statement', statement, input.version, `reorder_${input.kind}`, user, now),
      audit: {
        before: { [input.kind]: current, version: statement.version },
        after: (row) => ({ [input.kind]: input.order, version: row.version }),
      },
    });
    for (const [index, id] of input.order.entries()) {
      await tx
        .update(table)
        .set({ position: index + 1 })
        .where(and(eq(table.id, id), eq(table.statementId, statement.id)));
    }
    return after;
  });
}

/** The ids in order with `id` moved one place up or down (unchanged at either end). */
export function moved(order: number[], id: number, direction: 'up' | 'down'): number[] {
  const next = [...order];
  const i = next.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= next.length) return next;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export async function deleteRecommendation(
  db: Db,
  input: { statementSlug: string; id: number; version: number },
  user: Editor,
  now: Date,
): Promise<void> {
  const load = (tx: Db) => statementItem(tx, t.recommendations, input.statementSlug, input.id);
  await writeStatementItem(db, user, { load }, async (tx, before) => {
    const audited = { text: before.text, version: before.version };
    await deleteStatementItem(
      tx,
      { table: t.recommendations, entityType: 'recommendation', before, audited },
      input.version,
      user,
      now,
    );
  });
}
