/**
 * The public side of open sign-on: a signature submitted through the form (kept unverified, its
 * verification mail queued in the same transaction), the verification, and the signer's withdrawal.
 * Links carry a random token whose sha256 alone is stored (platform/secrets.ts, as the accounts' links);
 * a verification link works once and expires after VERIFY_TTL_MS, a withdrawal link until WITHDRAW_TTL_MS.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { countryCodes } from '../../platform/i18n/countries.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { enqueueMail } from '../../platform/outbox/index.js';
import { hashToken, newToken } from '../../platform/secrets.js';
import { resolveText } from '../../platform/text/localized-text.js';
import { isVisibleToPublic } from '../../platform/visibility.js';
import { squash } from '../lint/index.js';
import { closedRefusal, openSignOnIsOpen, readSettings, statementBySlug } from './settings-service.js';

export type Submission = typeof t.openSignOnSubmissions.$inferSelect;
export type SubmissionKind = Submission['kind'];

export const VERIFY_TTL_MS = 48 * 60 * 60 * 1000;
export const WITHDRAW_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** The longest value each field takes (the route's schema holds the body to the same). */
export const FIELD_MAX = { name: 200, acronym: 30, website: 300, contactName: 200, email: 254 } as const;

export interface SubmissionInput {
  slug: string;
  kind: string;
  name: string;
  acronym?: string;
  country?: string;
  website?: string;
  contactName?: string;
  email: string;
  locale: Locale;
}

export interface LinkSettings {
  /** The site's public address (PUENTE_BASE_URL), for the links in the mail. */
  baseUrl: string;
}

export const emailKeyOf = (email: string) => email.trim().toLowerCase();
/** The same organization typed again with other case, accents or punctuation is the same signer. */
export const nameKeyOf = (name: string) => squash(name) || name.trim().toLowerCase();

/** A public statement, or a 404: the sign-on page of a statement that is not public does not exist. */
export async function publicStatementBySlug(db: Db, slug: string, now: Date) {
  const statement = await statementBySlug(db, slug);
  if (!isVisibleToPublic(statement, now)) throw new NotFound(`No statement "${slug}"`);
  return statement;
}

/** What the form's fields become, checked; refused as a whole (nothing written) when anything is wrong. */
function checked(input: SubmissionInput, asked: readonly string[], individualsAllowed: boolean) {
  const problems = new Problems();
  const text = (v: string | undefined) => (v ?? '').trim();
  const kind: SubmissionKind = input.kind === 'individual' ? 'individual' : 'organization';
  if (kind === 'individual' && !individualsAllowed) problems.add('kind', 'workspaceErrOpenSignonNoIndividuals');
  problems.required('name', input.name);
  problems.maxLength('name', input.name, FIELD_MAX.name);
  problems.required('email', input.email);
  problems.optionalEmail('email', text(input.email));
  problems.maxLength('email', input.email, FIELD_MAX.email);
  const ask = (field: string) => asked.includes(field) && (field !== 'acronym' || kind === 'organization');
  const acronym = ask('acronym') ? text(input.acronym) : '';
  problems.maxLength('acronym', acronym, FIELD_MAX.acronym);
  const country = ask('country') ? text(input.country).toUpperCase() : '';
  problems.oneOf('country', country, countryCodes());
  const website = ask('website') ? text(input.website) : '';
  problems.optionalUrl('website', website);
  problems.maxLength('website', website, FIELD_MAX.website);
  const contactName = ask('contactName') ? text(input.contactName) : '';
  problems.maxLength('contactName', contactName, FIELD_MAX.contactName);
  problems.throwIfAny('The signature form has problems');
  return {
    kind,
    name: text(input.name).replace(/\s+/g, ' '),
    acronym: acronym || null,
    country: country || null,
    website: website || null,
    contactName: contactName || null,
    email: text(input.email),
  };
}

export interface Submitted {
  submission: Submission;
  /** false: the same signer had already submitted (the row is theirs, unchanged). */
  created: boolean;
}

/**
 * Records a signature as unverified and queues its verification mail, in one transaction. The same
 * signer again (same statement, email and name key) is the same row, whatever the concurrency: the
 * unique key decides, and a second mail goes only when every earlier verification link has expired.
 */
