/**
 * Organizations in the workspace: list, read, create, edit, archive. Every write follows
 * platform/write.ts (policy, validation, version check, audit row in the same transaction).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
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
import { blankToNull } from '../../platform/forms/validation.js';
import { countryCodes } from '../../platform/i18n/countries.js';
import type { Locale } from '../../platform/i18n/locales.js';
import {
  canEditOrganization,
  canManageOrganizations,
  canViewOrganization,
  canViewRegistry,
  type PolicyUser,
} from '../../platform/policy.js';
import type { LocaleValues } from '../../platform/text/bilingual.js';
import { mergeLocalized } from '../../platform/text/bilingual.js';
import { likePattern, textsMatch } from '../../platform/text/localized-search.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import { actorOf, assertAllowed, type Editor, insertAudited } from '../../platform/write.js';
import { type RecordChange, type RegistryRecord, updateRecord } from './record.js';
import { uniqueSlug } from './slug.js';

export type OrganizationRow = typeof t.organizations.$inferSelect;

export const ORGANIZATION_KINDS = t.organizationKind.enumValues;

export interface OrganizationFilter {
  q: string;
  kind: string;
  country: string;
  archived: boolean;
}

/** The workspace's order: by name, accents and case ignored (as the public directory), then slug. */
const organizationKeys: SortKey[] = [
  { column: sql`lower(unaccent(${t.organizations.name}))`, direction: 'asc' },
  { column: t.organizations.slug, direction: 'asc' },
];

/**
 * One page of the registry's organizations, filtered in SQL (kind, country, and the words of `q` in
 * the name, acronym, aliases or either language's name, accents ignored). The order is an expression
 * no index can hold (unaccent is not immutable), so each page sorts the registry's few hundred rows:
 * well under a millisecond, and the page stays one page whatever the registry's size.
 */
