/**
 * A statement's page, read one page of each long list at a time: a statement may have hundreds of
 * recommendations and signatories, so the page holds one keyset page of each (platform/db/keyset.ts)
 * and its size does not grow with the statement. Numbers stay each recommendation's place in the whole
 * statement (the stored `number`), whatever the page or the theme filter. The public page and the
 * sign-on page (which shows a draft to the people its policy allows) read it alike.
 */
import { and, asc, count, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import {
  type AddresseeRow,
  type OrganizationRow,
  type RecommendationDetail,
  type StatementQuote,
  type StatementRow,
  statementAddresseeRows,
  statementQuoteRows,
  type ThemeRow,
} from './service.js';

/** Recommendations on one page of a statement: a long statement reads in a few pages. */
export const RECOMMENDATIONS_PAGE_SIZE = 50;
/** Signatories on one page: a name each, so more of them fit. */
export const SIGNATORIES_PAGE_SIZE = 100;

const RECOMMENDATION_ORDER: SortKey[] = [
  { column: t.recommendations.position, direction: 'asc' },
  { column: t.recommendations.id, direction: 'asc' },
];
const SIGNATORY_ORDER: SortKey[] = [
  { column: t.signatories.position, direction: 'asc' },
  { column: t.signatories.organizationId, direction: 'asc' },
];

/** What the page shows of a signatory organization: its link and name (not its boilerplate, logo or aliases). */
export type SignatoryOrganization = Pick<OrganizationRow, 'id' | 'slug' | 'name' | 'localizedName' | 'acronym'>;

export interface Signatory {
  organization: SignatoryOrganization;
  role: 'convener' | 'signatory';
}

export interface StatementPageDetail {
  statement: StatementRow;
  addressees: AddresseeRow[];
  /** Every theme used by one of the statement's recommendations, in the coalition's order (the filter). */
  themes: ThemeRow[];
  /** The `?theme=` asked for, when it is one of `themes`. */
  activeTheme: ThemeRow | null;
  /** One page of the recommendations (of the active theme, if any). */
  recommendations: KeysetPage<RecommendationDetail>;
  /**
   * The addressees named by the statement and, when asked for (`withRecommendationAddressees`), by the
   * recommendations on this page, by id. Otherwise each recommendation's `addresseeIds` is empty.
   */
  addresseesById: Map<number, AddresseeRow>;
  /** How many the statement has, and how many the theme filter keeps. */
  recommendationTotal: number;
  recommendationShown: number;
  signatories: KeysetPage<Signatory>;
  quotes: StatementQuote[];
}

export interface StatementPageRequest {
  /** A theme's slug, or null for every recommendation. */
  theme: string | null;
  recommendations: PageRequest;
  signatories: PageRequest;
}

export async function getPublicStatementPage(
  db: Db,
  slug: string,
  now: Date,
  request: StatementPageRequest,
): Promise<StatementPageDetail> {
  const [statement] = await db
    .select()
    .from(t.statements)
    .where(and(eq(t.statements.slug, slug), publicStatementsCondition(now)));
  if (!statement) throw new NotFound(`No published statement "${slug}"`);
  return readStatementPage(db, statement, request);
}

/**
 * Any statement's page, whatever its state: the caller has already decided who may read it (the public
 * route by `publicStatementsCondition`, sign-on by its own policy). Sign-on names each recommendation's
 * addressees; the public statement page leaves that to each recommendation's own page.
 */
export async function readStatementPage(
  db: Db,
  statement: StatementRow,
  request: StatementPageRequest,
  options: { withRecommendationAddressees?: boolean } = {},
): Promise<StatementPageDetail> {
  const id = statement.id;

  const themes = await statementThemes(db, id);
  const activeTheme = request.theme ? (themes.find((th) => th.slug === request.theme) ?? null) : null;
  // An unknown theme filters nothing (the page says so), as before the list was paged.
  const themeFilter: SQL | undefined = activeTheme
    ? inArray(
        t.recommendations.id,
        db
          .select({ id: t.recommendationThemes.recommendationId })
          .from(t.recommendationThemes)
          .where(eq(t.recommendationThemes.themeId, activeTheme.id)),
      )
    : undefined;

  // On PGlite every query is a round trip through one connection, so the page reads in as few as it can.
  const [recommendations, totals, signatories, addressees, quotes] = await Promise.all([
    recommendationPage(db, id, themeFilter, request.recommendations, options.withRecommendationAddressees ?? false),
    db
      .select({ total: count(), shown: themeFilter ? sql<number>`count(*) filter (where ${themeFilter})` : count() })
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, id)),
    keysetPage({
      keys: SIGNATORY_ORDER,
      request: request.signatories,
      size: SIGNATORIES_PAGE_SIZE,
      keyOf: (row: Signatory & { position: number }) => [row.position, row.organization.id],
      fetch: (after, orderBy, limit) =>
        db
          .select({
            organization: {
              id: t.organizations.id,
              slug: t.organizations.slug,
              name: t.organizations.name,
              localizedName: t.organizations.localizedName,
              acronym: t.organizations.acronym,
            },
            role: t.signatories.role,
            position: t.signatories.position,
          })
          .from(t.signatories)
          .innerJoin(t.organizations, eq(t.organizations.id, t.signatories.organizationId))
          .where(and(eq(t.signatories.statementId, id), after))
          .orderBy(...orderBy)
          .limit(limit),
    }),
    statementAddresseeRows(db, id),
    statementQuoteRows(db, id),
  ]);
  const total = Number(totals[0]?.total ?? 0);
  const statementAddressees = addressees.map((r) => r.addressee);
  return {
    statement,
    addressees: statementAddressees,
    addresseesById: await addresseesNamed(db, statementAddressees, recommendations.items),
    themes,
    activeTheme,
    recommendations,
    recommendationTotal: total,
    recommendationShown: Number(totals[0]?.shown ?? 0),
    signatories: {
      ...signatories,
      items: signatories.items.map(({ organization, role }) => ({ organization, role })),
    },
    quotes,
  };
}

