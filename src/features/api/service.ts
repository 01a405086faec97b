/**
 * The read side of the public JSON API (issue 16): plain functions taking `db` first, every query
 * behind the one visibility rule (platform/visibility.ts), every list a keyset page
 * (platform/db/keyset.ts), so page 400 costs what page 1 costs. Rows come back in the API's own shapes
 * (schemas.ts), never as table rows: a column added to a table does not reach the public by accident.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import {
  publicCommitmentCondition,
  publicFollowupCondition,
  publicMeetingCondition,
  publicReleasesCondition,
  publicStatementIdCondition,
  publicStatementsCondition,
} from '../../platform/visibility.js';
import { recommendationNumber } from '../statements/index.js';
import type {
  ApiFollowupEntry,
  ApiLocalized,
  ApiOrganization,
  ApiRecommendation,
  ApiRelease,
  ApiStatement,
  FollowupKind,
  ImplementationStatus,
} from './schemas.js';

/** Where the API's links point: the site's public address (PUENTE_BASE_URL), without a trailing slash. */
export interface ApiContext {
  db: Db;
  now: Date;
  baseUrl: string;
}

/** A LocalizedText as the API shows it: each language's text and whether it is the original or a translation. */
export function apiText(value: LocalizedText | null | undefined): ApiLocalized {
  const out: ApiLocalized = {};
  for (const locale of ['en', 'es'] as const) {
    const entry = value?.[locale];
    if (entry && entry.text.trim() !== '') out[locale] = { text: entry.text, origin: entry.origin };
  }
  return out;
}

const s = t.statements;
const r = t.recommendations;

function htmlLinks(base: string, path: string): { en: string; es: string } {
  return { en: `${base}/en${path}`, es: `${base}/es${path}` };
}

// ---------------------------------------------------------------------------------------------------
// Statements

const STATEMENT_ORDER: SortKey[] = [
  { column: s.date, direction: 'desc' },
  { column: s.slug, direction: 'asc' },
];

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
    recommendationCount: counts.find((n) => n.statementId === row.id)?.n ?? 0,
    links: {
      self: `${c.baseUrl}/api/v1/statements/${row.slug}`,
      recommendations: `${c.baseUrl}/api/v1/statements/${row.slug}/recommendations`,
      html: htmlLinks(c.baseUrl, `/statements/${row.slug}`),
    },
  }));
}