export async function listOrganizationsForWorkspace(
  db: Db,
  user: PolicyUser,
  filter: OrganizationFilter,
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<OrganizationRow>> {
  assertAllowed(canViewRegistry(user));
  const o = t.organizations;
  const q = filter.q.trim();
  const conditions = and(
    filter.archived ? undefined : isNull(o.archivedAt),
    filter.kind === '' ? undefined : sql`${o.kind}::text = ${filter.kind}`,
    filter.country === '' ? undefined : eq(o.country, filter.country),
    q === ''
      ? undefined
      : textsMatch(
          [
            o.name,
            o.acronym,
            sql`array_to_string(${o.aliases}, ' ')`,
            sql`${o.localizedName}->'en'->>'text'`,
            sql`${o.localizedName}->'es'->>'text'`,
          ],
          likePattern(q),
        ),
  );
  const page = await keysetPage<{ organization: OrganizationRow; sortName: string }>({
    keys: organizationKeys,
    request,
    size,
    keyOf: (row) => [row.sortName, row.organization.slug],
    fetch: (where, orderBy, limit) =>
      db
        .select({ organization: o, sortName: sql<string>`lower(unaccent(${o.name}))` })
        .from(o)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map((row) => row.organization) };
}

async function findOrganization(db: Db, slug: string): Promise<OrganizationRow> {
  const [row] = await db.select().from(t.organizations).where(eq(t.organizations.slug, slug));
  if (!row) throw new NotFound(`No organization "${slug}"`);
  return row;
}

export interface OrganizationOverview {
  organization: OrganizationRow;
  contacts: (typeof t.people.$inferSelect)[];
  statementsSigned: { statement: typeof t.statements.$inferSelect; role: 'convener' | 'signatory' }[];
}

/**
 * What a member organization sees of itself: profile, "About" texts, contacts and the statements
 * it signed (as the public sees them: drafts are the editors' business).
 */
export async function organizationOverview(
  db: Db,
  slug: string,
  user: PolicyUser,
  now: Date,
): Promise<OrganizationOverview> {
  const organization = await findOrganization(db, slug);
  assertAllowed(canViewOrganization(user, organization));
  const contacts = await db
    .select()
    .from(t.people)
    .where(and(eq(t.people.organizationId, organization.id), isNull(t.people.archivedAt)))
    .orderBy(desc(t.people.isPressContact), sql`lower(unaccent(${t.people.name}))`);
  const statementsSigned = await db
    .select({ statement: t.statements, role: t.signatories.role })
    .from(t.signatories)
    .innerJoin(t.statements, eq(t.statements.id, t.signatories.statementId))
    .where(and(eq(t.signatories.organizationId, organization.id), publicStatementsCondition(now)))
    .orderBy(desc(t.statements.date));
  return { organization, contacts, statementsSigned };
}

export async function getOrganizationForEdit(db: Db, slug: string, user: PolicyUser): Promise<OrganizationRow> {
  const organization = await findOrganization(db, slug);
  assertAllowed(canEditOrganization(user, organization), 'You may not edit this organization');
  return organization;
}

/** The organization form as submitted: plain strings, checked by `validateOrganization`. */
export interface OrganizationForm {
  name: string;
  acronym: string;
  /** One per line. */
  aliases: string;
  website: string;
  country: string;
  kind: string;
  localizedName: LocaleValues;
  boilerplate: LocaleValues;
  /** Out-of-date translations the editor confirmed, per field. */
  confirmed: { localizedName: Locale[]; boilerplate: Locale[] };
}

/** The longest text per field (per language for the bilingual ones), in characters; the form's maxlength too. */
export const ORGANIZATION_LIMITS = {
  name: 300,
  acronym: 50,
  aliases: 3000,
  website: 500,
  localizedName: 300,
  boilerplate: 5000,
} as const;

export function validateOrganization(form: OrganizationForm): void {
  const problems = new Problems();
  problems.required('name', form.name);
  problems.maxLength('name', form.name, ORGANIZATION_LIMITS.name);
  problems.maxLength('acronym', form.acronym, ORGANIZATION_LIMITS.acronym);
  problems.maxLength('aliases', form.aliases, ORGANIZATION_LIMITS.aliases);
  problems.optionalUrl('website', form.website);
  problems.maxLength('website', form.website, ORGANIZATION_LIMITS.website);
  problems.oneOf('kind', form.kind, ORGANIZATION_KINDS);
  if (form.country && !countryCodes().includes(form.country)) problems.add('country', 'workspaceErrCountry');
  for (const [field, values, max] of [
    ['localizedName', form.localizedName, ORGANIZATION_LIMITS.localizedName],
    ['boilerplate', form.boilerplate, ORGANIZATION_LIMITS.boilerplate],
  ] as const) {
    for (const [locale, text] of Object.entries(values)) problems.maxLength(`${field}_${locale}`, text, max);
  }
  problems.throwIfAny();
}

function columnsOf(form: OrganizationForm, before: OrganizationRow | null) {
  return {
    name: form.name.trim(),
    acronym: blankToNull(form.acronym),
    aliases: form.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    website: blankToNull(form.website),
    country: blankToNull(form.country),
    kind: (form.kind || 'ngo') as OrganizationRow['kind'],
    localizedName: mergeLocalized(before?.localizedName, form.localizedName, form.confirmed.localizedName),
    boilerplate: mergeLocalized(before?.boilerplate, form.boilerplate, form.confirmed.boilerplate),
  };
}

/** What the audit log keeps of an organization: every field people edit. */
export function auditedOrganization(o: OrganizationRow): Record<string, unknown> {
  return {
    name: o.name,
    acronym: o.acronym,
    aliases: o.aliases,
    website: o.website,
    country: o.country,
    kind: o.kind,
    localizedName: o.localizedName,
    boilerplate: o.boilerplate,
    archivedAt: o.archivedAt,
  };
}

export async function createOrganization(
  db: Db,
  form: OrganizationForm,
  user: Editor,
  now: Date,
): Promise<OrganizationRow> {
  assertAllowed(canManageOrganizations(user));
  validateOrganization(form);
  return db.transaction((tx) => insertOrganization(tx, columnsOf(form, null), user, now));
}

/**
 * A new registry row under a free slug (from its acronym, else its name), with its audit row, in the
 * caller's transaction: the registry form's and open sign-on's one way to add an organization.
 */
export async function insertOrganization(
  tx: Db,
  values: Partial<OrganizationRow> & { name: string },
  user: Editor,
  now: Date,
): Promise<OrganizationRow> {
  assertAllowed(canManageOrganizations(user));
  return insertAudited<OrganizationRow>(tx, {
    table: t.organizations,
    values: { ...values, slug: await uniqueSlug(tx, t.organizations, values.acronym || values.name) },
    entityType: 'organization',
    actor: actorOf(user),
    now,
    audited: auditedOrganization,
  });
}

/** How an organization is found for editing and audited, for the shared edit step. */
export const organizationRecord: RegistryRecord<OrganizationRow> = {
  table: t.organizations,
  entityType: 'organization',
  audited: auditedOrganization,
  load: getOrganizationForEdit,
};

/** Archiving is for those who manage the registry, not for the member who edits its own profile. */
export const organizationArchiveRecord: RegistryRecord<OrganizationRow> = {
  ...organizationRecord,
  load: async (tx, slug, user) => {
    const organization = await findOrganization(tx, slug);
    assertAllowed(canManageOrganizations(user));
    return organization;
  },
};

export function updateOrganization(db: Db, form: OrganizationForm, change: RecordChange): Promise<OrganizationRow> {
  return updateRecord(db, organizationRecord, change, (_tx, before) => {
    validateOrganization(form);
    return columnsOf(form, before);
  });
}
