/**
 * The read side of the public JSON API (issue 16): plain functions taking `db` first, every query
 * behind the one visibility rule (platform/visibility.ts), every list a keyset page
 * (platform/db/keyset.ts), so page 400 costs what page 1 costs. Rows come back in the API's own shapes
 * (schemas.ts), never as table rows: a column added to a table does not reach the public by accident.
 */
import { and, asc, desc, eq, exists, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import {
  RELEASES_NEWEST_FIRST,
  releaseSortKey,
  STATEMENTS_NEWEST_FIRST,
  statementSortKey,
} from '../../platform/db/list-orders.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { publicReleasesCondition, publicStatementsCondition } from '../../platform/visibility.js';
import { type ApiContext, apiText, htmlLinks } from './context.js';
import type {
  ApiOrganization,
  ApiRecommendation,
  ApiRelease,
  ApiStatement,
  ImplementationStatus,
  ResponsePosition,
} from './schemas.js';

type StatementKind = (typeof t.statementKind.enumValues)[number];

const s = t.statements;
const r = t.recommendations;

// ---------------------------------------------------------------------------------------------------
// Statements

type StatementRow = typeof s.$inferSelect;

async function statementsAsApi(c: ApiContext, rows: StatementRow[]): Promise<ApiStatement[]> {
  const ids = rows.map((row) => row.id);
  const [addressees, counts] = ids.length
    ? await Promise.all([
        c.db
          .select({ statementId: t.statementAddressees.statementId, slug: t.addressees.slug, name: t.addressees.name })
          .from(t.statementAddressees)
          .innerJoin(t.addressees, eq(t.addressees.id, t.statementAddressees.addresseeId))
          .where(inArray(t.statementAddressees.statementId, ids))
          .orderBy(asc(t.statementAddressees.position), asc(t.addressees.slug)),
        c.db
          .select({ statementId: r.statementId, n: sql<number>`count(*)::int`.mapWith(Number) })
          .from(r)
          .where(inArray(r.statementId, ids))
          .groupBy(r.statementId),
      ])
    : [[], []];
  return rows.map((row) => ({
    slug: row.slug,
    date: row.date,
    title: apiText(row.title),
    summary: apiText(row.summary),
    occasion: apiText(row.occasion),
    body: apiText(row.body),
    addressees: addressees
      .filter((a) => a.statementId === row.id)
      .map((a) => ({ slug: a.slug, name: apiText(a.name) })),
    kind: row.kind,
    cycle: row.cycle,
    session: row.session,
    recommendationCount: counts.find((n) => n.statementId === row.id)?.n ?? 0,
    links: {
      self: `${c.baseUrl}/api/v1/statements/${row.slug}`,
      recommendations: `${c.baseUrl}/api/v1/statements/${row.slug}/recommendations`,
      html: htmlLinks(c.baseUrl, `/statements/${row.slug}`),
    },
  }));
}

export interface StatementFilters {
  kind?: StatementKind;
  cycle?: number;
  /** The State under review: a statement addressee's country. */
  state?: string;
}

function statementFilter(c: ApiContext, filters: StatementFilters): SQL | undefined {
  return and(
    filters.kind ? eq(s.kind, filters.kind) : undefined,
    filters.cycle ? eq(s.cycle, filters.cycle) : undefined,
    filters.state
      ? exists(
          c.db
            .select({ one: sql`1` })
            .from(t.statementAddressees)
            .innerJoin(t.addressees, eq(t.addressees.id, t.statementAddressees.addresseeId))
            .where(and(eq(t.statementAddressees.statementId, s.id), eq(t.addressees.country, filters.state))),
        )
      : undefined,
  );
}

export async function listStatements(
  c: ApiContext,
  request: PageRequest,
  size: number,
  filters: StatementFilters = {},
): Promise<KeysetPage<ApiStatement>> {
  const page = await keysetPage({
    keys: STATEMENTS_NEWEST_FIRST,
    request,
    size,
    keyOf: statementSortKey,
    fetch: (after, orderBy, limit) =>
      c.db
        .select()
        .from(s)
        .where(and(publicStatementsCondition(c.now), statementFilter(c, filters), after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: await statementsAsApi(c, page.items) };
}

async function publicStatementRow(c: ApiContext, slug: string): Promise<StatementRow> {
  const [row] = await c.db
    .select()
    .from(s)
    .where(and(eq(s.slug, slug), publicStatementsCondition(c.now)));
  if (!row) throw new NotFound(`no public statement "${slug}"`);
  return row;
}

export async function getStatement(c: ApiContext, slug: string): Promise<ApiStatement> {
  const [statement] = await statementsAsApi(c, [await publicStatementRow(c, slug)]);
  return statement!;
}

// ---------------------------------------------------------------------------------------------------
// Recommendations, with their current status (the latest published status update: `is_current`)

const RECOMMENDATION_ORDER: SortKey[] = [
  { column: r.position, direction: 'asc' },
  { column: r.id, direction: 'asc' },
];

interface RecommendationRow {
  id: number;
  slug: string;
  position: number;
  number: number;
  text: LocalizedText;
  sdgs: number[];
  sourceReference: string | null;
  status: ImplementationStatus | null;
  statusDate: string | null;
}

export interface RecommendationFilters {
  /** A recommending State (ISO code). */
  recommender?: string;
  /** A published response with this position. */
  response?: ResponsePosition;
}

function recommendationFilter(c: ApiContext, filters: RecommendationFilters): SQL | undefined {
  const fr = t.followupResponses;
  const rr = t.recommendationRecommenders;
  return and(
    filters.recommender
      ? exists(
          c.db
            .select({ one: sql`1` })
            .from(rr)
            .where(and(eq(rr.recommendationId, r.id), eq(rr.country, filters.recommender))),
        )
      : undefined,
    filters.response
      ? exists(
          c.db
            .select({ one: sql`1` })
            .from(fr)
            .where(
              and(eq(fr.recommendationId, r.id), eq(fr.publication, 'published'), eq(fr.position, filters.response)),
            ),
        )
      : undefined,
  );
}

function recommendationQuery(c: ApiContext, where: SQL | undefined) {
  const su = t.followupStatusUpdates;
  return c.db
    .select({
      id: r.id,
      slug: r.slug,
      position: r.position,
      number: r.number,
      text: r.text,
      sdgs: r.sdgs,
      sourceReference: r.sourceReference,
      status: su.status,
      statusDate: su.date,
    })
    .from(r)
    .leftJoin(su, and(eq(su.recommendationId, r.id), eq(su.isCurrent, true)))
    .where(where);
}

async function recommendationsAsApi(
  c: ApiContext,
  statementSlug: string,
  rows: RecommendationRow[],
): Promise<ApiRecommendation[]> {
  const ids = rows.map((row) => row.id);
  const fr = t.followupResponses;
  const [themes, addressees, recommenders, responses] = ids.length
    ? await Promise.all([
        c.db
          .select({ id: t.recommendationThemes.recommendationId, slug: t.themes.slug, label: t.themes.label })
          .from(t.recommendationThemes)
          .innerJoin(t.themes, eq(t.themes.id, t.recommendationThemes.themeId))
          .where(inArray(t.recommendationThemes.recommendationId, ids))
          .orderBy(asc(t.themes.position), asc(t.themes.slug)),
        c.db
          .select({ id: t.recommendationAddressees.recommendationId, slug: t.addressees.slug, name: t.addressees.name })
          .from(t.recommendationAddressees)
          .innerJoin(t.addressees, eq(t.addressees.id, t.recommendationAddressees.addresseeId))
          .where(inArray(t.recommendationAddressees.recommendationId, ids))
          .orderBy(asc(t.addressees.slug)),
        c.db
          .select({
            id: t.recommendationRecommenders.recommendationId,
            name: t.recommendationRecommenders.name,
            country: t.recommendationRecommenders.country,
          })
          .from(t.recommendationRecommenders)
          .where(inArray(t.recommendationRecommenders.recommendationId, ids))
          .orderBy(asc(t.recommendationRecommenders.position)),
        c.db
          .select({ id: fr.recommendationId, position: fr.position, date: fr.date })
          .from(fr)
          .where(and(inArray(fr.recommendationId, ids), eq(fr.publication, 'published')))
          .orderBy(desc(fr.date), desc(fr.id)),
      ])
    : [[], [], [], []];
  return rows.map((row) => {
    const path = `/statements/${statementSlug}/recommendations/${row.slug}`;
    return {
      slug: row.slug,
      number: row.number,
      statement: statementSlug,
      text: apiText(row.text),
      themes: themes.filter((th) => th.id === row.id).map((th) => ({ slug: th.slug, label: apiText(th.label) })),
      addressees: addressees.filter((a) => a.id === row.id).map((a) => ({ slug: a.slug, name: apiText(a.name) })),
      recommenders: recommenders.filter((x) => x.id === row.id).map(({ name, country }) => ({ name, country })),
      response: ((latest) => (latest ? { position: latest.position, date: latest.date } : null))(
        responses.find((x) => x.id === row.id),
      ),
      sdgs: row.sdgs,
      sourceReference: row.sourceReference,
      currentStatus:
        row.status && row.statusDate ? { status: row.status as ImplementationStatus, date: row.statusDate } : null,
      links: {
        self: `${c.baseUrl}/api/v1${path}`,
        statement: `${c.baseUrl}/api/v1/statements/${statementSlug}`,
        html: htmlLinks(c.baseUrl, path),
        followup: htmlLinks(c.baseUrl, `${path}/follow-up`),
      },
    };
  });
}

export async function listRecommendations(
  c: ApiContext,
  statementSlug: string,
  request: PageRequest,
  size: number,
  filters: RecommendationFilters = {},
): Promise<KeysetPage<ApiRecommendation>> {
  const statement = await publicStatementRow(c, statementSlug);
  const page = await keysetPage({
    keys: RECOMMENDATION_ORDER,
    request,
    size,
    keyOf: (row: RecommendationRow) => [row.position, row.id],
    fetch: (after, orderBy, limit) =>
      recommendationQuery(c, and(eq(r.statementId, statement.id), recommendationFilter(c, filters), after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: await recommendationsAsApi(c, statement.slug, page.items) };
}

export async function getRecommendation(
  c: ApiContext,
  statementSlug: string,
  slug: string,
): Promise<ApiRecommendation> {
  const statement = await publicStatementRow(c, statementSlug);
  const rows = await recommendationQuery(c, and(eq(r.statementId, statement.id), eq(r.slug, slug)));
  if (!rows[0]) throw new NotFound(`no recommendation "${slug}" in statement "${statementSlug}"`);
  const [recommendation] = await recommendationsAsApi(c, statement.slug, rows);
  return recommendation!;
}

// ---------------------------------------------------------------------------------------------------
// Organizations: the public registry (archived ones leave it, as on the directory)

const o = t.organizations;
type OrganizationRow = typeof o.$inferSelect;

function organizationAsApi(c: ApiContext, row: OrganizationRow): ApiOrganization {
  return {
    slug: row.slug,
    name: row.name,
    localizedName: apiText(row.localizedName),
    acronym: row.acronym,
    aliases: row.aliases,
    kind: row.kind,
    country: row.country,
    website: row.website,
    about: apiText(row.boilerplate),
    links: {
      self: `${c.baseUrl}/api/v1/organizations/${row.slug}`,
      html: htmlLinks(c.baseUrl, `/organizations/${row.slug}`),
    },
  };
}

export async function listOrganizations(
  c: ApiContext,
  request: PageRequest,
  size: number,
): Promise<KeysetPage<ApiOrganization>> {
  const page = await keysetPage({
    keys: [{ column: o.slug, direction: 'asc' }],
    request,
    size,
    keyOf: (row: OrganizationRow) => [row.slug],
    fetch: (after, orderBy, limit) =>
      c.db
        .select()
        .from(o)
        .where(and(isNull(o.archivedAt), after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map((row) => organizationAsApi(c, row)) };
}

export async function getOrganization(c: ApiContext, slug: string): Promise<ApiOrganization> {
  const [row] = await c.db
    .select()
    .from(o)
    .where(and(eq(o.slug, slug), isNull(o.archivedAt)));
  if (!row) throw new NotFound(`no organization "${slug}"`);
  return organizationAsApi(c, row);
}

// ---------------------------------------------------------------------------------------------------
// Press releases

const rel = t.releases;

interface ReleaseRow {
  slug: string;
  releaseDate: string;
  headline: LocalizedText;
  subheadline: LocalizedText;
  lead: LocalizedText;
  statement: string | null;
}

function releaseQuery(c: ApiContext, where: SQL | undefined) {
  return c.db
    .select({
      slug: rel.slug,
      releaseDate: rel.releaseDate,
      headline: rel.headline,
      subheadline: rel.subheadline,
      lead: rel.lead,
      statement: s.slug,
    })
    .from(rel)
    .leftJoin(s, eq(s.id, rel.statementId))
    .where(and(publicReleasesCondition(c.now), where));
}

function releaseAsApi(c: ApiContext, row: ReleaseRow): ApiRelease {
  const downloads = (locale: 'en' | 'es') =>
    Object.fromEntries(
      (['pdf', 'docx', 'md', 'txt'] as const).map((f) => [
        f,
        `${c.baseUrl}/${locale}/releases/${row.slug}/release.${f}`,
      ]),
    ) as Record<'pdf' | 'docx' | 'md' | 'txt', string>;
  return {
    slug: row.slug,
    releaseDate: row.releaseDate,
    headline: apiText(row.headline),
    subheadline: apiText(row.subheadline),
    lead: apiText(row.lead),
    statement: row.statement,
    links: {
      self: `${c.baseUrl}/api/v1/releases/${row.slug}`,
      html: htmlLinks(c.baseUrl, `/releases/${row.slug}`),
      downloads: { en: downloads('en'), es: downloads('es') },
    },
  };
}

export async function listReleases(c: ApiContext, request: PageRequest, size: number): Promise<KeysetPage<ApiRelease>> {
  const page = await keysetPage({
    keys: RELEASES_NEWEST_FIRST,
    request,
    size,
    keyOf: releaseSortKey,
    fetch: (after, orderBy, limit) =>
      releaseQuery(c, after)
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map((row) => releaseAsApi(c, row)) };
}

export async function getRelease(c: ApiContext, slug: string): Promise<ApiRelease> {
  const [row] = await releaseQuery(c, eq(rel.slug, slug));
  if (!row) throw new NotFound(`no public release "${slug}"`);
  return releaseAsApi(c, row);
}
