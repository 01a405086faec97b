/**
 * Loads follow-up written as data (demo/followup.ts). Idempotent like loadCoalition: an entry is
 * matched by its natural key (recommendation + date + status for an update; recommendation +
 * addressee + date for a response; date + place for a meeting; date + English text for a
 * commitment) and only inserted when absent. Everything loaded is published and audited as
 * "demo load"; `is_current` is refreshed for every recommendation touched.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { type LocalizedText, localized } from '../../platform/text/localized-text.js';
import { refreshCurrentStatus } from '../followup/index.js';
import type { TextPair } from './coalition-data.js';
import type { FollowupDemoData } from './followup-data.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function loadFollowupDemo(db: Db, data: FollowupDemoData, now = new Date()): Promise<number> {
  const other = data.originalLocale === 'en' ? 'es' : 'en';
  const text = (pair: TextPair): LocalizedText =>
    localized(data.originalLocale, pair[data.originalLocale], { [other]: pair[other] });
  const checkExample = (example: boolean, pair: TextPair) => {
    if (example && !(pair.en.startsWith(data.exampleLabel.en) && pair.es.startsWith(data.exampleLabel.es))) {
      throw new Error(`Example follow-up must start with the example label: ${pair.en}`);
    }
  };
  const actor = systemActor('demo load');

  return db.transaction(async (tx) => {
    let added = 0;
    const audit = (entityType: string, entityId: number, after: Record<string, unknown>) =>
      writeAudit(tx, { actor, at: now, entityType, entityId, action: 'create', after });
    const recommendation = (statement: string, slug: string) => findRecommendation(tx, statement, slug);
    const addressee = (slug: string) => findId(tx, t.addressees, slug);
    const touched = new Set<number>();

    for (const u of data.statusUpdates) {
      checkExample(u.example, u.summary);
      const rec = await recommendation(u.statement, u.recommendation);
      const [existing] = await tx
        .select({ id: t.followupStatusUpdates.id })
        .from(t.followupStatusUpdates)
        .where(
          and(
            eq(t.followupStatusUpdates.recommendationId, rec.id),
            eq(t.followupStatusUpdates.date, u.date),
            eq(t.followupStatusUpdates.status, u.status),
          ),
        );
      if (existing) continue;
      const [row] = await tx
        .insert(t.followupStatusUpdates)
        .values({
          recommendationId: rec.id,
          statementId: rec.statementId,
          status: u.status,
          date: u.date,
          summary: text(u.summary),
          publication: 'published',
          recordedByLabel: actor.label,
        })
        .returning();
      if (u.evidence.length > 0) {
        await tx
          .insert(t.followupEvidence)
          .values(u.evidence.map((e, position) => ({ ...e, statusUpdateId: row!.id, position })));
      }
      await audit('followup_status_update', row!.id, { ...row, evidence: u.evidence });
      touched.add(rec.id);
      added++;
    }
    for (const id of touched) await refreshCurrentStatus(tx, id);

    for (const r of data.responses) {
      checkExample(r.example, r.summary);
      const rec = await recommendation(r.statement, r.recommendation);
      const addresseeId = await addressee(r.addressee);
      const [existing] = await tx
        .select({ id: t.followupResponses.id })
        .from(t.followupResponses)
        .where(
          and(
            eq(t.followupResponses.recommendationId, rec.id),
            eq(t.followupResponses.addresseeId, addresseeId),
            eq(t.followupResponses.date, r.date),
          ),
        );
      if (existing) continue;
      const [row] = await tx
        .insert(t.followupResponses)
        .values({
          recommendationId: rec.id,
          addresseeId,
          position: r.position,
          date: r.date,
          summary: text(r.summary),
          sourceUrl: r.source?.url ?? null,
          sourceTitle: r.source?.title ?? null,
          publication: 'published',
        })
        .returning();
      await audit('followup_response', row!.id, row!);
      added++;
    }

    const meetingIds = new Map<string, number>();
    for (const m of data.meetings) {
      checkExample(m.example, m.summary);
      const key = `${m.date}|${m.place ?? ''}`;
      const [existing] = await tx
        .select({ id: t.followupMeetings.id })
        .from(t.followupMeetings)
        .where(
          and(
            eq(t.followupMeetings.date, m.date),
            m.place === null ? isNull(t.followupMeetings.place) : eq(t.followupMeetings.place, m.place),
          ),
        );
      if (existing) {
        meetingIds.set(key, existing.id);
        continue;
      }
      const [row] = await tx
        .insert(t.followupMeetings)
        .values({
          date: m.date,
          place: m.place,
          online: m.online,
          summary: text(m.summary),
          minutesUrl: m.minutesUrl ?? null,
          publication: 'published',
        })
        .returning();
      meetingIds.set(key, row!.id);
      const participants = [
        ...(await Promise.all(
          m.organizations.map(async (s) => ({
            meetingId: row!.id,
            organizationId: await findId(tx, t.organizations, s),
          })),
        )),
        ...(await Promise.all(
          m.addressees.map(async (s) => ({ meetingId: row!.id, addresseeId: await addressee(s) })),
        )),
      ];
      if (participants.length > 0) await tx.insert(t.followupMeetingParticipants).values(participants);
      const recs = await Promise.all(m.recommendations.map(([s, r]) => recommendation(s, r)));
      if (recs.length > 0) {
        await tx
          .insert(t.followupMeetingRecommendations)
          .values(recs.map((rec) => ({ meetingId: row!.id, recommendationId: rec.id })));
      }
      await audit('followup_meeting', row!.id, { ...row, addressees: m.addressees, organizations: m.organizations });
      added++;
    }

    for (const c of data.commitments) {
      checkExample(c.example, c.text);
      const [existing] = await tx
        .select({ id: t.followupCommitments.id })
        .from(t.followupCommitments)
        .where(
          and(
            eq(t.followupCommitments.date, c.date),
            sql`${t.followupCommitments.text}->${data.originalLocale}->>'text' = ${c.text[data.originalLocale]}`,
          ),
        );
      if (existing) continue;
      const meetingId = c.meeting ? (meetingIds.get(`${c.meeting.date}|${c.meeting.place ?? ''}`) ?? null) : null;
      const [row] = await tx
        .insert(t.followupCommitments)
        .values({
          meetingId,
          addresseeId: c.addressee ? await addressee(c.addressee) : null,
          organizationId: c.organization ? await findId(tx, t.organizations, c.organization) : null,
          text: text(c.text),
          date: c.date,
          dueOn: c.dueOn ?? null,
          fulfilledOn: c.fulfilledOn ?? null,
          publication: 'published',
        })
        .returning();
      const recs = await Promise.all(c.recommendations.map(([s, r]) => recommendation(s, r)));
      await tx
        .insert(t.followupCommitmentRecommendations)
        .values(recs.map((rec) => ({ commitmentId: row!.id, recommendationId: rec.id })));
      await audit('followup_commitment', row!.id, row!);
      added++;
    }
    return added;
  });
}

async function findRecommendation(tx: Tx, statementSlug: string, slug: string) {
  const [row] = await tx
    .select({ id: t.recommendations.id, statementId: t.recommendations.statementId })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .where(and(eq(t.statements.slug, statementSlug), eq(t.recommendations.slug, slug)));
  if (!row) throw new Error(`Demo follow-up names an unknown recommendation ${statementSlug}/${slug}`);
  return row;
}

async function findId(tx: Tx, table: typeof t.addressees | typeof t.organizations, slug: string): Promise<number> {
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`Demo follow-up names an unknown slug "${slug}"`);
  return row.id;
}
