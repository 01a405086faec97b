/**
 * Approved open signatories as the public and the exports read them: their count, their count by
 * country, the first page of their names (bounded, however many sign), and every row for an export,
 * read in batches. Only statements the public may read are asked about by public pages (the caller's check).
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import {
  type KeysetPage,
  keysetPage,
  LIST_PAGE_SIZE,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import type { Submission } from './submit-service.js';

/** Names shown on a public page; the count and the countries cover all of them. */
export const NAMES_SHOWN = 100;

type SignatoryName = Pick<Submission, 'id' | 'kind' | 'name' | 'acronym' | 'country'>;

/**
 * Organizations and individuals are counted and listed apart ("12 organizations and 3 individuals"):
 * a person signing for themselves is not an organization's endorsement. Individuals stay on this list and
 * in the exports only; the release's signatories are organizations of the registry (moderation-service.ts).
 */
export interface OpenSignatories {
  total: number;
  organizations: number;
  individuals: number;
  byCountry: { country: string | null; count: number }[];
  /** The first organizations, oldest first. */
  names: SignatoryName[];
  /** The first individuals, oldest first. */
  individualNames: SignatoryName[];
}

const approvedOf = (statementId: number) =>
  and(eq(t.openSignOnSubmissions.statementId, statementId), eq(t.openSignOnSubmissions.status, 'approved'));

export async function openSignatories(db: Db, statementId: number): Promise<OpenSignatories> {
  const s = t.openSignOnSubmissions;
  const namesOf = (kind: Submission['kind']) =>
    db
      .select({ id: s.id, kind: s.kind, name: s.name, acronym: s.acronym, country: s.country })
      .from(s)
      .where(and(approvedOf(statementId), eq(s.kind, kind)))
      .orderBy(asc(s.id))
      .limit(NAMES_SHOWN);
  const [counts, names, individualNames] = await Promise.all([
    db
      .select({ kind: s.kind, country: s.country, count: sql<number>`count(*)::int` })
      .from(s)
      .where(approvedOf(statementId))
      .groupBy(s.kind, s.country),
    namesOf('organization'),
    namesOf('individual'),
  ]);
  const byCountry = new Map<string | null, number>();
  let organizations = 0;
  let individuals = 0;
  for (const c of counts) {
    const n = Number(c.count);
    byCountry.set(c.country, (byCountry.get(c.country) ?? 0) + n);
    if (c.kind === 'individual') individuals += n;
    else organizations += n;
  }
  const countries = [...byCountry]
    .map(([country, count]) => ({ country, count }))
    // Most signatories first; then by code, the unknown country last.
    .sort((a, b) => b.count - a.count || (a.country ?? '\uffff').localeCompare(b.country ?? '\uffff'));
  return {
    total: organizations + individuals,
    organizations,
    individuals,
    byCountry: countries,
    names,
    individualNames,
  };
}

export const SIGNATORY_HEADERS = [
  'kind',
  'name',
  'acronym',
  'country',
  'website',
  'contact_name',
  'email',
  'organization_slug',
  'signed_at',
  'verified_at',
] as const;
export type SignatoryRow = Record<(typeof SIGNATORY_HEADERS)[number], string>;

const BATCH = 500;

/** Every approved signatory of a statement, oldest first, for the editors' CSV and XLSX. */
export async function* signatoryExportRows(db: Db, statementId: number): AsyncGenerator<SignatoryRow> {
  const s = t.openSignOnSubmissions;
  let after = 0;
  for (;;) {
    const rows = await db
      .select({ submission: s, organizationSlug: t.organizations.slug })
      .from(s)
      .leftJoin(t.organizations, eq(t.organizations.id, s.organizationId))
      .where(and(approvedOf(statementId), gt(s.id, after)))
      .orderBy(asc(s.id))
      .limit(BATCH);
    for (const { submission: r, organizationSlug } of rows) {
      yield {
        kind: r.kind,
        name: r.name,
        acronym: r.acronym ?? '',
        country: r.country ?? '',
        website: r.website ?? '',
        contact_name: r.contactName ?? '',
        email: r.email,
        organization_slug: organizationSlug ?? '',
        signed_at: r.createdAt.toISOString(),
        verified_at: r.verifiedAt?.toISOString() ?? '',
      };
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)?.submission.id ?? after;
  }
}

export interface WorkspaceListItem {
  statement: typeof t.statements.$inferSelect;
  settings: typeof t.openSignOnSettings.$inferSelect | null;
  /** Verified signatures waiting for the editors. */
  waiting: number;
}

const statementKeys: SortKey[] = [
  { column: t.statements.date, direction: 'desc' },
  { column: t.statements.slug, direction: 'asc' },
];

/** One page of statements, newest first, with their open sign-on and how many signatures wait for review. */
export async function listOpenSignOn(db: Db, request: PageRequest = {}): Promise<KeysetPage<WorkspaceListItem>> {
  const page = await keysetPage<Omit<WorkspaceListItem, 'waiting'>>({
    keys: statementKeys,
    request,
    size: LIST_PAGE_SIZE,
    keyOf: (row) => [row.statement.date, row.statement.slug],
    fetch: (where, orderBy, limit) =>
      db
        .select({ statement: t.statements, settings: t.openSignOnSettings })
        .from(t.statements)
        .leftJoin(t.openSignOnSettings, eq(t.openSignOnSettings.statementId, t.statements.id))
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
  });
  const ids = page.items.map((row) => row.statement.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ id: t.openSignOnSubmissions.statementId, n: sql<number>`count(*)::int` })
          .from(t.openSignOnSubmissions)
          .where(and(inArray(t.openSignOnSubmissions.statementId, ids), eq(t.openSignOnSubmissions.status, 'verified')))
          .groupBy(t.openSignOnSubmissions.statementId);
  const waiting = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return { ...page, items: page.items.map((row) => ({ ...row, waiting: waiting.get(row.statement.id) ?? 0 })) };
}