export async function listStatements(
  c: ApiContext,
  request: PageRequest,
  size: number,
): Promise<KeysetPage<ApiStatement>> {
  const page = await keysetPage({
    keys: STATEMENT_ORDER,
    request,
    size,
    keyOf: (row: StatementRow) => [row.date, row.slug],
    fetch: (after, orderBy, limit) =>
      c.db
        .select()
        .from(s)
        .where(and(publicStatementsCondition(c.now), after))
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
  status: ImplementationStatus | null;
  statusDate: string | null;
}

function recommendationQuery(c: ApiContext, where: SQL | undefined) {
  const su = t.followupStatusUpdates;
  return c.db
    .select({
      id: r.id,
      slug: r.slug,
      position: r.position,
      number: recommendationNumber(),
      text: r.text,
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
  const [themes, addressees] = ids.length
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
      ])
    : [[], []];
  return rows.map((row) => {
    const path = `/statements/${statementSlug}/recommendations/${row.slug}`;
    return {
      slug: row.slug,
      number: row.number,
      statement: statementSlug,
      text: apiText(row.text),
      themes: themes.filter((th) => th.id === row.id).map((th) => ({ slug: th.slug, label: apiText(th.label) })),
      addressees: addressees.filter((a) => a.id === row.id).map((a) => ({ slug: a.slug, name: apiText(a.name) })),
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
): Promise<KeysetPage<ApiRecommendation>> {
  const statement = await publicStatementRow(c, statementSlug);
  const page = await keysetPage({
    keys: RECOMMENDATION_ORDER,
    request,
    size,
    keyOf: (row: RecommendationRow) => [row.position, row.id],
    fetch: (after, orderBy, limit) =>
      recommendationQuery(c, and(eq(r.statementId, statement.id), after))
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
const RELEASE_ORDER: SortKey[] = [
  { column: rel.releaseDate, direction: 'desc' },
  { column: rel.slug, direction: 'asc' },
];

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
    keys: RELEASE_ORDER,
    request,
    size,
    keyOf: (row: ReleaseRow) => [row.releaseDate, row.slug],
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

// ---------------------------------------------------------------------------------------------------
// Follow-up entries: responses, status updates, meetings and commitments as one dated list

const fr = t.followupResponses;
const fs = t.followupStatusUpdates;
const fm = t.followupMeetings;
const fc = t.followupCommitments;

/** The public entries of every kind as one relation (kind, id, date as ISO text) to page over. */
function publicEntryKeys(now: Date): SQL {
  return sql`(
    select 'response' as kind, ${fr.id} as id, ${fr.date}::text as date from ${fr}
      join ${r} on ${r.id} = ${fr.recommendationId} join ${s} on ${s.id} = ${r.statementId}
      where ${publicFollowupCondition(fr.publication, now)}
    union all
    select 'status_update', ${fs.id}, ${fs.date}::text from ${fs}
      where ${fs.publication} = 'published' and ${publicStatementIdCondition(fs.statementId, now)}
    union all
    select 'meeting', ${fm.id}, ${fm.date}::text from ${fm} where ${publicMeetingCondition(fm.id, fm.publication, now)}
    union all
    select 'commitment', ${fc.id}, ${fc.date}::text from ${fc}
      where ${publicCommitmentCondition(fc.id, fc.publication, now)}
  ) as entry`;
}

/** Newest first; the same day in a fixed order of kinds, then newest id first. */
const ENTRY_ORDER: SortKey[] = [
  { column: sql`entry.date`, direction: 'desc' },
  { column: sql`entry.kind`, direction: 'asc' },
  { column: sql`entry.id`, direction: 'desc' },
];

interface EntryKey {
  kind: FollowupKind;
  id: number;
  date: string;
}

export async function listFollowupEntries(
  c: ApiContext,
  request: PageRequest,
  size: number,
): Promise<KeysetPage<ApiFollowupEntry>> {
  const page = await keysetPage({
    keys: ENTRY_ORDER,
    request,
    size,
    keyOf: (row: EntryKey) => [row.date, row.kind, row.id],
    fetch: (after, orderBy, limit) =>
      queryRows<EntryKey>(
        c.db,
        sql`select entry.kind, entry.id::int as id, entry.date from ${publicEntryKeys(c.now)}
            ${after ? sql`where ${after}` : sql``}
            order by ${sql.join(orderBy, sql`, `)} limit ${limit}`,
      ).then((rows) => rows.map((row) => ({ ...row, id: Number(row.id) }))),
  });
  return { ...page, items: await entriesAsApi(c, page.items) };
}

export async function getFollowupEntry(c: ApiContext, kind: FollowupKind, id: number): Promise<ApiFollowupEntry> {
  const rows = await queryRows<EntryKey>(
    c.db,
    sql`select entry.kind, entry.id::int as id, entry.date from ${publicEntryKeys(c.now)}
        where entry.kind = ${kind} and entry.id = ${id}`,
  );
  if (!rows[0]) throw new NotFound(`no public follow-up ${kind} ${id}`);
  const [entry] = await entriesAsApi(c, [{ ...rows[0], id: Number(rows[0].id) }]);
  return entry!;
}

const idsOf = (keys: EntryKey[], kind: FollowupKind) => keys.filter((k) => k.kind === kind).map((k) => k.id);

/** The details of one page of entries: one query per kind and one per link table, whatever the page size. */
async function entriesAsApi(c: ApiContext, keys: EntryKey[]): Promise<ApiFollowupEntry[]> {
  const none = Promise.resolve([]);
  const responseIds = idsOf(keys, 'response');
  const updateIds = idsOf(keys, 'status_update');
  const meetingIds = idsOf(keys, 'meeting');
  const commitmentIds = idsOf(keys, 'commitment');
  const recommendationRef = { statement: s.slug, recommendation: r.slug };
  const publicStatement = publicStatementsCondition(c.now);
  const [responses, updates, evidence, meetings, commitments, meetingRecs, commitmentRecs] = await Promise.all([
    responseIds.length
      ? c.db
          .select({ row: fr, addressee: t.addressees.slug, ...recommendationRef })
          .from(fr)
          .innerJoin(t.addressees, eq(t.addressees.id, fr.addresseeId))
          .innerJoin(r, eq(r.id, fr.recommendationId))
          .innerJoin(s, eq(s.id, r.statementId))
          .where(inArray(fr.id, responseIds))
      : none,
    updateIds.length
      ? c.db
          .select({ row: fs, ...recommendationRef })
          .from(fs)
          .innerJoin(r, eq(r.id, fs.recommendationId))
          .innerJoin(s, eq(s.id, r.statementId))
          .where(inArray(fs.id, updateIds))
      : none,
    updateIds.length
      ? c.db
          .select()
          .from(t.followupEvidence)
          .where(inArray(t.followupEvidence.statusUpdateId, updateIds))
          .orderBy(asc(t.followupEvidence.position), asc(t.followupEvidence.id))
      : none,
    meetingIds.length ? c.db.select().from(fm).where(inArray(fm.id, meetingIds)) : none,
    commitmentIds.length
      ? c.db
          .select({ row: fc, addressee: t.addressees.slug, organization: o.slug })
          .from(fc)
          .leftJoin(t.addressees, eq(t.addressees.id, fc.addresseeId))
          .leftJoin(o, eq(o.id, fc.organizationId))
          .where(inArray(fc.id, commitmentIds))
      : none,
    // Only the recommendations of public statements: a meeting may also have discussed a draft's.
    meetingIds.length
      ? c.db
          .select({ id: t.followupMeetingRecommendations.meetingId, ...recommendationRef })
          .from(t.followupMeetingRecommendations)
          .innerJoin(r, eq(r.id, t.followupMeetingRecommendations.recommendationId))
          .innerJoin(s, eq(s.id, r.statementId))
          .where(and(inArray(t.followupMeetingRecommendations.meetingId, meetingIds), publicStatement))
          .orderBy(asc(s.slug), asc(r.position), asc(r.id))
      : none,
    commitmentIds.length
      ? c.db
          .select({ id: t.followupCommitmentRecommendations.commitmentId, ...recommendationRef })
          .from(t.followupCommitmentRecommendations)
          .innerJoin(r, eq(r.id, t.followupCommitmentRecommendations.recommendationId))
          .innerJoin(s, eq(s.id, r.statementId))
          .where(and(inArray(t.followupCommitmentRecommendations.commitmentId, commitmentIds), publicStatement))
          .orderBy(asc(s.slug), asc(r.position), asc(r.id))
      : none,
  ]);
  const refs = (list: { statement: string; recommendation: string }[]) =>
    list.map(({ statement, recommendation }) => ({
      statement,
      recommendation,
      link: `${c.baseUrl}/api/v1/statements/${statement}/recommendations/${recommendation}`,
    }));
  const self = (kind: FollowupKind, id: number) => `${c.baseUrl}/api/v1/follow-up/${kind}/${id}`;
  const base = (kind: FollowupKind, id: number, date: string, summary: LocalizedText): ApiFollowupEntry => ({
    kind,
    id,
    date,
    summary: apiText(summary),
    status: null,
    position: null,
    addressee: null,
    organization: null,
    dueOn: null,
    fulfilledOn: null,
    sourceUrl: null,
    evidence: [],
    recommendations: [],
    links: { self: self(kind, id) },
  });
  return keys.map((key): ApiFollowupEntry => {
    switch (key.kind) {
      case 'response': {
        const found = responses.find((x) => x.row.id === key.id)!;
        return {
          ...base(key.kind, key.id, found.row.date, found.row.summary),
          position: found.row.position,
          addressee: found.addressee,
          sourceUrl: found.row.sourceUrl,
          recommendations: refs([found]),
        };
      }
      case 'status_update': {
        const found = updates.find((x) => x.row.id === key.id)!;
        return {
          ...base(key.kind, key.id, found.row.date, found.row.summary),
          status: found.row.status,
          evidence: evidence
            .filter((e) => e.statusUpdateId === key.id)
            .map((e) => ({ url: e.url, title: e.title, publisher: e.publisher, publishedOn: e.publishedOn })),
          recommendations: refs([found]),
        };
      }
      case 'meeting': {
        const found = meetings.find((x) => x.id === key.id)!;
        return {
          ...base(key.kind, key.id, found.date, found.summary),
          sourceUrl: found.minutesUrl,
          recommendations: refs(meetingRecs.filter((x) => x.id === key.id)),
        };
      }
      default: {
        const found = commitments.find((x) => x.row.id === key.id)!;
        return {
          ...base(key.kind, key.id, found.row.date, found.row.text),
          addressee: found.addressee,
          organization: found.organization,
          dueOn: found.row.dueOn,
          fulfilledOn: found.row.fulfilledOn,
          recommendations: refs(commitmentRecs.filter((x) => x.id === key.id)),
        };
      }
    }
  });
}
