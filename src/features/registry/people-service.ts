/** People (press contacts and spokespeople): list, create, edit, archive, with phones in E.164. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import {
  type KeysetPage,
  keysetPage,
  LIST_PAGE_SIZE,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { blankToNull } from '../../platform/forms/validation.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canEditPerson, canViewRegistry, type PolicyUser } from '../../platform/policy.js';
import type { LocaleValues } from '../../platform/text/bilingual.js';
import { mergeLocalized } from '../../platform/text/bilingual.js';
import { likePattern, textsMatch } from '../../platform/text/localized-search.js';
import type { Editor } from '../../platform/write.js';
import { actorOf, assertAllowed, insertAudited } from '../../platform/write.js';
import { type OrganizationSlugChoices, organizationsToPickBySlug } from './choices.js';
import { normalizePhone } from './phone.js';
import { type RecordChange, type RegistryRecord, updateRecord } from './record.js';
import { uniqueSlug } from './slug.js';

export type PersonRow = typeof t.people.$inferSelect;
type OrganizationRow = typeof t.organizations.$inferSelect;

export interface PersonListRow {
  person: PersonRow;
  organization: OrganizationRow | null;
}

const peopleKeys: SortKey[] = [
  { column: sql`lower(unaccent(${t.people.name}))`, direction: 'asc' },
  { column: t.people.slug, direction: 'asc' },
];

/**
 * One page of people, by name (accents and case ignored), filtered in SQL: their organization, and the
 * words of `q` in their name, email, role (either language) or their organization's name or acronym.
 * Like the organizations' list, each page sorts the registry's rows in memory (no index holds unaccent).
 */
export async function listPeople(
  db: Db,
  user: PolicyUser,
  filter: { q: string; organization: string; archived: boolean },
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<PersonListRow>> {
  assertAllowed(canViewRegistry(user));
  const p = t.people;
  const o = t.organizations;
  const q = filter.q.trim();
  const conditions = and(
    filter.archived ? undefined : isNull(p.archivedAt),
    filter.organization === '' ? undefined : eq(o.slug, filter.organization),
    q === ''
      ? undefined
      : textsMatch(
          [p.name, p.email, sql`${p.role}->'en'->>'text'`, sql`${p.role}->'es'->>'text'`, o.name, o.acronym],
          likePattern(q),
        ),
  );
  const page = await keysetPage<PersonListRow & { sortName: string }>({
    keys: peopleKeys,
    request,
    size,
    keyOf: (row) => [row.sortName, row.person.slug],
    fetch: (where, orderBy, limit) =>
      db
        .select({ person: p, organization: o, sortName: sql<string>`lower(unaccent(${p.name}))` })
        .from(p)
        .leftJoin(o, eq(o.id, p.organizationId))
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map(({ person, organization }) => ({ person, organization })) };
}

/** Organizations a person may be attached to by this user: all for editors, their own for a member. */
/** The organizations a person form offers, and its search (null when there is nothing to search: a member's form). */
export interface PersonOrganizationChoices {
  rows: OrganizationSlugChoices['rows'];
  search: OrganizationSlugChoices['search'] | null;
}

/**
 * What the person form's organization list offers: a member, only their own organization (the policy's
 * one choice); an editor, the chosen one and the first few or those `find` matches (bounded), so the
 * form does not grow with the registry.
 */
export async function organizationChoices(
  db: Db,
  user: PolicyUser & { organizationId: number | null },
  query: { chosenSlug?: string; find?: string | undefined } = {},
): Promise<PersonOrganizationChoices> {
  if (user.role !== 'member') return organizationsToPickBySlug(db, query);
  const own =
    user.organizationId === null
      ? []
      : await db.select().from(t.organizations).where(eq(t.organizations.id, user.organizationId));
  return { rows: own.filter((o) => canEditPerson(user, { organizationId: o.id })), search: null };
}

export async function getPersonForEdit(db: Db, slug: string, user: PolicyUser): Promise<PersonRow> {
  const [person] = await db.select().from(t.people).where(eq(t.people.slug, slug));
  if (!person) throw new NotFound(`No person "${slug}"`);
  assertAllowed(canEditPerson(user, person), 'You may not edit this person');
  return person;
}

export interface PersonForm {
  name: string;
  role: LocaleValues;
  roleConfirmed: Locale[];
  /** Organization slug, or '' for none. */
  organization: string;
  email: string;
  phone: string;
  isPressContact: boolean;
}

/** The longest text per field (per language for the role), in characters; the form's maxlength too. */
export const PERSON_LIMITS = { name: 200, email: 320, phone: 40, role: 300 } as const;

/** Checks the form and resolves what it names; returns the columns to write. */
async function columnsOf(db: Db, form: PersonForm, before: PersonRow | null, user: PolicyUser) {
  const problems = new Problems();
  problems.required('name', form.name);
  problems.maxLength('name', form.name, PERSON_LIMITS.name);
  problems.optionalEmail('email', form.email);
  problems.maxLength('email', form.email, PERSON_LIMITS.email);
  problems.maxLength('phone', form.phone, PERSON_LIMITS.phone);
  for (const [l, text] of Object.entries(form.role)) problems.maxLength(`role_${l}`, text, PERSON_LIMITS.role);
  let organization: OrganizationRow | undefined;
  if (form.organization !== '') {
    [organization] = await db.select().from(t.organizations).where(eq(t.organizations.slug, form.organization));
    if (!organization) problems.add('organization', 'workspaceErrChoice');
  }
  let phone: string | null = null;
  if (form.phone.trim() !== '') {
    try {
      phone = normalizePhone(form.phone.trim(), organization?.country ?? undefined);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      problems.add('phone', 'workspaceErrPhone');
    }
  }
  problems.throwIfAny();
  const organizationId = organization?.id ?? null;
  // A member may only file contacts under their own organization.
  assertAllowed(canEditPerson(user, { organizationId }), 'You may not add people to this organization');
  return {
    name: form.name.trim(),
    role: mergeLocalized(before?.role, form.role, form.roleConfirmed),
    organizationId,
    email: blankToNull(form.email),
    phone,
    isPressContact: form.isPressContact,
  };
}

export function auditedPerson(p: PersonRow): Record<string, unknown> {
  return {
    name: p.name,
    role: p.role,
    organizationId: p.organizationId,
    email: p.email,
    phone: p.phone,
    isPressContact: p.isPressContact,
    archivedAt: p.archivedAt,
  };
}

export async function createPerson(db: Db, form: PersonForm, user: Editor, now: Date): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const values = await columnsOf(tx, form, null, user);
    return insertAudited<PersonRow>(tx, {
      table: t.people,
      values: { ...values, slug: await uniqueSlug(tx, t.people, form.name) },
      entityType: 'person',
      actor: actorOf(user),
      now,
      audited: auditedPerson,
    });
  });
}

/** How a person is found for editing and audited, for the shared edit and archive steps. */
export const personRecord: RegistryRecord<PersonRow> = {
  table: t.people,
  entityType: 'person',
  audited: auditedPerson,
  load: getPersonForEdit,
};

export function updatePerson(db: Db, form: PersonForm, change: RecordChange): Promise<PersonRow> {
  return updateRecord(db, personRecord, change, (tx, before) => columnsOf(tx, form, before, change.user));
}
