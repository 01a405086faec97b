/**
 * Press contacts: list (keyset pages, filtered in SQL), add, edit, erase, and one contact's data.
 * Journalists' personal data: every function checks `canManagePress` first; an erase deletes the row
 * (and its list memberships) and audits only that a contact was erased, never who.
 */

import { and, arrayOverlaps, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import {
  type KeysetPage,
  keysetPage,
  LIST_PAGE_SIZE,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { forgetRecipient } from '../../platform/outbox/index.js';
import { canManagePress, type PolicyUser } from '../../platform/policy.js';
import { likePattern, textsMatch } from '../../platform/text/localized-search.js';
import {
  actorOf,
  assertAllowed,
  type Editor,
  insertAudited,
  type Tx,
  updateVersioned,
  versionedChange,
} from '../../platform/write.js';
import { type ContactColumns, type ContactForm, checkContact } from './contact-fields.js';

export type ContactRow = typeof t.pressContacts.$inferSelect;

export interface ContactFilter {
  q: string;
  language: string;
  country: string;
  /** A theme slug. */
  beat: string;
  status: string;
}

const contactKeys: SortKey[] = [
  { column: sql`lower(${t.pressContacts.name})`, direction: 'asc' },
  { column: t.pressContacts.id, direction: 'asc' },
];

/** Theme slug → id, for beats. */
export async function themeIdsBySlug(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ id: t.themes.id, slug: t.themes.slug }).from(t.themes);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** One page of contacts by name, filtered by words of `q` (name, outlet, email), language, country, beat and status. */
export async function listContacts(
  db: Db,
  user: PolicyUser,
  filter: ContactFilter,
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<ContactRow>> {
  assertAllowed(canManagePress(user));
  const c = t.pressContacts;
  const q = filter.q.trim();
  const beatId = filter.beat ? (await themeIdsBySlug(db)).get(filter.beat) : undefined;
  const conditions = and(
    q === '' ? undefined : textsMatch([c.name, c.outlet, c.email], likePattern(q)),
    filter.language ? sql`${filter.language} = any(${c.languages})` : undefined,
    filter.country ? eq(c.country, filter.country) : undefined,
    filter.beat ? (beatId === undefined ? sql`false` : arrayOverlaps(c.beatIds, [beatId])) : undefined,
    filter.status ? sql`${c.status}::text = ${filter.status}` : undefined,
  );
  const page = await keysetPage<ContactRow & { sortName: string }>({
    keys: contactKeys,
    request,
    size,
    keyOf: (row) => [row.sortName, row.id],
    fetch: (where, orderBy, limit) =>
      db
        .select({ ...getTableColumns(c), sortName: sql<string>`lower(${c.name})` })
        .from(c)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map(({ sortName: _, ...row }) => row) };
}

export async function getContact(db: Db, user: PolicyUser, id: number): Promise<ContactRow> {
  assertAllowed(canManagePress(user));
  const [row] = await db.select().from(t.pressContacts).where(eq(t.pressContacts.id, id));
  if (!row) throw new NotFound(`No press contact ${id}`);
  return row;
}

/** What the audit keeps of a contact. Personal data, like the row: the erase removes these entries too. */
export function auditedContact(c: ContactRow): Record<string, unknown> {
  return {
    name: c.name,
    outlet: c.outlet,
    email: c.email,
    languages: c.languages,
    country: c.country,
    beatIds: c.beatIds,
    notes: c.notes,
    source: c.source,
    trusted: c.trusted,
    status: c.status,
  };
}

/** Checks a form against the themes and the other contacts' addresses; throws `Invalid` with every problem. */
export async function contactColumns(db: Db, form: ContactForm, exceptId: number | null): Promise<ContactColumns> {
  const problems = new Problems();
  const columns = checkContact(form, await themeIdsBySlug(db), problems);
  if (columns.email !== '' && !problems.list.some((p) => p.field === 'email')) {
    const [taken] = await db
      .select({ id: t.pressContacts.id })
      .from(t.pressContacts)
      .where(
        and(
          sql`lower(${t.pressContacts.email}) = lower(${columns.email})`,
          exceptId === null ? undefined : ne(t.pressContacts.id, exceptId),
        ),
      );
    if (taken) problems.add('email', 'workspaceErrPressEmailTaken');
  }
  problems.throwIfAny();
  return columns;
}

export function insertContact(tx: Tx, columns: ContactColumns, user: Editor, now: Date, action = 'create') {
  return insertAudited<ContactRow>(tx, {
    table: t.pressContacts,
    values: { ...columns },
    entityType: 'press_contact',
    action,
    actor: actorOf(user),
    now,
    audited: auditedContact,
  });
}

export async function createContact(db: Db, form: ContactForm, user: Editor, now: Date): Promise<ContactRow> {
  assertAllowed(canManagePress(user));
  return db.transaction(async (tx) => insertContact(tx, await contactColumns(tx, form, null), user, now));
}

export async function updateContact(
  db: Db,
  id: number,
  form: ContactForm,
  seenVersion: number,
  user: Editor,
  now: Date,
): Promise<ContactRow> {
  assertAllowed(canManagePress(user));
  return db.transaction(async (tx) => {
    const before = await getContact(tx, user, id);
    const columns = await contactColumns(tx, form, id);
    return updateVersioned<ContactRow>(tx, {
      ...versionedChange(t.pressContacts, 'press_contact', before, seenVersion, 'update', user, now),
      set: { ...columns },
      audited: auditedContact,
      what: 'contact',
    });
  });
}

/**
 * Erasing a contact (a journalist's request, or data no longer needed): the row and its memberships are
 * deleted, and so are the earlier audit entries that held its data; one audit row records the erase,
 * with no personal data (only the row's id and who erased it).
 */
export async function eraseContact(db: Db, id: number, user: Editor, now: Date): Promise<void> {
  assertAllowed(canManagePress(user));
  await db.transaction(async (tx) => {
    const contact = await getContact(tx, user, id);
    await tx.delete(t.pressContacts).where(eq(t.pressContacts.id, id));
    // The mail written to them and the SMTP replies about them go too (their suppression stays: it
    // keeps mail from reaching them should the address be added again).
    await forgetRecipient(tx, contact.email);
    await tx
      .delete(t.auditLog)
      .where(and(eq(t.auditLog.entityType, 'press_contact'), eq(t.auditLog.entityId, String(id))));
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'press_contact',
      entityId: id,
      action: 'erase',
      before: null,
      after: null,
    });
  });
}

/** Everything Puente holds about one contact (a subject access request), as JSON. */
export async function contactData(db: Db, user: PolicyUser, id: number): Promise<Record<string, unknown>> {
  const contact = await getContact(db, user, id);
  const themes = contact.beatIds.length
    ? await db.select({ slug: t.themes.slug }).from(t.themes).where(inArray(t.themes.id, contact.beatIds))
    : [];
  const lists = await db
    .select({ name: t.pressLists.name })
    .from(t.pressListMembers)
    .innerJoin(t.pressLists, eq(t.pressLists.id, t.pressListMembers.listId))
    .where(eq(t.pressListMembers.contactId, id));
  const history = await db
    .select({ at: t.auditLog.at, action: t.auditLog.action, by: t.auditLog.actorLabel })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, 'press_contact'), eq(t.auditLog.entityId, String(id))))
    .orderBy(t.auditLog.at, t.auditLog.id);
  return {
    ...auditedContact(contact),
    beats: themes.map((r) => r.slug),
    handPickedLists: lists.map((l) => l.name),
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}
