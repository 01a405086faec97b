/**
 * The public side of open sign-on: a signature submitted through the form (kept unverified, its
 * verification mail queued in the same transaction), the verification, and the signer's withdrawal.
 * Links carry a random token whose sha256 alone is stored (platform/secrets.ts, as the accounts' links);
 * a verification link works once and expires after VERIFY_TTL_MS, a withdrawal link until WITHDRAW_TTL_MS.
 */
import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import { auditRow, systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { insertFrom } from '../../platform/db/insert-from.js';
import * as t from '../../platform/db/schema/index.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { countryCodes } from '../../platform/i18n/countries.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { enqueueMail, type OutgoingMail, outboxRow, wakeOutboxSenders } from '../../platform/outbox/index.js';
import { hashToken, newToken } from '../../platform/secrets.js';
import { resolveText } from '../../platform/text/localized-text.js';
import { isVisibleToPublic, publicStatementsCondition } from '../../platform/visibility.js';
import { type NewFile, storeFile } from '../files/index.js';
import { squash } from '../lint/index.js';
import { matchKey } from '../release-text/index.js';
import { closedRefusal, openSignOnIsOpen, statementWithSettings } from './settings-service.js';

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
  /** The logo file, already checked by inspectUpload (the route refuses a bad one before this is called). */
  logo?: NewFile | null;
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
  return (await publicStatementWithSettings(db, slug, now)).statement;
}

