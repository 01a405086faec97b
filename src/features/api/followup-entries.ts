/**
 * The API's follow-up entries: responses, status updates, meetings and commitments as one dated list, behind
 * the one visibility rule (platform/visibility.ts) and paged by keyset like the rest of the API (service.ts).
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import {
  publicCommitmentCondition,
  publicFollowupCondition,
  publicMeetingCondition,
  publicStatementIdCondition,
  publicStatementsCondition,
} from '../../platform/visibility.js';
import { type ApiContext, apiText } from './context.js';
import type { ApiFollowupEntry, FollowupKind } from './schemas.js';

const s = t.statements;
const r = t.recommendations;
const o = t.organizations;

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
