/**
 * The editors' moderation queue: verified signatures, each with its likely duplicates among the
 * statement's other signatures and its likely registry organization, and the decisions on them
 * (approve, reject, mark as spam, merge into another). Duplicates: the same email, the same website,
 * the same acronym, or names as similar as the release importer's threshold (pg_trgm's measure, in
 * JavaScript: lint's `similarity`); registry matches: release-text's `matchOrganization` (names, aliases,
 * acronyms, trigrams) and the website's host. Every decision is version-checked and audited.
 */
import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { canManageOrganizations, canManageSignOn } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { actorOf, updateVersioned } from '../../platform/write.js';
import { similarity } from '../lint/index.js';
import { insertOrganization } from '../registry/index.js';
import { FUZZY_THRESHOLD, matchOrganization } from '../release-text/index.js';
import { statementBySlug } from './settings-service.js';
import { audited, removeOpenSignatory, type Submission } from './submit-service.js';

/** How many verified signatures the queue shows at once (oldest first); the rest follow as these are decided. */
export const QUEUE_SIZE = 50;
/** Signatures compared for duplicates: the statement's live ones, up to this many. */
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

function duplicateReason(a: Submission, b: Submission): DuplicateReason | null {
  if (a.emailKey === b.emailKey) return 'email';
  if (a.website && hostOf(a.website) === hostOf(b.website)) return 'website';
  if (a.acronym && b.acronym && a.acronym.toLowerCase() === b.acronym.toLowerCase()) return 'acronym';
  return similarity(a.name, b.name) >= FUZZY_THRESHOLD ? 'name' : null;
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
          and regexp_replace(regexp_replace(lower(website), '^https?://(www\\.)?', ''), '[/?#].*$', '') = ${host}
        order by id limit 1`,
  );
  return bySite ? { id: Number(bySite.id), slug: bySite.slug, name: bySite.name, how: 'website' } : null;
}

export async function moderationQueue(db: Db, user: UserRow, slug: string): Promise<ModerationQueue> {
  if (!canManageSignOn(user)) throw new Forbidden('Only editors moderate sign-on');
  const statement = await statementBySlug(db, slug);
  const of = eq(t.openSignOnSubmissions.statementId, statement.id);
  const [waiting, live, counted] = await Promise.all([
    db
      .select()
      .from(t.openSignOnSubmissions)
      .where(and(of, eq(t.openSignOnSubmissions.status, 'verified')))
      .orderBy(asc(t.openSignOnSubmissions.id))
      .limit(QUEUE_SIZE),
    db
      .select()
      .from(t.openSignOnSubmissions)
      .where(and(of, inArray(t.openSignOnSubmissions.status, ['verified', 'approved'])))
      .orderBy(asc(t.openSignOnSubmissions.id))
      .limit(COMPARED),
    db
      .select({ status: t.openSignOnSubmissions.status, n: sql<number>`count(*)::int` })
      .from(t.openSignOnSubmissions)
      .where(of)
      .groupBy(t.openSignOnSubmissions.status),
  ]);
  const items: QueueItem[] = [];
  for (const submission of waiting) {
    const duplicates = live.flatMap((other) => {
      if (other.id === submission.id) return [];
      const why = duplicateReason(submission, other);
      return why ? [{ submission: other, why }] : [];
    });
    items.push({ submission, duplicates, registry: await registryCandidate(db, submission) });
  }
  return { items, counts: Object.fromEntries(counted.map((c) => [c.status, Number(c.n)])) };
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
