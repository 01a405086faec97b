/**
 * Sending a release to press lists through the outbox (platform/outbox): one message per recipient,
 * queued in the transaction that records the send, with the idempotency key `press-send:{send}:{contact}`
 * and `sendAfter` at the lift, so the outbox holds it until then and sends each at most once.
 *
 * Who gets it is decided here, once, by the one visibility rule (`releaseMaySendTo`): at the lift or
 * now, anyone on the chosen lists; under embargo, only the trusted contacts chosen by hand. Inactive
 * (unsubscribed, bounced) and suppressed addresses get nothing; the outbox checks suppressions again
 * just before sending, so an unsubscribe after scheduling is honoured too.
 *
 * Changing or cancelling a scheduled send before its `sendAfter` deletes its messages still queued and,
 * for a change, queues the new recipients under the same keys: whoever was already sent one keeps
 * that row, so nobody gets it twice.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import {
  cancelQueued,
  enqueueMail,
  type OutgoingMail,
  outboxStatus,
  suppressedAmong,
} from '../../platform/outbox/index.js';
import { canManagePress, type PolicyUser } from '../../platform/policy.js';
import { releaseMaySendTo, releaseVisibility } from '../../platform/visibility.js';
import { actorOf, assertAllowed, type Editor, staleWrite, type Tx } from '../../platform/write.js';
import { unsubscribeLink } from '../mail-preferences/index.js';
import { getRelease } from '../releases/index.js';
import type { ContactRow } from './contacts-service.js';
import { membershipCondition } from './lists-service.js';
import { type MailTemplate, mailLocale, personalize, renderReleaseMail, type SendMode } from './mail-render.js';

export type SendRow = typeof t.pressSends.$inferSelect;
type ReleaseRow = typeof t.releases.$inferSelect;

export const SEND_MODES = ['lift', 'now', 'embargo'] as const;
export const NOTE_MAX = 4000;
export const REF_TABLE = 'press_sends';

export interface SendForm {
  release: string;
  mode: string;
  note: string;
  listIds: number[];
  /** Under embargo: trusted contacts chosen by hand. */
  contactIds: number[];
}

export interface SendOptions {
  baseUrl: string;
  now: Date;
}

async function releaseAndStatement(db: Db, slug: string) {
  const [release] = await db.select().from(t.releases).where(eq(t.releases.slug, slug));
  if (!release) return null;
  const [statement] = release.statementId
    ? await db.select().from(t.statements).where(eq(t.statements.id, release.statementId))
    : [];
  return { release, statement: statement ?? null };
}

/** The mode offered first: at the lift for a release still under embargo, else now. */
export function defaultMode(release: ReleaseRow, now: Date): SendMode {
  return release.embargoedUntil && release.embargoedUntil > now ? 'lift' : 'now';
}

/** The languages a release is written in (its headline), for choosing each recipient's version. */
export function writtenLocales(release: ReleaseRow): Locale[] {
  const written = LOCALES.filter((l) => (release.headline[l]?.text ?? '').trim() !== '');
  return written.length ? written : ['en'];
}

interface Plan {
  release: ReleaseRow;
  mode: SendMode;
  sendAfter: Date;
  note: string;
  listIds: number[];
  contactIds: number[];
  recipients: ContactRow[];
}