/** The themes a statement's recommendations use: a short vocabulary, whatever the statement's length. */
async function statementThemes(db: Db, statementId: number): Promise<ThemeRow[]> {
  // A semi-join per theme (a short table), not `distinct` over every tag of the statement: the
  // distinct read the whole tag table and compared JSON labels, the slowest part of the page.
  return db
    .select()
    .from(t.themes)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(t.recommendationThemes)
          .innerJoin(t.recommendations, eq(t.recommendations.id, t.recommendationThemes.recommendationId))
          .where(and(eq(t.recommendationThemes.themeId, t.themes.id), eq(t.recommendations.statementId, statementId))),
      ),
    )
    .orderBy(asc(t.themes.position), asc(t.themes.slug));
}

/** The statement's addressees and those its page's recommendations name besides (one query, only if any). */
async function addresseesNamed(
  db: Db,
  statementAddressees: AddresseeRow[],
  recommendations: RecommendationDetail[],
): Promise<Map<number, AddresseeRow>> {
  const byId = new Map(statementAddressees.map((a) => [a.id, a]));
  const others = [...new Set(recommendations.flatMap((r) => r.addresseeIds))].filter((id) => !byId.has(id));
  if (others.length > 0) {
    for (const a of await db.select().from(t.addressees).where(inArray(t.addressees.id, others))) byId.set(a.id, a);
  }
  return byId;
}

async function recommendationPage(
  db: Db,
  statementId: number,
  themeFilter: SQL | undefined,
  request: PageRequest,
  withAddressees: boolean,
): Promise<KeysetPage<RecommendationDetail>> {
  const r = t.recommendations;
  const page = await keysetPage({
    keys: RECOMMENDATION_ORDER,
    request,
    size: RECOMMENDATIONS_PAGE_SIZE,
    keyOf: (row: { position: number; id: number }) => [row.position, row.id],
    fetch: (after, orderBy, limit) =>
      db
        .select({
          id: r.id,
          slug: r.slug,
          position: r.position,
          text: r.text,
          number: t.recommendations.number,
          // Its themes in the same query (qualified by hand: drizzle leaves a one-table select's columns unqualified).
          themeIds: sql<number[]>`array(select ${t.recommendationThemes.themeId} from ${t.recommendationThemes}
            where ${t.recommendationThemes.recommendationId} = ${r}.id)`,
          addresseeIds: withAddressees
            ? sql<number[]>`array(select ${t.recommendationAddressees.addresseeId} from ${t.recommendationAddressees}
              where ${t.recommendationAddressees.recommendationId} = ${r}.id)`
            : sql<number[]>`'{}'::integer[]`,
        })
        .from(r)
        .where(and(eq(r.statementId, statementId), themeFilter, after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      id: row.id,
      slug: row.slug,
      number: row.number,
      text: row.text,
      themeIds: row.themeIds.map(Number),
      addresseeIds: row.addresseeIds.map(Number),
    })),
  };
}

