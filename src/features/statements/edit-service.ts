/**
 * Write side of statements: create, edit (bilingual title, summary, occasion, body, date), addressees,
 * signatories in order, and delete — only for drafts never published; published material is withdrawn
 * (archived) through publish-service.ts instead. Each write: policy, version check, audit row, one
 * transaction.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { freeSlug, isHttpUrl, isIsoDate, Problems, SLUG, slugify } from '../../platform/forms/problems.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canEditStatement } from '../../platform/policy.js';
import { anyText, mergeLocalized, type TextInput } from '../../platform/text/localized-input.js';
import { originalOf } from '../../platform/text/localized-text.js';
import { actorOf, type Editor, insertAudited, updateVersioned, versionedChange } from '../../platform/write.js';
import { missingIds, wasEverPublished } from './write-support.js';

export type StatementRow = typeof t.statements.$inferSelect;

export interface StatementFields {
  title: TextInput;
  summary: TextInput;
  occasion: TextInput;
  /** Markdown. */
  body: TextInput;
  /** YYYY-MM-DD */
  date: string;
  fullDocumentUrl: string;
  /** The language the editor writes in; decides which text is the original for a new field. */
  originalLocale: Locale;
}

/** The longest text per field and language, in characters (the form's maxlength too). */
export const TEXT_LIMITS = { title: 300, summary: 3000, occasion: 300, body: 50_000 } as const;

export function requireStatementEditor(user: Editor | null): asserts user is Editor {
  if (!user || !canEditStatement(user)) throw new Forbidden('You may not edit statements');
}

/** What is wrong with a statement's typed fields, once the user is known to be a statement editor. */
function fieldProblems(user: Editor, input: StatementFields): Problems {
  requireStatementEditor(user);
  const problems = new Problems();
  if (!anyText(input.title)) problems.add('title', 'workspaceErrRequiredOneLanguage');
  for (const field of Object.keys(TEXT_LIMITS) as (keyof typeof TEXT_LIMITS)[]) {
    problems.maxLengthEach(field, input[field], TEXT_LIMITS[field]);
  }
  if (!isIsoDate(input.date)) problems.add('date', 'editorialErrDate');
  if (input.fullDocumentUrl.trim() !== '' && !isHttpUrl(input.fullDocumentUrl.trim()))
    problems.add('fullDocumentUrl', 'workspaceErrUrl');
  return problems;
}

function localizedFields(before: Partial<StatementRow>, input: StatementFields) {
  const merge = (field: 'title' | 'summary' | 'occasion' | 'body') =>
    mergeLocalized(before[field] ?? {}, input[field], input.originalLocale);
  return {
    title: merge('title'),
    summary: merge('summary'),
    occasion: merge('occasion'),
    body: merge('body'),
    date: input.date,
    fullDocumentUrl: input.fullDocumentUrl.trim() || null,
  };
}

const audited = (s: StatementRow) => ({
  slug: s.slug,
  title: s.title,
  summary: s.summary,
  occasion: s.occasion,
  body: s.body,
  date: s.date,
  fullDocumentUrl: s.fullDocumentUrl,
  version: s.version,
});

export async function createStatement(
  db: Db,
  input: StatementFields & { slug: string },
  user: Editor,
  now: Date,
): Promise<StatementRow> {
  const problems = fieldProblems(user, input);
  const typedSlug = input.slug.trim();
  if (typedSlug !== '' && (!SLUG.test(typedSlug) || typedSlug.length > 100))
    problems.add('slug', 'editorialErrSlugFormat');
  problems.throwIfAny();
  return db.transaction(async (tx) => {
    const values = localizedFields({}, input);
    const slug = typedSlug || (await freeSlug(tx, t.statements, slugify(originalOf(values.title)?.entry.text ?? '')));
    const [taken] = await tx.select({ id: t.statements.id }).from(t.statements).where(eq(t.statements.slug, slug));
    if (taken) {
      const p = new Problems();
      p.add('slug', 'editorialErrSlugTaken');
      p.throwIfAny();
    }
    return insertAudited<StatementRow>(tx, {
      table: t.statements,
      values: { ...values, slug },
      entityType: 'statement',
      actor: actorOf(user),
      now,
      audited,
    });
  });
}

export async function updateStatement(
  db: Db,
  input: StatementFields & { slug: string; version: number },
  user: Editor,
  now: Date,
): Promise<StatementRow> {
  fieldProblems(user, input).throwIfAny();
  return db.transaction(async (tx) => {
    const before = await statementBySlug(tx, input.slug);
    return updateVersioned(tx, {
      ...versionedChange(t.statements, 'statement', before, input.version, 'update', user, now),
      set: localizedFields(before, input),
      audited,
    });
  });
}

