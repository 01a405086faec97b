/** Read side of statements and their recommendations, for the public site. */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import { recommendationNumber, recommendationOrder } from './recommendation-number.js';

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

/** One page of the public statements, newest first, with each one's counts. */
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
        .where(and(publicStatementsCondition(now), after))
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

export interface RecommendationDetail {
  id: number;
  slug: string;
  /** 1-based, as readers count them. */
  number: number;
  text: LocalizedText;
  themeIds: number[];
  addresseeIds: number[];
}

export interface StatementDetail {
  statement: StatementRow;
  addressees: AddresseeRow[];
  recommendations: RecommendationDetail[];
  /** Every theme used by a recommendation, in the coalition's order. */
  themes: ThemeRow[];
  /** Every addressee named by the statement or a recommendation, by id. */
  addresseesById: Map<number, AddresseeRow>;
  signatories: { organization: OrganizationRow; role: 'convener' | 'signatory' }[];
  quotes: { id: number; text: LocalizedText; person: PersonRow; organization: OrganizationRow | null }[];
}

/**
 * A statement with everything its page shows, whatever its state: for signed-in pages that show a
 * draft to the people it is meant for (sign-on). Their own policy decides who; the public goes
 * through `getPublicStatementPage` (page-service.ts), one page of each long list at a time.
 */
export async function getStatementDetail(db: Db, slug: string): Promise<StatementDetail> {
  const [statement] = await db.select().from(t.statements).where(eq(t.statements.slug, slug));
  if (!statement) throw new NotFound(`No statement "${slug}"`);
  return statementDetail(db, statement);
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

async function statementDetail(db: Db, statement: StatementRow): Promise<StatementDetail> {
  const id = statement.id;

  const [recRows, recThemes, recAddressees, statementAddressees, signatories, quotes] = await Promise.all([
    db
      .select({ recommendation: t.recommendations, number: recommendationNumber() })
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, id))
      .orderBy(...recommendationOrder()),
    db
      .select({ recommendationId: t.recommendationThemes.recommendationId, theme: t.themes })
      .from(t.recommendationThemes)
      .innerJoin(t.recommendations, eq(t.recommendations.id, t.recommendationThemes.recommendationId))
      .innerJoin(t.themes, eq(t.themes.id, t.recommendationThemes.themeId))
      .where(eq(t.recommendations.statementId, id)),
    db
      .select({ recommendationId: t.recommendationAddressees.recommendationId, addressee: t.addressees })
      .from(t.recommendationAddressees)
      .innerJoin(t.recommendations, eq(t.recommendations.id, t.recommendationAddressees.recommendationId))
      .innerJoin(t.addressees, eq(t.addressees.id, t.recommendationAddressees.addresseeId))
      .where(eq(t.recommendations.statementId, id)),
    statementAddresseeRows(db, id),
    db
      .select({ organization: t.organizations, role: t.signatories.role })
      .from(t.signatories)
      .innerJoin(t.organizations, eq(t.organizations.id, t.signatories.organizationId))
      .where(eq(t.signatories.statementId, id))
      .orderBy(asc(t.signatories.position)),
    statementQuoteRows(db, id),
  ]);

  const themesById = new Map(recThemes.map((r) => [r.theme.id, r.theme]));
  const addresseesById = new Map<number, AddresseeRow>();
  for (const { addressee } of [...statementAddressees, ...recAddressees]) addresseesById.set(addressee.id, addressee);

  return {
    statement,
    addressees: statementAddressees.map((r) => r.addressee),
    recommendations: recRows.map(({ recommendation: r, number }) => ({
      id: r.id,
      slug: r.slug,
      number,
      text: r.text,
      themeIds: recThemes.filter((x) => x.recommendationId === r.id).map((x) => x.theme.id),
      addresseeIds: recAddressees.filter((x) => x.recommendationId === r.id).map((x) => x.addressee.id),
    })),
    themes: [...themesById.values()].sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug)),
    addresseesById,
    signatories,
    quotes,
  };
}