/** One recommendation of a public statement with what its own pages show: its themes and addressees. */
export interface RecommendationInStatement {
  statement: StatementRow;
  recommendation: RecommendationDetail;
  themes: ThemeRow[];
  addressees: AddresseeRow[];
  /** Recommendations made by others (issue 17): the recommending States, as the source names them. */
  recommenders: { name: string; country: string | null }[];
  sdgs: number[];
  sourceReference: string | null;
  /** Public recommendations this one echoes (a coalition's → a UPR review's), and those that echo it. */
  echoes: LinkedRecommendation[];
  echoedBy: LinkedRecommendation[];
}

export interface LinkedRecommendation {
  statementSlug: string;
  statementTitle: StatementRow['title'];
  slug: string;
  text: RecommendationDetail['text'];
}

/**
 * A public statement's recommendation, read alone (not the whole statement), so its page and its
 * follow-up timeline cost the same in a statement of 5 recommendations or of 500.
 */
export async function getPublicRecommendation(
  db: Db,
  slug: string,
  recommendationSlug: string,
  now: Date,
): Promise<RecommendationInStatement> {
  const [statement] = await db
    .select()
    .from(t.statements)
    .where(and(eq(t.statements.slug, slug), publicStatementsCondition(now)));
  if (!statement) throw new NotFound(`No published statement "${slug}"`);
  const [row] = await db
    .select({ recommendation: t.recommendations, number: t.recommendations.number })
    .from(t.recommendations)
    .where(and(eq(t.recommendations.statementId, statement.id), eq(t.recommendations.slug, recommendationSlug)));
  if (!row) throw new NotFound(`No recommendation "${recommendationSlug}" in this statement`);
  const id = row.recommendation.id;
  type LinkColumn = typeof t.recommendationLinks.recommendationId | typeof t.recommendationLinks.echoesId;
  const linked = (mine: LinkColumn, theirs: LinkColumn) =>
    db
      .select({
        statementSlug: t.statements.slug,
        statementTitle: t.statements.title,
        slug: t.recommendations.slug,
        text: t.recommendations.text,
      })
      .from(t.recommendationLinks)
      .innerJoin(t.recommendations, eq(t.recommendations.id, theirs))
      // The one public rule: a link to a draft or embargoed statement's recommendation is not shown.
      .innerJoin(t.statements, and(eq(t.statements.id, t.recommendations.statementId), publicStatementsCondition(now)))
      .where(eq(mine, id))
      .orderBy(asc(t.statements.date), asc(t.recommendations.position));
  const [themes, addressees, recommenders, echoes, echoedBy] = await Promise.all([
    db
      .select({ theme: t.themes })
      .from(t.recommendationThemes)
      .innerJoin(t.themes, eq(t.themes.id, t.recommendationThemes.themeId))
      .where(eq(t.recommendationThemes.recommendationId, id))
      .orderBy(asc(t.themes.position), asc(t.themes.slug)),
    db
      .select({ addressee: t.addressees })
      .from(t.recommendationAddressees)
      .innerJoin(t.addressees, eq(t.addressees.id, t.recommendationAddressees.addresseeId))
      .where(eq(t.recommendationAddressees.recommendationId, id))
      .orderBy(asc(t.addressees.id)),
    db
      .select({ name: t.recommendationRecommenders.name, country: t.recommendationRecommenders.country })
      .from(t.recommendationRecommenders)
      .where(eq(t.recommendationRecommenders.recommendationId, id))
      .orderBy(asc(t.recommendationRecommenders.position)),
    linked(t.recommendationLinks.recommendationId, t.recommendationLinks.echoesId),
    linked(t.recommendationLinks.echoesId, t.recommendationLinks.recommendationId),
  ]);
  return {
    statement,
    recommendation: {
      id,
      slug: row.recommendation.slug,
      number: row.number,
      text: row.recommendation.text,
      themeIds: themes.map((r) => r.theme.id),
      addresseeIds: addressees.map((r) => r.addressee.id),
    },
    themes: themes.map((r) => r.theme),
    addressees: addressees.map((r) => r.addressee),
    recommenders,
    sdgs: row.recommendation.sdgs,
    sourceReference: row.recommendation.sourceReference,
    echoes,
    echoedBy,
  };
}