export async function statementBySlug(tx: Db, slug: string): Promise<StatementRow> {
  const [row] = await tx.select().from(t.statements).where(eq(t.statements.slug, slug));
  if (!row) throw new NotFound(`No statement "${slug}"`);
  return row;
}

/**
 * A write to one of a statement's items (a quote or a recommendation): by a statement editor, in one
 * transaction, once the typed fields pass the item's own check (if it has one), on the row `load`
 * finds: the statement for a new item, the item itself for an edit or a delete.
 */
export function writeStatementItem<Loaded, T>(
  db: Db,
  user: Editor,
  steps: { check?: (tx: Db) => Promise<void>; load: (tx: Db) => Promise<Loaded> },
  write: (tx: Db, loaded: Loaded) => Promise<T>,
): Promise<T> {
  requireStatementEditor(user);
  return db.transaction(async (tx) => {
    await steps.check?.(tx);
    return write(tx, await steps.load(tx));
  });
}

/** The addressees of the statement as a whole, in the order given. */
export async function setStatementAddressees(
  db: Db,
  input: { slug: string; version: number; addresseeIds: number[] },
  user: Editor,
  now: Date,
): Promise<StatementRow> {
  requireStatementEditor(user);
  const ids = [...new Set(input.addresseeIds)];
  return db.transaction(async (tx) => {
    const problems = new Problems();
    if ((await missingIds(tx, t.addressees, ids)).length > 0) problems.add('addressees', 'workspaceErrChoice');
    problems.throwIfAny();
    const before = await statementBySlug(tx, input.slug);
    const old = await tx
      .select({ id: t.statementAddressees.addresseeId })
      .from(t.statementAddressees)
      .where(eq(t.statementAddressees.statementId, before.id))
      .orderBy(asc(t.statementAddressees.position));
    const after = await updateVersioned(tx, {
      ...versionedChange(t.statements, 'statement', before, input.version, 'set_addressees', user, now),
      audit: {
        before: { addresseeIds: old.map((r) => r.id), version: before.version },
        after: (row) => ({ addresseeIds: ids, version: row.version }),
      },
    });
    await tx.delete(t.statementAddressees).where(eq(t.statementAddressees.statementId, before.id));
    if (ids.length > 0) {
      await tx
        .insert(t.statementAddressees)
        .values(ids.map((addresseeId, position) => ({ statementId: before.id, addresseeId, position })));
    }
    return after;
  });
}

export interface SignatoryInput {
  organizationId: number;
  role: 'convener' | 'signatory';
}

/** The signatories in the order they are printed (conveners usually first). */
export async function setSignatories(
  db: Db,
  input: { slug: string; version: number; signatories: SignatoryInput[] },
  user: Editor,
  now: Date,
): Promise<StatementRow> {
  requireStatementEditor(user);
  const problems = new Problems();
  const ids = input.signatories.map((s) => s.organizationId);
  if (new Set(ids).size !== ids.length) problems.add('signatories', 'editorialErrDuplicate');
  problems.throwIfAny();
  return db.transaction(async (tx) => {
    if ((await missingIds(tx, t.organizations, ids)).length > 0) {
      const p = new Problems();
      p.add('signatories', 'workspaceErrChoice');
      p.throwIfAny();
    }
    const before = await statementBySlug(tx, input.slug);
    const old = await tx
      .select({ organizationId: t.signatories.organizationId, role: t.signatories.role })
      .from(t.signatories)
      .where(eq(t.signatories.statementId, before.id))
      .orderBy(asc(t.signatories.position));
    const after = await updateVersioned(tx, {
      ...versionedChange(t.statements, 'statement', before, input.version, 'set_signatories', user, now),
      audit: {
        before: { signatories: old, version: before.version },
        after: (row) => ({ signatories: input.signatories, version: row.version }),
      },
    });
    await tx.delete(t.signatories).where(eq(t.signatories.statementId, before.id));
    if (input.signatories.length > 0) {
      await tx
        .insert(t.signatories)
        .values(input.signatories.map((s, position) => ({ statementId: before.id, ...s, position })));
    }
    return after;
  });
}

/** Only a draft that was never public goes away; anything published is withdrawn instead. */
export async function deleteStatement(
  db: Db,
  input: { slug: string; version: number },
  user: Editor,
  now: Date,
): Promise<void> {
  requireStatementEditor(user);
  await db.transaction(async (tx) => {
    const before = await statementBySlug(tx, input.slug);
    if (await wasEverPublished(tx, 'statement', before)) {
      const p = new Problems();
      p.add('statement', 'editorialErrPublishedKept');
      p.throwIfAny('Published statements are withdrawn, not deleted');
    }
    await updateVersioned(tx, {
      ...versionedChange(t.statements, 'statement', before, input.version, 'delete', user, now),
      audit: { before: audited(before) },
    });
    await tx.delete(t.statements).where(eq(t.statements.id, before.id));
  });
}