/** Checks a send form and works out who gets what when; throws `Invalid` naming each field. */
export async function planSend(db: Db, user: PolicyUser, form: SendForm, now: Date): Promise<Plan> {
  assertAllowed(canManagePress(user));
  const problems = new Problems();
  const found = form.release ? await releaseAndStatement(db, form.release) : null;
  if (!found) problems.add('release', 'workspaceErrChoice');
  problems.oneOf('mode', form.mode, SEND_MODES);
  problems.maxLength('note', form.note, NOTE_MAX);
  const mode = (SEND_MODES as readonly string[]).includes(form.mode) ? (form.mode as SendMode) : 'now';
  let sendAfter = now;
  if (found) {
    const { release, statement } = found;
    const state = releaseVisibility(release, statement, now);
    if (state === 'draft' || state === 'withdrawn') problems.add('release', 'workspaceErrPressReleaseNotSendable');
    const lift = release.embargoedUntil;
    if (mode === 'lift') {
      if (!lift || lift <= now) problems.add('mode', 'workspaceErrPressNoLiftAhead');
      else sendAfter = lift;
    }
    if (mode === 'now' && state === 'embargoed') problems.add('mode', 'workspaceErrPressStillEmbargoed');
    if (mode === 'embargo' && state !== 'embargoed') problems.add('mode', 'workspaceErrPressNotEmbargoed');
  }
  if (mode === 'embargo') {
    if (form.contactIds.length === 0) problems.add('contacts', 'workspaceErrPressChooseTrusted');
  } else if (form.listIds.length === 0) problems.add('lists', 'workspaceErrPressChooseList');
  problems.throwIfAny();
  const { release, statement } = found!;

  const c = t.pressContacts;
  let candidates: ContactRow[];
  if (mode === 'embargo') {
    candidates = await db.select().from(c).where(inArray(c.id, form.contactIds));
    if (candidates.some((contact) => !contact.trusted)) {
      problems.add('contacts', 'workspaceErrPressNotTrusted');
      problems.throwIfAny();
    }
  } else {
    const lists = await db.select().from(t.pressLists).where(inArray(t.pressLists.id, form.listIds));
    if (lists.length !== new Set(form.listIds).size) {
      problems.add('lists', 'workspaceErrChoice');
      problems.throwIfAny();
    }
    candidates = await db
      .select()
      .from(c)
      .where(or(...lists.map(membershipCondition)))
      .orderBy(c.id);
  }
  const suppressed = await suppressedAmong(
    db,
    candidates.map((contact) => contact.email),
  );
  const recipients = candidates.filter(
    (contact) =>
      contact.status === 'active' &&
      !suppressed.has(contact.email.trim().toLowerCase()) &&
      releaseMaySendTo(release, statement, sendAfter, contact),
  );
  return {
    release,
    mode,
    sendAfter,
    note: form.note.trim(),
    listIds: [...new Set(form.listIds)],
    contactIds: mode === 'embargo' ? [...new Set(form.contactIds)] : [],
    recipients,
  };
}

/** The mail of each language this plan needs, rendered as the release will read at `sendAfter`. */
async function templatesFor(db: Db, plan: Plan, options: SendOptions, locales: Locale[]) {
  // Rendered as of the send instant: a statement public at the lift is linked from the release.
  const source = await getRelease(db, plan.release.slug, plan.sendAfter);
  const templates = new Map<Locale, MailTemplate>();
  for (const locale of locales) {
    templates.set(
      locale,
      await renderReleaseMail(source, locale, { baseUrl: options.baseUrl, note: plan.note, mode: plan.mode }),
    );
  }
  return templates;
}

async function queueRecipients(tx: Tx, send: SendRow, plan: Plan, options: SendOptions): Promise<void> {
  const written = writtenLocales(plan.release);
  const localeOf = new Map(plan.recipients.map((r) => [r.id, mailLocale(r.languages, written)]));
  const templates = await templatesFor(tx, plan, options, [...new Set(localeOf.values())]);
  const mails: OutgoingMail[] = [];
  for (const contact of plan.recipients) {
    const locale = localeOf.get(contact.id)!;
    const url = await unsubscribeLink(tx, options.baseUrl, locale, contact.email);
    const mail = personalize(templates.get(locale)!, url);
    mails.push({
      idempotencyKey: `press-send:${send.id}:${contact.id}`,
      to: contact.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      kind: 'release',
      sendAfter: plan.sendAfter,
      unsubscribe: { url },
      ref: { table: REF_TABLE, id: String(send.id) },
    });
  }
  await enqueueMail(tx, mails, options.now);
}

const auditedSend = (plan: Plan) => ({
  releaseId: plan.release.id,
  mode: plan.mode,
  note: plan.note,
  sendAfter: plan.sendAfter,
  listIds: plan.listIds,
  contactIds: plan.contactIds,
  recipients: plan.recipients.length,
});

/** Records a send and queues its messages, in one transaction. */
export async function createSend(db: Db, user: Editor, form: SendForm, options: SendOptions): Promise<SendRow> {
  return db.transaction(async (tx) => {
    const plan = await planSend(tx, user, form, options.now);
    const [send] = await tx
      .insert(t.pressSends)
      .values({
        releaseId: plan.release.id,
        mode: plan.mode,
        note: plan.note,
        sendAfter: plan.sendAfter,
        listIds: plan.listIds,
        contactIds: plan.contactIds,
        recipients: plan.recipients.length,
        createdBy: user.id,
        createdAt: options.now,
        updatedAt: options.now,
      })
      .returning();
    await queueRecipients(tx, send!, plan, options);
    await writeAudit(tx, {
      actor: actorOf(user),
      at: options.now,
      entityType: 'press_send',
      entityId: send!.id,
      action: 'create',
      before: null,
      after: { ...auditedSend(plan), version: 1 },
    });
    return send!;
  });
}