/** A public statement (or a 404) and its sign-on settings, in one query. */
export async function publicStatementWithSettings(db: Db, slug: string, now: Date) {
  const found = await statementWithSettings(db, slug);
  if (!isVisibleToPublic(found.statement, now)) throw new NotFound(`No statement "${slug}"`);
  return found;
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
 * Records a signature as unverified and queues its verification mail. The same signer again (same
 * statement, email and name key) is the same row, whatever the concurrency: the unique key decides, and a
 * second mail goes only when every earlier verification link has expired.
 *
 * A new signer costs one statement: the row, its two links, its audit row and its mail are written by
 * data-modifying CTEs hanging from the insert (atomic as one statement; when the unique key refuses the
 * insert, nothing else is written). This is the path a campaign's 1,000 sign-ons take at once.
 */
export async function submitSignature(
  db: Db,
  input: SubmissionInput,
  now: Date,
  links: LinkSettings,
): Promise<Submitted> {
  // Only what a post needs: not the statement's text, which the form page shows but a post never reads.
  const [target] = await db
    .select({ statement: { id: t.statements.id, title: t.statements.title }, settings: t.openSignOnSettings })
    .from(t.statements)
    .leftJoin(t.openSignOnSettings, eq(t.openSignOnSettings.statementId, t.statements.id))
    .where(and(eq(t.statements.slug, input.slug), publicStatementsCondition(now)));
  if (!target) throw new NotFound(`No statement "${input.slug}"`);
  const { statement, settings } = target;
  if (!openSignOnIsOpen(settings, now)) throw closedRefusal(settings, now);
  const values = checked(input, settings?.fields ?? [], settings?.individualsAllowed ?? false);
  const keys = { nameKey: nameKeyOf(values.name), emailKey: emailKeyOf(values.email) };
  // A logo only when the form asks for one. Files are content-addressed, so storing it before the row is
  // harmless if the row turns out to exist already: the same bytes are one row, visible to no one.
  const asksLogo = (settings?.fields ?? []).includes('logo');
  const logoSha256 = asksLogo && input.logo ? await storeFile(db, input.logo, null, now) : null;
  const row = {
    statementId: statement.id,
    ...values,
    logoSha256,
    ...keys,
    locale: input.locale,
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await insertWithLinks(db, row, titleIn(statement, input.locale), now, links);
  if (inserted) return { submission: inserted, created: true };
  // The same signer again: their row, unchanged; a new pair of links only when no live one is left.
  const [found] = await db
    .select({ submission: t.openSignOnSubmissions, live: liveToken(t.openSignOnSubmissions.id, 'verify', now) })
    .from(t.openSignOnSubmissions)
    .where(
      and(
        eq(t.openSignOnSubmissions.statementId, statement.id),
        eq(t.openSignOnSubmissions.emailKey, keys.emailKey),
        eq(t.openSignOnSubmissions.nameKey, keys.nameKey),
      ),
    );
  if (!found) throw new Error('open sign-on: the conflicting submission was not found');
  const existing = found.submission;
  if (existing.status === 'unverified' && !found.live) {
    await db.transaction((tx) => sendLinks(tx, existing, titleIn(statement, existing.locale as Locale), now, links));
  }
  return { submission: existing, created: false };
}

/** The new row with its links, audit row and mail in one statement; null when the signer's row exists. */
async function insertWithLinks(
  db: Db,
  row: ReturnType<typeof checked> & {
    statementId: number;
    logoSha256: string | null;
    nameKey: string;
    emailKey: string;
    locale: Locale;
    createdAt: Date;
    updatedAt: Date;
  },
  title: string,
  now: Date,
  links: LinkSettings,
): Promise<Submission | null> {
  const inserted = db.$with('inserted').as(
    db
      .insert(t.openSignOnSubmissions)
      .values({ ...row, nameMatch: matchKey(sql`${row.name}`) })
      .onConflictDoNothing()
      .returning(),
  );
  const id = sql`${sql.identifier('inserted')}.${sql.identifier('id')}`;
  const idText = sql`${id}::text`;
  const mail = linksMail(row, title, now, links);
  const audit = auditRow({
    actor: systemActor(`open sign-on: ${row.emailKey}`),
    at: now,
    entityType: 'open_sign_on_submission',
    entityId: 0,
    action: 'submit',
    after: audited({ ...row, status: 'unverified', mergedInto: null, organizationId: null }),
  });
  const from = sql`${inserted}`;
  const written = (name: string, statement: SQL) => db.$with(name, {}).as(statement);
  const [submission] = await db
    .with(
      inserted,
      written(
        'tokens',
        insertFrom(
          t.openSignOnTokens,
          mail.tokens.map((token) => ({ ...token, submissionId: id })),
          from,
        ),
      ),
      written('audit', insertFrom(t.auditLog, [{ ...audit, entityId: idText }], from)),
      written(
        'mail',
        insertFrom(
          t.mailOutbox,
          [{ ...outboxRow(mail.mail, now), refId: idText }],
          from,
          sql` on conflict (${sql.identifier('idempotency_key')}) do nothing`,
        ),
      ),
    )
    .select()
    .from(inserted);
  if (!submission) return null;
  wakeOutboxSenders();
  return submission;
}

const titleIn = (statement: { title: typeof t.statements.$inferSelect.title }, locale: Locale) =>
  resolveText(statement.title, locale)?.text ?? '';

type AuditedFields = Pick<
  Submission,
  | 'statementId'
  | 'kind'
  | 'name'
  | 'acronym'
  | 'country'
  | 'website'
  | 'contactName'
  | 'email'
  | 'logoSha256'
  | 'status'
  | 'mergedInto'
  | 'organizationId'
>;

export const audited = (s: AuditedFields) => ({
  statementId: s.statementId,
  kind: s.kind,
  name: s.name,
  acronym: s.acronym,
  country: s.country,
  website: s.website,
  contactName: s.contactName,
  email: s.email,
  logoSha256: s.logoSha256,
  status: s.status,
  mergedInto: s.mergedInto,
  organizationId: s.organizationId,
});

/** Whether the submission has a link of this purpose still unused and unexpired (an SQL boolean). */
function liveToken(submissionId: typeof t.openSignOnSubmissions.id, purpose: 'verify' | 'withdraw', now: Date) {
  const tokens = t.openSignOnTokens;
  return sql<boolean>`exists (select 1 from ${tokens} where ${and(
    eq(tokens.submissionId, submissionId),
    eq(tokens.purpose, purpose),
    isNull(tokens.usedAt),
    gt(tokens.expiresAt, now),
  )})`;
}

/** A verification link and a withdrawal link, in one mail in the signer's language. */
async function sendLinks(tx: Db, submission: Submission, title: string, now: Date, links: LinkSettings) {
  const { tokens, mail } = linksMail({ ...submission, locale: submission.locale as Locale }, title, now, links);
  await tx.insert(t.openSignOnTokens).values(tokens.map((token) => ({ ...token, submissionId: submission.id })));
  await enqueueMail(tx, { ...mail, ref: { table: 'open_sign_on_submissions', id: String(submission.id) } }, now);
}

/** The two links' token rows (without their submission) and the mail that carries them. */
function linksMail(
  signer: { email: string; name: string; locale: Locale },
  title: string,
  now: Date,
  links: LinkSettings,
) {
  const verify = newToken();
  const withdraw = newToken();
  const tokens = [
    {
      tokenHash: verify.hash,
      purpose: 'verify' as const,
      createdAt: now,
      expiresAt: new Date(now.getTime() + VERIFY_TTL_MS),
    },
    {
      tokenHash: withdraw.hash,
      purpose: 'withdraw' as const,
      createdAt: now,
      expiresAt: new Date(now.getTime() + WITHDRAW_TTL_MS),
    },
  ];
  const locale = signer.locale;
  const tr = messages(locale);
  const base = links.baseUrl.replace(/\/$/, '');
  const mail: OutgoingMail = {
    // One mail per pair of links: the verification token's hash names it (never the token itself).
    idempotencyKey: `open-signon-verify:${verify.hash}`,
    kind: 'open-signon-verify',
    to: signer.email,
    subject: tr.openSignonMailSubject(title),
    text: tr.openSignonMailBody({
      name: signer.name,
      title,
      verifyUrl: `${base}/${locale}/open-sign-on/verify/${verify.token}`,
      withdrawUrl: `${base}/${locale}/open-sign-on/withdraw/${withdraw.token}`,
      hours: VERIFY_TTL_MS / 3_600_000,
    }),
    ref: { table: 'open_sign_on_submissions', id: '' },
    // The body holds working links: the outbox forgets it once sent.
    forgetBody: true,
  };
  return { tokens, mail };
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