export async function submitSignature(
  db: Db,
  input: SubmissionInput,
  now: Date,
  links: LinkSettings,
): Promise<Submitted> {
  const statement = await publicStatementBySlug(db, input.slug, now);
  const settings = await readSettings(db, statement.id);
  if (!openSignOnIsOpen(settings, now)) throw closedRefusal(settings, now);
  const values = checked(input, settings?.fields ?? [], settings?.individualsAllowed ?? false);
  const keys = { nameKey: nameKeyOf(values.name), emailKey: emailKeyOf(values.email) };
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(t.openSignOnSubmissions)
      .values({ statementId: statement.id, ...values, ...keys, locale: input.locale, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      await writeAudit(tx, {
        actor: systemActor(`open sign-on: ${keys.emailKey}`),
        at: now,
        entityType: 'open_sign_on_submission',
        entityId: inserted.id,
        action: 'submit',
        after: audited(inserted),
      });
      await sendLinks(tx, inserted, titleIn(statement, input.locale), now, links);
      return { submission: inserted, created: true };
    }
    const [existing] = await tx
      .select()
      .from(t.openSignOnSubmissions)
      .where(
        and(
          eq(t.openSignOnSubmissions.statementId, statement.id),
          eq(t.openSignOnSubmissions.emailKey, keys.emailKey),
          eq(t.openSignOnSubmissions.nameKey, keys.nameKey),
        ),
      );
    if (!existing) throw new Error('open sign-on: the conflicting submission was not found');
    if (existing.status === 'unverified' && !(await hasLiveToken(tx, existing.id, 'verify', now))) {
      await sendLinks(tx, existing, titleIn(statement, existing.locale as Locale), now, links);
    }
    return { submission: existing, created: false };
  });
}

const titleIn = (statement: { title: typeof t.statements.$inferSelect.title }, locale: Locale) =>
  resolveText(statement.title, locale)?.text ?? '';

export const audited = (s: Submission) => ({
  statementId: s.statementId,
  kind: s.kind,
  name: s.name,
  acronym: s.acronym,
  country: s.country,
  website: s.website,
  contactName: s.contactName,
  email: s.email,
  status: s.status,
  mergedInto: s.mergedInto,
  organizationId: s.organizationId,
});

