/** Read side of the organization registry, for the public site. */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import { STATEMENTS_NEWEST_FIRST, statementSortKey } from '../../platform/db/list-orders.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { publicStatementsCondition } from '../../platform/visibility.js';

export type OrganizationRow = typeof t.organizations.$inferSelect;
export type StatementRow = typeof t.statements.$inferSelect;

/** Alphabetical, ignoring accents and case, so "Asociación" sorts with the other A's. Archived ones leave the list. */
/**
 * The name a reader sees in `locale` (`resolveName`: the name in that language, else the organization's
 * own), as a sort key in SQL so the directory can be paged by keyset: accents and case ignored, and in
 * Spanish "ñ" its own letter after "n" ("n~": "~" sorts after every letter byte by byte). Compared
 * byte by byte (`collate "C"`) so both engines, whatever their default collation, agree with the cursor.
 */
function directorySortName(locale: Locale): SQL<string> {
  const o = t.organizations;
  const shown = sql`coalesce(nullif(btrim(${o.localizedName}->${locale}->>'text'), ''), ${o.name})`;
  const letters = locale === 'es' ? sql`replace(replace(${shown}, 'Ñ', 'N~'), 'ñ', 'n~')` : shown;
  return sql<string>`(lower(unaccent(${letters})) collate "C")`;
}

/** Organizations on one page of the directory: a name and a line each. */
export const DIRECTORY_PAGE_SIZE = 100;

/**
 * One page of the public directory in one language, sorted by the name the reader sees there, so
 * "Human Rights Test Network" sorts under H in English and "Ñandú" after "Nube" in Spanish.
 * Archived organizations leave the list.
 */
export async function listDirectory(
  db: Db,
  locale: Locale,
  request: PageRequest = {},
  size = DIRECTORY_PAGE_SIZE,
): Promise<KeysetPage<OrganizationRow>> {
  const sortName = directorySortName(locale);
  const keys: SortKey[] = [
    { column: sortName, direction: 'asc' },
    { column: t.organizations.slug, direction: 'asc' },
  ];
  const page = await keysetPage({
    keys,
    request,
    size,
    keyOf: (row: { organization: OrganizationRow; sortName: string }) => [row.sortName, row.organization.slug],
    fetch: (after, orderBy, limit) =>
      db
        .select({ organization: t.organizations, sortName })
        .from(t.organizations)
        .where(and(isNull(t.organizations.archivedAt), after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map((row) => row.organization) };
}

export interface OrganizationDetail {
  organization: OrganizationRow;
  /** One page of the published statements this organization signed, newest first. */
  statementsSigned: KeysetPage<{ statement: StatementRow; role: 'convener' | 'signatory' }>;
}

/** Statements on one page of an organization's profile. */
export const PROFILE_PAGE_SIZE = 50;

export async function getOrganization(
  db: Db,
  slug: string,
  now = new Date(),
  request: PageRequest = {},
): Promise<OrganizationDetail> {
  const [organization] = await db.select().from(t.organizations).where(eq(t.organizations.slug, slug));
  if (!organization) throw new NotFound(`No organization "${slug}"`);
  const statementsSigned = await keysetPage({
    keys: STATEMENTS_NEWEST_FIRST,
    request,
    size: PROFILE_PAGE_SIZE,
    keyOf: (row: { statement: StatementRow }) => statementSortKey(row.statement),
    fetch: (after, orderBy, limit) =>
      db
        .select({ statement: t.statements, role: t.signatories.role })
        .from(t.signatories)
        .innerJoin(t.statements, eq(t.statements.id, t.signatories.statementId))
        .where(and(eq(t.signatories.organizationId, organization.id), publicStatementsCondition(now), after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { organization, statementsSigned };
}
