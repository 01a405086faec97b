/**
 * Write side of a statement's quotes: a person from the registry and their words in each language.
 * Reordering is reorderStatementItems (recommendation-service.ts); a quote of a statement that was
 * ever published is kept.
 */
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Problems } from '../../platform/forms/problems.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { anyText, mergeLocalized, type TextInput } from '../../platform/text/localized-input.js';
import { actorOf, type Editor, insertAudited, updateVersioned, versionedChange } from '../../platform/write.js';
import { statementBySlug, writeStatementItem } from './edit-service.js';
import { deleteStatementItem, missingIds, nextPosition, statementItem } from './write-support.js';

export type QuoteRow = typeof t.quotes.$inferSelect;

export interface QuoteFields {
  personId: number;
  text: TextInput;
  originalLocale: Locale;
}

async function check(tx: Db, input: QuoteFields): Promise<void> {
  const problems = new Problems();
  if (!anyText(input.text)) problems.add('text', 'workspaceErrRequiredOneLanguage');
  problems.maxLengthEach('text', input.text, QUOTE_MAX);
  if ((await missingIds(tx, t.people, [input.personId])).length > 0) problems.add('personId', 'workspaceErrChoice');
  problems.throwIfAny();
}

/** A quote of the statement `statementSlug`; another statement's is NotFound. */
export function getQuote(db: Db, statementSlug: string, id: number): Promise<QuoteRow> {
  return statementItem(db, t.quotes, statementSlug, id);
}

/** The longest quote, per language (the form's maxlength too). */
export const QUOTE_MAX = 3000;

const audited = (q: QuoteRow) => ({ personId: q.personId, text: q.text, version: q.version });

export async function createQuote(
  db: Db,
  input: QuoteFields & { statementSlug: string },
  user: Editor,
  now: Date,
): Promise<QuoteRow> {
  const steps = { check: (tx: Db) => check(tx, input), load: (tx: Db) => statementBySlug(tx, input.statementSlug) };
  return writeStatementItem(db, user, steps, async (tx, statement) =>
    insertAudited<QuoteRow>(tx, {
      table: t.quotes,
      values: {
        statementId: statement.id,
        personId: input.personId,
        text: mergeLocalized({}, input.text, input.originalLocale),
        position: await nextPosition(tx, t.quotes, statement.id),
      },
      entityType: 'quote',
      actor: actorOf(user),
      now,
      audited,
    }),
  );
}

export async function updateQuote(
  db: Db,
  input: QuoteFields & { statementSlug: string; id: number; version: number },
  user: Editor,
  now: Date,
): Promise<QuoteRow> {
  const steps = { check: (tx: Db) => check(tx, input), load: (tx: Db) => getQuote(tx, input.statementSlug, input.id) };
  return writeStatementItem(db, user, steps, (tx, before) => {
    const set = { personId: input.personId, text: mergeLocalized(before.text, input.text, input.originalLocale) };
    return updateVersioned(tx, {
      ...versionedChange(t.quotes, 'quote', before, input.version, 'update', user, now),
      set,
      audited,
    });
  });
}

export async function deleteQuote(
  db: Db,
  input: { statementSlug: string; id: number; version: number },
  user: Editor,
  now: Date,
): Promise<void> {
  await writeStatementItem(db, user, { load: (tx) => getQuote(tx, input.statementSlug, input.id) }, (tx, before) =>
    deleteStatementItem(
      tx,
      { table: t.quotes, entityType: 'quote', before, audited: audited(before) },
      input.version,
      user,
      now,
    ),
  );
}