export async function getSend(db: Db, user: PolicyUser, id: number): Promise<SendRow & { releaseSlug: string }> {
  assertAllowed(canManagePress(user));
  const [row] = await db
    .select({ send: t.pressSends, releaseSlug: t.releases.slug })
    .from(t.pressSends)
    .innerJoin(t.releases, eq(t.releases.id, t.pressSends.releaseId))
    .where(eq(t.pressSends.id, id));
  if (!row) throw new NotFound(`No press send ${id}`);
  return { ...row.send, releaseSlug: row.releaseSlug };
}

/** A send may change or be cancelled while it is scheduled and its messages may not leave yet. */
export function isChangeable(send: SendRow, now: Date): boolean {
  return send.state === 'scheduled' && send.sendAfter > now;
}

async function lockForChange(tx: Tx, user: Editor, id: number, seenVersion: number, now: Date) {
  const send = await getSend(tx, user, id);
  const [locked] = await tx
    .update(t.pressSends)
    .set({ version: send.version + 1, updatedAt: now })
    .where(and(eq(t.pressSends.id, id), eq(t.pressSends.version, seenVersion)))
    .returning();
  if (!locked)
    throw await staleWrite(tx, {
      entityType: 'press_send',
      entityId: id,
      seenVersion,
      version: send.version,
      what: 'send',
    });
  if (!isChangeable(send, now)) {
    const problems = new Problems();
    problems.add('mode', 'workspaceErrPressSendNotChangeable');
    problems.throwIfAny();
  }
  return { send, locked };
}

/** Deletes the messages of a send that are still waiting (none has left: they are `queued`). */
async function dropQueued(tx: Tx, sendId: number): Promise<void> {
  await cancelQueued(tx, { table: REF_TABLE, id: String(sendId) });
}

export async function cancelSend(db: Db, user: Editor, id: number, seenVersion: number, now: Date): Promise<void> {
  assertAllowed(canManagePress(user));
  await db.transaction(async (tx) => {
    const { send } = await lockForChange(tx, user, id, seenVersion, now);
    await dropQueued(tx, id);
    await tx.update(t.pressSends).set({ state: 'cancelled' }).where(eq(t.pressSends.id, id));
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'press_send',
      entityId: id,
      action: 'cancel',
      before: { state: send.state, version: send.version },
      after: { state: 'cancelled', version: send.version + 1 },
    });
  });
}

/** A new note, lists, mode or trusted contacts for a scheduled send: its waiting messages are replaced. */
export async function changeSend(
  db: Db,
  user: Editor,
  id: number,
  form: Omit<SendForm, 'release'>,
  seenVersion: number,
  options: SendOptions,
): Promise<void> {
  assertAllowed(canManagePress(user));
  await db.transaction(async (tx) => {
    const { send, locked } = await lockForChange(tx, user, id, seenVersion, options.now);
    const plan = await planSend(tx, user, { ...form, release: send.releaseSlug }, options.now);
    await dropQueued(tx, id);
    await tx
      .update(t.pressSends)
      .set({
        mode: plan.mode,
        note: plan.note,
        sendAfter: plan.sendAfter,
        listIds: plan.listIds,
        contactIds: plan.contactIds,
        recipients: plan.recipients.length,
      })
      .where(eq(t.pressSends.id, id));
    await queueRecipients(tx, locked, plan, options);
    await writeAudit(tx, {
      actor: actorOf(user),
      at: options.now,
      entityType: 'press_send',
      entityId: id,
      action: 'update',
      before: {
        mode: send.mode,
        note: send.note,
        sendAfter: send.sendAfter,
        listIds: send.listIds,
        version: send.version,
      },
      after: { ...auditedSend(plan), version: send.version + 1 },
    });
  });
}

/** The mail of one language as a recipient would get it, for the preview and the test send. */
export async function previewMail(
  db: Db,
  user: PolicyUser,
  form: Pick<SendForm, 'release' | 'mode' | 'note'>,
  locale: Locale,
  options: SendOptions,
): Promise<MailTemplate> {
  assertAllowed(canManagePress(user));
  const found = await releaseAndStatement(db, form.release);
  if (!found) throw new NotFound(`No release "${form.release}"`);
  const mode = (SEND_MODES as readonly string[]).includes(form.mode)
    ? (form.mode as SendMode)
    : defaultMode(found.release, options.now);
  const at = mode === 'lift' && found.release.embargoedUntil ? found.release.embargoedUntil : options.now;
  const source = await getRelease(db, form.release, at);
  const template = await renderReleaseMail(source, locale, { baseUrl: options.baseUrl, note: form.note, mode });
  return personalize(template, `${options.baseUrl.replace(/\/+$/, '')}/${locale}/workspace/press`);
}

