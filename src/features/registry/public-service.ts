/** Read side of the organization registry, for the public site. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { collatorFor, resolveName } from '../../platform/text/localized-text.js';
import { publicStatementsCondition } from '../../platform/visibility.js';

export type OrganizationRow = typeof t.organizations.$inferSelect;
export type StatementRow = typeof t.statements.$inferSelect;

/** Alphabetical, ignoring accents and case, so "Asociación" sorts with the other A's. Archived ones leave the list. */
export async function listOrganizations(db: Db): Promise<OrganizationRow[]> {
  return db
    .select()
    .from(t.organizations)
    .where(isNull(t.organizations.archivedAt))
    .orderBy(sql`lower(unaccent(${t.organizations.name}))`, asc(t.organizations.slug));
}

/**
 * The public directory in one language: sorted by the name the reader sees there (`resolveName`:
 * the name in that language, else the organization's own), with that language's collation, so
 * "Human Rights Test Network" sorts under H in English and "Ñandú" after "Nube" in Spanish.
 */
export async function listDirectory(db: Db, locale: Locale): Promise<OrganizationRow[]> {
  const collator = collatorFor(locale);
  const shown = (o: OrganizationRow) => resolveName(o.localizedName, locale, o.name)?.text ?? '';
  return (await listOrganizations(db))
    .map((o) => ({ o, name: shown(o) }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.o.slug < b.o.slug ? -1 : 1))
    .map(({ o }) => o);
}

export interface OrganizationDetail {
  organization: OrganizationRow;
  /** Published statements this organization signed, newest first. */
  statementsSigned: { statement: StatementRow; role: 'convener' | 'signatory' }[];
}

export async function getOrganization(db: Db, slug: string, now = new Date()): Promise<OrganizationDetail> {
  const [organization] = await db.select().from(t.organizations).where(eq(t.organizations.slug, slug));
  if (!organization) throw new NotFound(`No organization "${slug}"`);
  const statementsSigned = await db
    .select({ statement: t.statements, role: t.signatories.role })
    .from(t.signatories)
    .innerJoin(t.statements, eq(t.statements.id, t.signatories.statementId))
    .where(and(eq(t.signatories.organizationId, organization.id), publicStatementsCondition(now)))
    .orderBy(sql`${t.statements.date} desc`);
  return { organization, statementsSigned };
}
