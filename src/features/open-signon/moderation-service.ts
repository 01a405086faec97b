/**
 * The editors' moderation queue: verified signatures, each with its likely duplicates among the
 * statement's other signatures and its likely registry organization, and the decisions on them
 * (approve, reject, mark as spam, merge into another). Duplicates: the same email, the same website,
 * the same acronym, or names as similar as the release importer's threshold (pg_trgm, in the database:
 * duplicatesOf); registry matches: release-text's `matchOrganization` (names, aliases,
 * acronyms, trigrams) and the website's host. Every decision is version-checked and audited.
 */
import { and, asc, eq, inArray, max, ne, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { canManageOrganizations, canManageSignOn } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { actorOf, updateVersioned } from '../../platform/write.js';
import { setOrganizationLogo, storedFile } from '../files/index.js';
import { insertOrganization } from '../registry/index.js';
import { FUZZY_THRESHOLD, matchOrganization } from '../release-text/index.js';
import { statementBySlug } from './settings-service.js';
import { audited, removeOpenSignatory, type Submission } from './submit-service.js';

/** How many verified signatures the queue shows at once (oldest first); the rest follow as these are decided. */
export const QUEUE_SIZE = 50;
/** Duplicate pairs shown for one page of the queue, at most (a flood of one name stays bounded). */
const COMPARED = 5000;

export interface RegistryCandidate {
  id: number;
  slug: string;
  name: string;
  how: string;
}

export interface QueueItem {
  submission: Submission;
  duplicates: { submission: Submission; why: DuplicateReason }[];
  registry: RegistryCandidate | null;
}

export type DuplicateReason = 'email' | 'website' | 'acronym' | 'name';

export interface ModerationQueue {
  items: QueueItem[];
  counts: Partial<Record<Submission['status'], number>>;
}

export const hostOf = (site: string | null) =>
  site
    ? site
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/[/?#].*$/, '')
    : '';

/** hostOf in SQL: the same host the same way, so a website names one organization whatever its spelling. */
const hostSql = (column: SQL) =>
  sql`regexp_replace(regexp_replace(lower(${column}), '^(https?://)?(www\\.)?', ''), '[/?#].*$', '')`;

/**
 * The likely duplicates of some waiting signatures among their statement's live ones (verified or
 * approved), found by the database: the same email key, website host or acronym (equality joins within
 * the statement), or a name as similar as the importer's threshold (pg_trgm's `%`, which the name_match
 * trigram index answers, then `similarity` for the same measure). Each pair once, with its strongest reason.
 */
async function duplicatesOf(db: Db, waiting: Submission[]): Promise<Map<number, QueueItem['duplicates']>> {
  const found = new Map<number, QueueItem['duplicates']>();
  if (waiting.length === 0) return found;
  const s = t.openSignOnSubmissions;
  const ids = sql`${`{${waiting.map((w) => w.id).join(',')}}`}::int[]`;
  // One branch per reason, so each is answered by its own join (the name's by the trigram index) rather
  // than every pair of the statement tested against all four; the strongest reason of a pair wins.
  const branch = (rank: number, why: DuplicateReason, on: SQL) => sql`
    select w.id as waiting_id, o.id as other_id, ${rank}::int as rank, ${why}::text as why
    from ${s} w join ${s} o on o.statement_id = w.statement_id and ${on}
    where w.id = any(${ids}) and o.id <> w.id and o.status in ('verified', 'approved')`;
  const pairs = await db.transaction(async (tx) => {
    // `%` compares at this threshold (for this transaction only).
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`);
    return queryRows<{ waiting_id: number; other_id: number; why: DuplicateReason }>(
      tx,
      sql`select distinct on (waiting_id, other_id) waiting_id, other_id, why from (
        ${branch(1, 'email', sql`o.email_key = w.email_key`)}
        union all ${branch(2, 'website', sql`w.website is not null and ${hostSql(sql`o.website`)} = ${hostSql(sql`w.website`)}`)}
        union all ${branch(3, 'acronym', sql`lower(o.acronym) = lower(w.acronym)`)}
        union all ${branch(4, 'name', sql`o.name_match % w.name_match and similarity(o.name_match, w.name_match) >= ${FUZZY_THRESHOLD}`)}
      ) pairs order by waiting_id, other_id, rank limit ${COMPARED}`,
    );
  });
  const otherIds = [...new Set(pairs.map((p) => Number(p.other_id)))];
  const others = otherIds.length === 0 ? [] : await db.select().from(s).where(inArray(s.id, otherIds));
  const byId = new Map(others.map((o) => [o.id, o]));
  for (const pair of pairs) {
    const submission = byId.get(Number(pair.other_id));
    if (!submission) continue;
    const list = found.get(Number(pair.waiting_id)) ?? [];
    list.push({ submission, why: pair.why });
    found.set(Number(pair.waiting_id), list);
  }
  return found;
}

async function registryCandidate(db: Db, s: Submission): Promise<RegistryCandidate | null> {
  if (s.kind !== 'organization') return null;
  const byName = (await matchOrganization(db, s.name)) ?? (s.acronym ? await matchOrganization(db, s.acronym) : null);
  if (byName) return { id: byName.id, slug: byName.slug, name: byName.name, how: byName.how };
  const host = hostOf(s.website);
  if (!host) return null;
  const [bySite] = await queryRows<{ id: number; slug: string; name: string }>(
    db,
    sql`select id, slug, name from organizations
        where website is not null and archived_at is null
          and ${hostSql(sql`website`)} = ${host}
        order by id limit 1`,
  );
  return bySite ? { id: Number(bySite.id), slug: bySite.slug, name: bySite.name, how: 'website' } : null;
}

export async function moderationQueue(db: Db, user: UserRow, slug: string): Promise<ModerationQueue> {
  if (!canManageSignOn(user)) throw new Forbidden('Only editors moderate sign-on');
  const statement = await statementBySlug(db, slug);
  const of = eq(t.openSignOnSubmissions.statementId, statement.id);
  const [waiting, counted] = await Promise.all([
    db
      .select()
      .from(t.openSignOnSubmissions)
      .where(and(of, eq(t.openSignOnSubmissions.status, 'verified')))
      .orderBy(asc(t.openSignOnSubmissions.id))
      .limit(QUEUE_SIZE),
    db
      .select({ status: t.openSignOnSubmissions.status, n: sql<number>`count(*)::int` })
      .from(t.openSignOnSubmissions)
      .where(of)
      .groupBy(t.openSignOnSubmissions.status),
  ]);
  const duplicates = await duplicatesOf(db, waiting);
  const items: QueueItem[] = [];
  for (const submission of waiting) {
    const registry = await registryCandidate(db, submission);
    items.push({ submission, duplicates: duplicates.get(submission.id) ?? [], registry });
  }
  return { items, counts: Object.fromEntries(counted.map((c) => [c.status, Number(c.n)])) };
}

/** The hash of the logo a signature of this statement was sent with, or a 404 (no such signature, or no logo). */
export async function submissionLogo(db: Db, slug: string, id: number): Promise<string> {
  const statement = await statementBySlug(db, slug);
  const [row] = await db
    .select({ logo: t.openSignOnSubmissions.logoSha256 })
    .from(t.openSignOnSubmissions)
    .where(and(eq(t.openSignOnSubmissions.id, id), eq(t.openSignOnSubmissions.statementId, statement.id)));
  if (!row?.logo) throw new NotFound(`No logo for signature ${id} of "${slug}"`);
  return row.logo;
}

export type Decision = 'approve' | 'reject' | 'spam' | 'merge';

export interface DecisionInput {
  slug: string;
  id: number;
  version: number;
  decision: Decision;
  /** merge: the signature this one duplicates. */
  mergeInto?: number;
  /** approve: the registry organization it stands for (a slug), or none. */
  organizationSlug?: string;
  /** approve without a registry organization: add one from what was submitted (registry managers only). */
  addToRegistry?: boolean;
  /** approve with an organization: it joins the statement's (and so its release's) signatories. */
  addToSignatories?: boolean;
}

const NEXT_STATUS: Record<Decision, Submission['status']> = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
  merge: 'merged',
};

/** Which statuses each decision applies to: verified ones, or reversing an earlier decision. */
const DECIDABLE: Submission['status'][] = ['verified', 'approved', 'rejected', 'spam'];

export async function decideSubmission(db: Db, user: UserRow, input: DecisionInput, now: Date): Promise<Submission> {
  if (!canManageSignOn(user)) throw new Forbidden('Only editors moderate sign-on');
  return db.transaction(async (tx) => {
    const statement = await statementBySlug(tx, input.slug);
    const [before] = await tx
      .select()
      .from(t.openSignOnSubmissions)
      .where(and(eq(t.openSignOnSubmissions.id, input.id), eq(t.openSignOnSubmissions.statementId, statement.id)));
    if (!before) throw new NotFound(`No signature ${input.id} for "${input.slug}"`);
    if (before.version === input.version && !DECIDABLE.includes(before.status)) {
      throw new Invalid(`This signature is ${before.status}`, [], 'openSignonNotDecidableReason');
    }
    const set: Partial<Submission> = { status: NEXT_STATUS[input.decision], decidedBy: user.id, mergedInto: null };
    if (input.decision === 'merge') set.mergedInto = await mergeTarget(tx, before, input.mergeInto);
    if (input.decision === 'approve') set.organizationId = await organizationFor(tx, user, before, input, now);
    return updateVersioned<Submission>(tx, {
      table: t.openSignOnSubmissions,
      before,
      seenVersion: input.version,
      set,
      entityType: 'open_sign_on_submission',
      what: 'signature',
      action: `${input.decision}_open_sign_on`,
      actor: actorOf(user),
      now,
      audited,
      alongside: async (after) => {
        if (before.status === 'approved') await removeOpenSignatory(tx, before);
        if (after.status === 'approved' && after.organizationId !== null && input.addToSignatories) {
          await addSignatory(tx, after.statementId, after.organizationId);
        }
      },
    });
  });
}

async function mergeTarget(tx: Db, before: Submission, into: number | undefined): Promise<number> {
  const [target] = into
    ? await tx
        .select()
        .from(t.openSignOnSubmissions)
        .where(
          and(
            eq(t.openSignOnSubmissions.id, into),
            eq(t.openSignOnSubmissions.statementId, before.statementId),
            ne(t.openSignOnSubmissions.id, before.id),
            inArray(t.openSignOnSubmissions.status, ['verified', 'approved']),
          ),
        )
    : [];
  if (!target) {
    throw new Invalid(
      'Choose a signature of this statement to merge into',
      [{ field: 'mergeInto', problem: 'workspaceErrChoice' }],
      'openSignonMergeTargetReason',
    );
  }
  return target.id;
}

/** The registry organization an approval links: the one chosen, a new one, or none. */
async function organizationFor(
  tx: Db,
  user: UserRow,
  s: Submission,
  input: DecisionInput,
  now: Date,
): Promise<number | null> {
  if (input.organizationSlug) {
    const [org] = await tx
      .select({ id: t.organizations.id })
      .from(t.organizations)
      .where(eq(t.organizations.slug, input.organizationSlug));
    if (!org) {
      throw new Invalid(
        `No organization "${input.organizationSlug}" in the registry`,
        [{ field: 'organization', problem: 'workspaceErrChoice' }],
        'openSignonUnknownOrganizationReason',
      );
    }
    return org.id;
  }
  if (!input.addToRegistry || s.kind !== 'organization') return s.organizationId;
  if (!canManageOrganizations(user)) throw new Forbidden('Only administrators add organizations to the registry');
  const org = await insertOrganization(
    tx,
    { name: s.name, acronym: s.acronym, country: s.country, website: s.website },
    user,
    now,
  );
  // The logo sent with the signature becomes the new organization's, through the logo upload's own
  // write (its version check and `set_logo` audit row), as if the editor had uploaded it.
  const logo = s.logoSha256 ? await storedFile(tx, s.logoSha256) : null;
  if (logo) {
    await setOrganizationLogo(tx, { slug: org.slug, version: org.version, file: logo }, user, now);
  }
  return org.id;
}

async function addSignatory(tx: Db, statementId: number, organizationId: number): Promise<void> {
  const [last] = await tx
    .select({ position: max(t.signatories.position) })
    .from(t.signatories)
    .where(eq(t.signatories.statementId, statementId));
  await tx
    .insert(t.signatories)
    .values({ statementId, organizationId, role: 'signatory', position: (last?.position ?? 0) + 1 })
    .onConflictDoNothing();
}
