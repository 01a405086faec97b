/** Read side of the organization registry, for the public site. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
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
