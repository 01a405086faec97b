/** Read side of statements and their recommendations, for the public site. */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { publicStatementsCondition } from '../../platform/visibility.js';

export type StatementRow = typeof t.statements.$inferSelect;
export type ThemeRow = typeof t.themes.$inferSelect;
export type AddresseeRow = typeof t.addressees.$inferSelect;
export type OrganizationRow = typeof t.organizations.$inferSelect;
export type PersonRow = typeof t.people.$inferSelect;

export interface StatementListItem {
  statement: StatementRow;
  recommendationCount: number;
  signatoryCount: number;
}

/** The home page's order: newest first, then by slug (unique), as `statements_date_slug_idx` holds it. */
const HOME_ORDER: SortKey[] = [
  { column: t.statements.date, direction: 'desc' },
  { column: t.statements.slug, direction: 'asc' },
];

/** Statements on one page of the home list: enough to scan, few enough that the page stays small. */
export const HOME_PAGE_SIZE = 50;

/**
 * One page of the coalition's own public statements, newest first, with each one's counts. Recommendations
 * made by others (UPR reviews, issue 17) are not the coalition's statements: the home leaves them out and
 * links to them on the follow-up dashboards (`followsReviews`), where they are filtered and searched.
 */
export async function listPublicStatements(
  db: Db,
  now = new Date(),
  request: PageRequest = {},
  size = HOME_PAGE_SIZE,
): Promise<KeysetPage<StatementListItem>> {
  const page = await keysetPage({
    keys: HOME_ORDER,
    request,
    size,
    keyOf: (row: StatementRow) => [row.date, row.slug],
    fetch: (after, orderBy, limit) =>
      db
        .select()
        .from(t.statements)
        .where(and(publicStatementsCondition(now), eq(t.statements.kind, 'coalition'), after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  const rows = page.items;
  if (rows.length === 0) return { ...page, items: [] };
  const ids = rows.map((r) => r.id);
  const [recs, sigs] = await Promise.all([
    db
      .select({ statementId: t.recommendations.statementId, n: count() })
      .from(t.recommendations)
      .where(inArray(t.recommendations.statementId, ids))
      .groupBy(t.recommendations.statementId),
    db
      .select({ statementId: t.signatories.statementId, n: count() })
      .from(t.signatories)
      .where(inArray(t.signatories.statementId, ids))
      .groupBy(t.signatories.statementId),
  ]);
  const recCount = new Map(recs.map((r) => [r.statementId, Number(r.n)]));
  const sigCount = new Map(sigs.map((r) => [r.statementId, Number(r.n)]));
  return {
    ...page,
    items: rows.map((statement) => ({
      statement,
      recommendationCount: recCount.get(statement.id) ?? 0,
      signatoryCount: sigCount.get(statement.id) ?? 0,
    })),
  };
}

/** Whether any UPR review is public: then the home links to the recommendations the coalition follows. */
export async function followsReviews(db: Db, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: t.statements.id })
    .from(t.statements)
    .where(and(publicStatementsCondition(now), eq(t.statements.kind, 'upr_review')))
    .limit(1);
  return row !== undefined;
}

export interface RecommendationDetail {
  id: number;
  slug: string;
  /** 1-based, as readers count them. */
  number: number;
  text: LocalizedText;
  themeIds: number[];
  addresseeIds: number[];
}

/** A quote on a statement's page, with who said it. */
export interface StatementQuote {
  id: number;
  text: LocalizedText;
  person: PersonRow;
  organization: OrganizationRow | null;
}

/** A statement's addressees, in its order (its detail and its public page read them alike). */
export function statementAddresseeRows(db: Db, id: number) {
  return db
    .select({ addressee: t.addressees })
    .from(t.statementAddressees)
    .innerJoin(t.addressees, eq(t.addressees.id, t.statementAddressees.addresseeId))
    .where(eq(t.statementAddressees.statementId, id))
    .orderBy(asc(t.statementAddressees.position));
}

/** A statement's quotes with who said them, in its order. */
export function statementQuoteRows(db: Db, id: number) {
  return db
    .select({ id: t.quotes.id, text: t.quotes.text, person: t.people, organization: t.organizations })
    .from(t.quotes)
    .innerJoin(t.people, eq(t.people.id, t.quotes.personId))
    .leftJoin(t.organizations, eq(t.organizations.id, t.people.organizationId))
    .where(eq(t.quotes.statementId, id))
    .orderBy(asc(t.quotes.position));
}
