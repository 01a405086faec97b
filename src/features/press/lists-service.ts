/**
 * Press lists: a saved filter (languages, countries, beats; an empty criterion means any) whose members
 * are whoever matches when a release is sent, or a hand-picked set of contacts.
 */
import { and, arrayOverlaps, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { countryCodes } from '../../platform/i18n/countries.js';
import { isLocale } from '../../platform/i18n/locales.js';
import { canManagePress, type PolicyUser } from '../../platform/policy.js';
import {
  actorOf,
  assertAllowed,
  type Editor,
  insertAudited,
  updateVersioned,
  versionedChange,
} from '../../platform/write.js';
import { themeIdsBySlug } from './contacts-service.js';

export type ListRow = typeof t.pressLists.$inferSelect;

export interface ListForm {
  name: string;
  kind: string;
  languages: string[];
  countries: string[];
  /** Theme slugs. */
  beats: string[];
  /** A hand-picked list's contacts: their email addresses, one a line (or separated by commas). */
  members: string;
}

export const LIST_NAME_MAX = 200;
/** A hand-picked list stays short enough to read on one page; larger groups are a saved filter. */
export const MAX_PICKED = 500;

export function memberEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
}

/** A hand-picked list's members as the form shows them: one address a line. */
export async function memberText(db: Db, listId: number): Promise<string> {
  const rows = await db
    .select({ email: t.pressContacts.email })
    .from(t.pressListMembers)
    .innerJoin(t.pressContacts, eq(t.pressContacts.id, t.pressListMembers.contactId))
    .where(eq(t.pressListMembers.listId, listId))
    .orderBy(t.pressContacts.email);
  return rows.map((r) => r.email).join('\n');
}

export async function listLists(db: Db, user: PolicyUser): Promise<(ListRow & { members: number })[]> {
  assertAllowed(canManagePress(user));
  const lists = await db
    .select()
    .from(t.pressLists)
    .orderBy(asc(sql`lower(${t.pressLists.name})`));
  return Promise.all(lists.map(async (list) => ({ ...list, members: await countMembers(db, list) })));
}

export async function getList(db: Db, user: PolicyUser, id: number): Promise<ListRow & { contactIds: number[] }> {
  assertAllowed(canManagePress(user));
  const [list] = await db.select().from(t.pressLists).where(eq(t.pressLists.id, id));
  if (!list) throw new NotFound(`No press list ${id}`);
  const members = await db
    .select({ id: t.pressListMembers.contactId })
    .from(t.pressListMembers)
    .where(eq(t.pressListMembers.listId, id));
  return { ...list, contactIds: members.map((m) => m.id) };
}

/** The condition a contact meets to be on the list (active or not: sends leave out the inactive). */
export function membershipCondition(list: ListRow): SQL {
  const c = t.pressContacts;
  if (list.kind === 'picked') {
    return sql`exists (select 1 from ${t.pressListMembers} m where m.list_id = ${list.id} and m.contact_id = ${c.id})`;
  }
  return and(
    sql`true`,
    list.languages.length ? arrayOverlaps(c.languages, list.languages) : undefined,
    list.countries.length ? inArray(c.country, list.countries) : undefined,
    list.beatIds.length ? arrayOverlaps(c.beatIds, list.beatIds) : undefined,
  ) as SQL;
}

async function countMembers(db: Db, list: ListRow): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.pressContacts)
    .where(membershipCondition(list));
  return row?.n ?? 0;
}

async function listColumns(db: Db, form: ListForm, exceptId: number | null) {
  const problems = new Problems();
  problems.required('name', form.name);
  problems.maxLength('name', form.name, LIST_NAME_MAX);
  const [taken] = await db
    .select({ id: t.pressLists.id })
    .from(t.pressLists)
    .where(sql`lower(${t.pressLists.name}) = lower(${form.name.trim()})`);
  if (taken && taken.id !== exceptId) problems.add('name', 'workspaceErrPressListNameTaken');
  problems.oneOf('kind', form.kind, ['filter', 'picked']);
  if (form.kind === '') problems.add('kind', 'workspaceErrChoice');
  if (!form.languages.every(isLocale)) problems.add('languages', 'workspaceErrPressLanguages');
  const countries = new Set(countryCodes());
  if (!form.countries.every((c) => countries.has(c))) problems.add('countries', 'workspaceErrPressCountry');
  const themeIds = await themeIdsBySlug(db);
  const beatIds = form.beats.map((b) => themeIds.get(b));
  if (beatIds.some((id) => id === undefined)) problems.add('beats', 'workspaceErrPressBeat');
  let contactIds: number[] = [];
  const emails = [...new Set(memberEmails(form.members))];
  if (form.kind === 'picked' && emails.length) {
    const found = await db
      .select({ id: t.pressContacts.id })
      .from(t.pressContacts)
      .where(inArray(sql`lower(${t.pressContacts.email})`, emails));
    contactIds = found.map((r) => r.id);
    if (contactIds.length !== emails.length) problems.add('members', 'workspaceErrPressUnknownEmails');
  }
  if (form.kind === 'picked' && emails.length > MAX_PICKED) problems.add('members', 'workspaceErrPressTooManyPicked');
  problems.throwIfAny();
  const filter = form.kind === 'filter';
  return {
    columns: {
      name: form.name.trim(),
      kind: form.kind as 'filter' | 'picked',
      languages: filter ? form.languages : [],
      countries: filter ? form.countries : [],
      beatIds: filter ? (beatIds as number[]) : [],
    },
    contactIds,
  };
}

const auditedList = (l: ListRow) => ({
  name: l.name,
  kind: l.kind,
  languages: l.languages,
  countries: l.countries,
  beatIds: l.beatIds,
});

async function setMembers(db: Db, listId: number, contactIds: number[]) {
  await db.delete(t.pressListMembers).where(eq(t.pressListMembers.listId, listId));
  if (contactIds.length)
    await db.insert(t.pressListMembers).values(contactIds.map((contactId) => ({ listId, contactId })));
}

export async function createList(db: Db, form: ListForm, user: Editor, now: Date): Promise<ListRow> {
  assertAllowed(canManagePress(user));
  return db.transaction(async (tx) => {
    const { columns, contactIds } = await listColumns(tx, form, null);
    const list = await insertAudited<ListRow>(tx, {
      table: t.pressLists,
      values: columns,
      entityType: 'press_list',
      actor: actorOf(user),
      now,
      audited: (l) => ({ ...auditedList(l), contactIds }),
    });
    await setMembers(tx, list.id, contactIds);
    return list;
  });
}

export async function updateList(
  db: Db,
  id: number,
  form: ListForm,
  seenVersion: number,
  user: Editor,
  now: Date,
): Promise<ListRow> {
  assertAllowed(canManagePress(user));
  return db.transaction(async (tx) => {
    const before = await getList(tx, user, id);
    const { columns, contactIds } = await listColumns(tx, form, id);
    return updateVersioned<ListRow>(tx, {
      ...versionedChange(t.pressLists, 'press_list', before, seenVersion, 'update', user, now),
      set: columns,
      alongside: () => setMembers(tx, id, contactIds),
      audit: {
        before: { ...auditedList(before), contactIds: before.contactIds, version: before.version },
        after: (row) => ({ ...auditedList(row), contactIds, version: row.version }),
      },
      what: 'list',
    });
  });
}