async function hasLiveToken(tx: Db, submissionId: number, purpose: 'verify' | 'withdraw', now: Date) {
  const rows = await tx
    .select({ id: t.openSignOnTokens.id })
    .from(t.openSignOnTokens)
    .where(
      and(
        eq(t.openSignOnTokens.submissionId, submissionId),
        eq(t.openSignOnTokens.purpose, purpose),
        isNull(t.openSignOnTokens.usedAt),
        gt(t.openSignOnTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** A verification link and a withdrawal link, in one mail in the signer's language. */
async function sendLinks(tx: Db, submission: Submission, title: string, now: Date, links: LinkSettings) {
  const verify = newToken();
  const withdraw = newToken();
  await tx.insert(t.openSignOnTokens).values([
    {
      tokenHash: verify.hash,
      submissionId: submission.id,
      purpose: 'verify',
      createdAt: now,
      expiresAt: new Date(now.getTime() + VERIFY_TTL_MS),
    },
    {
      tokenHash: withdraw.hash,
      submissionId: submission.id,
      purpose: 'withdraw',
      createdAt: now,
      expiresAt: new Date(now.getTime() + WITHDRAW_TTL_MS),
    },
  ]);
  const locale = submission.locale as Locale;
  const tr = messages(locale);
  const base = links.baseUrl.replace(/\/$/, '');
  await enqueueMail(
    tx,
    {
      // One mail per pair of links: the verification token's hash names it (never the token itself).
      idempotencyKey: `open-signon-verify:${verify.hash}`,
      kind: 'open-signon-verify',
      to: submission.email,
      subject: tr.openSignonMailSubject(title),
      text: tr.openSignonMailBody({
        name: submission.name,
        title,
        verifyUrl: `${base}/${locale}/open-sign-on/verify/${verify.token}`,
        withdrawUrl: `${base}/${locale}/open-sign-on/withdraw/${withdraw.token}`,
        hours: VERIFY_TTL_MS / 3_600_000,
      }),
      ref: { table: 'open_sign_on_submissions', id: String(submission.id) },
      // The body holds working links: the outbox forgets it once sent.
      forgetBody: true,
    },
    now,
  );
}

/** The submission a link names, if the link is live (unexpired and, for verification, unused). */
export async function submissionOfLink(db: Db, token: string, purpose: 'verify' | 'withdraw', now: Date) {
  const [row] = await db
    .select({ token: t.openSignOnTokens, submission: t.openSignOnSubmissions })
    .from(t.openSignOnTokens)
    .innerJoin(t.openSignOnSubmissions, eq(t.openSignOnSubmissions.id, t.openSignOnTokens.submissionId))
    .where(and(eq(t.openSignOnTokens.tokenHash, hashToken(token)), eq(t.openSignOnTokens.purpose, purpose)));
  const live = row && row.token.expiresAt > now && (purpose === 'withdraw' || row.token.usedAt === null);
  if (!row || !live) throw new Invalid('This link is not valid any more', [], 'openSignonLinkInvalidReason');
  return row;
}

export interface LinkOutcome {
  submission: Submission;
  statement: typeof t.statements.$inferSelect;
}

/** Following the verification link (its confirmation form): unverified → verified, once. */
export async function verifySignature(db: Db, token: string, now: Date): Promise<LinkOutcome> {
  return db.transaction(async (tx) => {
    const { token: link, submission } = await submissionOfLink(tx, token, 'verify', now);
    // Used in the same statement that checks it is unused: two clicks at once verify once.
    const used = await tx
      .update(t.openSignOnTokens)
      .set({ usedAt: now })
      .where(and(eq(t.openSignOnTokens.id, link.id), isNull(t.openSignOnTokens.usedAt)))
      .returning({ id: t.openSignOnTokens.id });
    if (used.length === 0) throw new Invalid('This link was already used', [], 'openSignonLinkInvalidReason');
    const [statement] = await tx.select().from(t.statements).where(eq(t.statements.id, submission.statementId));
    if (!statement) throw new NotFound('The statement is gone');
    if (submission.status !== 'unverified') return { submission, statement };
    const after = await changeStatus(tx, submission, { status: 'verified', verifiedAt: now }, 'verify', now);
    return { submission: after, statement };
  });
}

/** Following the withdrawal link: the signature is taken back, from the public list too. */
export async function withdrawOpenSignature(db: Db, token: string, now: Date): Promise<LinkOutcome> {
  return db.transaction(async (tx) => {
    const { token: link, submission } = await submissionOfLink(tx, token, 'withdraw', now);
    await tx.update(t.openSignOnTokens).set({ usedAt: now }).where(eq(t.openSignOnTokens.id, link.id));
    const [statement] = await tx.select().from(t.statements).where(eq(t.statements.id, submission.statementId));
    if (!statement) throw new NotFound('The statement is gone');
    if (submission.status === 'withdrawn') return { submission, statement };
    if (submission.status === 'approved') await removeOpenSignatory(tx, submission);
    const after = await changeStatus(tx, submission, { status: 'withdrawn' }, 'withdraw', now);
    return { submission: after, statement };
  });
}

/** A change of status by the signer, with its audit row (the actor is the signer's address). */
async function changeStatus(
  tx: Db,
  before: Submission,
  set: Partial<Submission>,
  action: string,
  now: Date,
): Promise<Submission> {
  const [after] = await tx
    .update(t.openSignOnSubmissions)
    .set({ ...set, version: before.version + 1, updatedAt: now })
    .where(eq(t.openSignOnSubmissions.id, before.id))
    .returning();
  if (!after) throw new NotFound('The signature is gone');
  await writeAudit(tx, {
    actor: systemActor(`open sign-on: ${before.emailKey}`),
    at: now,
    entityType: 'open_sign_on_submission',
    entityId: before.id,
    action,
    before: { ...audited(before), version: before.version },
    after: { ...audited(after), version: after.version },
  });
  return after;
}

/** An approved signature linked to a registry organization leaves the statement's signatories (sign-on's only). */
export async function removeOpenSignatory(tx: Db, submission: Submission): Promise<void> {
  if (submission.organizationId === null) return;
  await tx
    .delete(t.signatories)
    .where(
      and(
        eq(t.signatories.statementId, submission.statementId),
        eq(t.signatories.organizationId, submission.organizationId),
        eq(t.signatories.role, 'signatory'),
      ),
    );
}
