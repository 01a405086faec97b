/**
 * The weekly digest: one email to each active editor and admin with the reminders of reminders.ts,
 * queued in the outbox (platform/outbox). `puente followup digest` queues it and sends what is due; a
 * scheduler (cron, a systemd timer) calls that command once a week. Queued once per editor per UTC day:
 * a re-run on the same day (a retried cron job) mails nobody twice. Written in both languages,
 * English first, because accounts have no language preference yet.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { formatDate, messages } from '../../platform/i18n/format.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { enqueueMail } from '../../platform/outbox/index.js';
import { resolveText } from '../../platform/text/localized-text.js';
import {
  type OverdueCommitment,
  overdueCommitments,
  type StaleRecommendation,
  staleRecommendations,
} from './reminders.js';

export interface Digest {
  subject: string;
  text: string;
  staleCount: number;
  overdueCount: number;
}

function section(
  locale: Locale,
  baseUrl: string,
  months: number,
  stale: StaleRecommendation[],
  overdue: OverdueCommitment[],
): string {
  const t = messages(locale);
  const lines: string[] = [t.followupDigestIntro(months), ''];
  lines.push(`${t.followupRemindersStaleTitle(months)} (${stale.length})`);
  for (const r of stale) {
    const last = r.lastUpdate ? formatDate(r.lastUpdate, locale) : t.followupNeverUpdated;
    lines.push(`- ${resolveText(r.statementTitle, locale)?.text ?? ''} — ${t.recommendationTitle(r.number)} (${last})`);
    lines.push(`  ${baseUrl}/${locale}/workspace/followup/recommendations/${r.id}`);
  }
  lines.push('', `${t.followupRemindersOverdueTitle} (${overdue.length})`);
  for (const o of overdue) {
    const who = o.addressee
      ? (resolveText(o.addressee.name, locale)?.text ?? '')
      : o.organization
        ? o.organization.name
        : '—';
    lines.push(`- ${who}: ${resolveText(o.commitment.text, locale)?.text ?? ''}`);
    lines.push(`  ${t.followupDueOn(formatDate(o.commitment.dueOn!, locale))}`);
  }
  lines.push('', `${baseUrl}/${locale}/workspace/followup`);
  return lines.join('\n');
}

export async function buildDigest(db: Db, now: Date, months: number, baseUrl: string): Promise<Digest> {
  const [stale, overdue] = await Promise.all([staleRecommendations(db, now, months), overdueCommitments(db, now)]);
  const subject = LOCALES.map((l) => messages(l).followupDigestSubject(stale.length, overdue.length)).join(' / ');
  const text = `${LOCALES.map((l) => section(l, baseUrl, months, stale, overdue)).join('\n\n———\n\n')}\n`;
  return { subject, text, staleCount: stale.length, overdueCount: overdue.length };
}

/** Queues the digest for every active editor and admin; returns the addresses, for the command's report. */
export async function queueDigest(
  db: Db,
  options: { now: Date; months: number; baseUrl: string },
): Promise<{ recipients: string[]; digest: Digest }> {
  const digest = await buildDigest(db, options.now, options.months, options.baseUrl);
  const editors = await db
    .select({ email: t.users.email })
    .from(t.users)
    .where(and(inArray(t.users.role, ['editor', 'admin']), eq(t.users.disabled, false)))
    .orderBy(t.users.id);
  const day = options.now.toISOString().slice(0, 10);
  await enqueueMail(
    db,
    editors.map(({ email }) => ({
      idempotencyKey: `digest:${day}:${email.toLowerCase()}`,
      kind: 'digest',
      to: email,
      subject: digest.subject,
      text: digest.text,
    })),
    options.now,
  );
  return { recipients: editors.map((e) => e.email), digest };
}