/** Both languages to the editor themself, now (a test send reaches no contact, so no visibility check). */
export async function testSend(
  db: Db,
  user: Editor,
  form: Pick<SendForm, 'release' | 'mode' | 'note'>,
  options: SendOptions,
): Promise<void> {
  assertAllowed(canManagePress(user));
  const mails: OutgoingMail[] = [];
  for (const locale of LOCALES) {
    const mail = await previewMail(db, user, form, locale, options);
    mails.push({
      idempotencyKey: `press-test:${user.id}:${form.release}:${locale}:${options.now.getTime()}`,
      to: user.email,
      subject: `[${locale.toUpperCase()}] ${mail.subject}`,
      text: mail.text,
      html: mail.html,
      kind: 'release-test',
    });
  }
  await db.transaction(async (tx) => {
    await enqueueMail(tx, mails, options.now);
    await writeAudit(tx, {
      actor: actorOf(user),
      at: options.now,
      entityType: 'press_test_send',
      entityId: 0,
      action: 'create',
      after: { release: form.release, mode: form.mode },
    });
  });
}

export type RecipientStatus = Awaited<ReturnType<typeof outboxStatus>>[number] & { name: string | null };

/** Each recipient of a send: the outbox's status, attempts and last SMTP reply, with the contact's name. */
export async function sendRecipients(db: Db, user: PolicyUser, sendId: number): Promise<RecipientStatus[]> {
  assertAllowed(canManagePress(user));
  const rows = await outboxStatus(db, { ref: { table: REF_TABLE, id: String(sendId) }, limit: 10_000 });
  const emails = [...new Set(rows.map((r) => r.to.toLowerCase()))];
  const names = new Map<string, string>();
  for (let i = 0; i < emails.length; i += 500) {
    const found = await db
      .select({ email: t.pressContacts.email, name: t.pressContacts.name })
      .from(t.pressContacts)
      .where(inArray(sql`lower(${t.pressContacts.email})`, emails.slice(i, i + 500)));
    for (const f of found) names.set(f.email.toLowerCase(), f.name);
  }
  return rows.map((r) => ({ ...r, name: names.get(r.to.toLowerCase()) ?? null }));
}

/** A release's sends, newest first. */
export async function listSends(db: Db, user: PolicyUser): Promise<(SendRow & { releaseSlug: string })[]> {
  assertAllowed(canManagePress(user));
  const rows = await db
    .select({ send: t.pressSends, releaseSlug: t.releases.slug })
    .from(t.pressSends)
    .innerJoin(t.releases, eq(t.releases.id, t.pressSends.releaseId))
    .orderBy(sql`${t.pressSends.id} desc`)
    .limit(100);
  return rows.map((r) => ({ ...r.send, releaseSlug: r.releaseSlug }));
}

/**
 * Contacts whose address the outbox stopped (a refusal marked `bounced`, an unsubscribe on the
 * suppression list) are marked so on the contact, once, with an audit row. Run before a send is planned
 * and when a send's status is read.
 */
export async function syncContactStatuses(db: Db, now: Date): Promise<number> {
  const c = t.pressContacts;
  const s = t.mailSuppressions;
  return db.transaction(async (tx) => {
    const o = t.mailOutbox;
    // A permanent refusal of a release (5xx) marks the contact bounced, whatever else the list says.
    const bounced = await tx
      .update(c)
      .set({ status: 'bounced', version: sql`${c.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(c.status, 'active'),
          sql`exists (select 1 from ${o} where ${o.status} = 'bounced' and ${o.kind} = 'release' and lower(${o.to}) = lower(${c.email}))`,
        ),
      )
      .returning({ id: c.id, status: c.status });
    const suppressed = await tx
      .update(c)
      .set({
        status: sql`case when ${s.reason} like '%bounce%' then 'bounced' else 'unsubscribed' end::press_contact_status`,
        version: sql`${c.version} + 1`,
        updatedAt: now,
      })
      .from(s)
      .where(and(eq(c.status, 'active'), sql`lower(${c.email}) = ${s.email}`))
      .returning({ id: c.id, status: c.status });
    const changed = [...bounced, ...suppressed];
    for (const row of changed) {
      await writeAudit(tx, {
        actor: { id: null, label: 'outbox' },
        at: now,
        entityType: 'press_contact',
        entityId: row.id,
        action: row.status === 'unsubscribed' ? 'unsubscribe' : 'bounce',
        before: { status: 'active' },
        after: { status: row.status },
      });
    }
    return changed.length;
  });
}
