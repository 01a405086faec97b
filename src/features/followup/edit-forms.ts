/**
 * The editor forms' fields → service inputs. Each parser returns either the input or the problems
 * (field → catalog key) with the values as typed, so the form comes back filled in with each
 * message next to its field. Nothing reaches a service until every field is right.
 */
import type * as t from '../../platform/db/schema/index.js';
import { Problems, type ProblemsByField } from '../../platform/forms/problems.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { dayOf } from './overdue.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from './status.js';
import type { EvidenceEdit } from './write-service.js';
import {
  type CommitmentInput,
  type MeetingInput,
  pairToLocalized,
  type ResponseInput,
  type StatusUpdateInput,
} from './write-service.js';
import { checkDay, checkSummary, checkUrl } from './write-validation.js';

export type FormValues = Record<string, string | string[]>;
export type Parsed<T> = { ok: true; input: T } | { ok: false; problems: ProblemsByField };

export const POSITIONS = ['accepted', 'partially_accepted', 'noted', 'rejected', 'no_response'] as const;
export const EVIDENCE_SLOTS = 3;
/** The edit form shows every recorded link plus an empty slot; more than this is not a form a person fills. */
export const MAX_EVIDENCE_SLOTS = 20;

/**
 * How many evidence fieldsets a status form shows: the three of a new update, or every link already
 * there (recorded or typed) plus an empty one, up to the most the parser reads.
 */
export function evidenceSlots(values: FormValues): number {
  let last = 0;
  for (let n = 1; n <= MAX_EVIDENCE_SLOTS; n++) {
    const fields = ['id', 'url', 'title', 'publisher', 'date'].map((f) => one(values, `evidence_${f}_${n}`));
    if (fields.some(Boolean)) last = n;
  }
  return Math.min(MAX_EVIDENCE_SLOTS, Math.max(EVIDENCE_SLOTS, last + 1));
}

export function one(values: FormValues, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
}

export function many(values: FormValues, name: string): string[] {
  const v = values[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
}

const orNull = (s: string) => (s === '' ? null : s);
const ids = (values: string[]) => values.map(Number).filter((n) => Number.isInteger(n) && n > 0);
const publication = (values: FormValues) =>
  (one(values, 'publish') === '1' ? 'published' : 'draft') as 'published' | 'draft';

function summary(values: FormValues, prefix: string, locale: Locale): LocalizedText {
  return pairToLocalized({ en: one(values, `${prefix}_en`), es: one(values, `${prefix}_es`) }, locale);
}

export function parseResponse(
  values: FormValues,
  ctx: { recommendationId: number; addresseeIds: number[]; locale: Locale; now: Date },
): Parsed<ResponseInput> {
  const problems = new Problems();
  const addresseeId = Number(one(values, 'addressee'));
  if (!ctx.addresseeIds.includes(addresseeId)) problems.add('addressee', 'followupProblemChoose');
  const position = one(values, 'position');
  if (!(POSITIONS as readonly string[]).includes(position)) problems.add('position', 'followupProblemChoose');
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkSummary(problems, 'summary_en', one(values, 'summary_en'), one(values, 'summary_es'));
  checkUrl(problems, 'source_url', one(values, 'source_url'));
  if (problems.list.length > 0) return { ok: false, problems: problems.byField() };
  return {
    ok: true,
    input: {
      recommendationId: ctx.recommendationId,
      addresseeId,
      position: position as ResponseInput['position'],
      date: one(values, 'date'),
      summary: summary(values, 'summary', ctx.locale),
      sourceUrl: orNull(one(values, 'source_url')),
      sourceTitle: orNull(one(values, 'source_title')),
      publication: publication(values),
    },
  };
}

export function parseStatusUpdate(
  values: FormValues,
  ctx: { recommendationId: number; locale: Locale; now: Date },
): Parsed<StatusUpdateInput & { evidence: EvidenceEdit[] }> {
  const problems = new Problems();
  const status = one(values, 'status');
  if (!(IMPLEMENTATION_STATUSES as readonly string[]).includes(status)) problems.add('status', 'followupProblemChoose');
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkSummary(problems, 'summary_en', one(values, 'summary_en'), one(values, 'summary_es'));
  const evidence: EvidenceEdit[] = [];
  for (let n = 1; n <= MAX_EVIDENCE_SLOTS; n++) {
    const url = one(values, `evidence_url_${n}`);
    const title = one(values, `evidence_title_${n}`);
    const publisher = one(values, `evidence_publisher_${n}`);
    const date = one(values, `evidence_date_${n}`);
    if (!url && !title && !publisher && !date) continue;
    if (!url || !title || !publisher) problems.add(`evidence_url_${n}`, 'followupProblemEvidenceIncomplete');
    else checkUrl(problems, `evidence_url_${n}`, url);
    checkDay(problems, `evidence_date_${n}`, date, false, dayOf(ctx.now));
    // Set on the edit form: the row keeps its id, and with it its uploaded copy.
    const id = Number(one(values, `evidence_id_${n}`));
    evidence.push({ id: Number.isInteger(id) && id > 0 ? id : null, url, title, publisher, publishedOn: orNull(date) });
  }
  const seen = Number(one(values, 'seen'));
  if (problems.list.length > 0) return { ok: false, problems: problems.byField() };
  return {
    ok: true,
    input: {
      recommendationId: ctx.recommendationId,
      status: status as ImplementationStatus,
      date: one(values, 'date'),
      summary: summary(values, 'summary', ctx.locale),
      evidence,
      publication: publication(values),
      seenLatestId: Number.isInteger(seen) && seen >= 0 ? seen : 0,
    },
  };
}

export function parseMeeting(
  values: FormValues,
  ctx: { recommendationIds: number[]; organizationIds: number[]; addresseeIds: number[]; locale: Locale; now: Date },
): Parsed<MeetingInput> {
  const problems = new Problems();
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkSummary(problems, 'summary_en', one(values, 'summary_en'), one(values, 'summary_es'));
  checkUrl(problems, 'minutes_url', one(values, 'minutes_url'));
  const recommendationIds = ids(many(values, 'recommendation')).filter((id) => ctx.recommendationIds.includes(id));
  if (recommendationIds.length === 0) problems.add('recommendation', 'followupProblemRecommendations');
  if (problems.list.length > 0) return { ok: false, problems: problems.byField() };
  const online = one(values, 'online') === '1';
  return {
    ok: true,
    input: {
      date: one(values, 'date'),
      place: online ? null : orNull(one(values, 'place')),
      online,
      summary: summary(values, 'summary', ctx.locale),
      minutesUrl: orNull(one(values, 'minutes_url')),
      organizationIds: ids(many(values, 'organization')).filter((id) => ctx.organizationIds.includes(id)),
      addresseeIds: ids(many(values, 'addressee')).filter((id) => ctx.addresseeIds.includes(id)),
      recommendationIds,
      publication: publication(values),
    },
  };
}

export function parseCommitment(
  values: FormValues,
  ctx: { recommendationIds: number[]; meetingIds: number[]; committers: string[]; locale: Locale; now: Date },
): Parsed<CommitmentInput> {
  const problems = new Problems();
  const chosen = one(values, 'committer');
  const committer = ctx.committers.includes(chosen) ? /^([ao]):(\d+)$/.exec(chosen) : null;
  if (!committer) problems.add('committer', 'followupProblemCommitter');
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkDay(problems, 'due_on', one(values, 'due_on'), false);
  checkSummary(problems, 'text_en', one(values, 'text_en'), one(values, 'text_es'));
  const meeting = one(values, 'meeting');
  const meetingId = meeting === '' ? null : Number(meeting);
  if (meetingId !== null && !ctx.meetingIds.includes(meetingId)) problems.add('meeting', 'followupProblemChoose');
  const recommendationIds = ids(many(values, 'recommendation')).filter((id) => ctx.recommendationIds.includes(id));
  if (recommendationIds.length === 0) problems.add('recommendation', 'followupProblemRecommendations');
  if (problems.list.length > 0 || !committer) return { ok: false, problems: problems.byField() };
  const who = Number(committer[2]);
  return {
    ok: true,
    input: {
      meetingId,
      addresseeId: committer[1] === 'a' ? who : null,
      organizationId: committer[1] === 'o' ? who : null,
      text: summary(values, 'text', ctx.locale),
      date: one(values, 'date'),
      dueOn: orNull(one(values, 'due_on')),
      recommendationIds,
      publication: publication(values),
    },
  };
}

// ---- a recorded entry as its edit form's values --------------------------------------------------

type Rows = {
  response: typeof t.followupResponses.$inferSelect;
  status: typeof t.followupStatusUpdates.$inferSelect;
  evidence: (typeof t.followupEvidence.$inferSelect)[];
  meeting: typeof t.followupMeetings.$inferSelect;
  commitment: typeof t.followupCommitments.$inferSelect;
};
type Links = { organizationIds: number[]; addresseeIds: number[]; recommendationIds: number[] };

const textPair = (prefix: string, value: LocalizedText): FormValues => ({
  [`${prefix}_en`]: value.en?.text ?? '',
  [`${prefix}_es`]: value.es?.text ?? '',
});
const published = (p: string) => (p === 'published' ? '1' : '');
const strings = (ids: number[]) => ids.map(String);

export function responseValues(row: Rows['response']): FormValues {
  return {
    addressee: String(row.addresseeId),
    position: row.position,
    date: row.date,
    ...textPair('summary', row.summary),
    source_url: row.sourceUrl ?? '',
    source_title: row.sourceTitle ?? '',
    publish: published(row.publication),
  };
}

export function statusValues(row: Rows['status'], evidence: Rows['evidence']): FormValues {
  const values: FormValues = {
    status: row.status,
    date: row.date,
    ...textPair('summary', row.summary),
    publish: published(row.publication),
  };
  evidence.forEach((e, i) => {
    const n = i + 1;
    values[`evidence_id_${n}`] = String(e.id);
    values[`evidence_url_${n}`] = e.url;
    values[`evidence_title_${n}`] = e.title;
    values[`evidence_publisher_${n}`] = e.publisher;
    values[`evidence_date_${n}`] = e.publishedOn ?? '';
  });
  return values;
}

export function meetingValues(row: Rows['meeting'], links: Links): FormValues {
  return {
    date: row.date,
    place: row.place ?? '',
    online: row.online ? '1' : '',
    ...textPair('summary', row.summary),
    minutes_url: row.minutesUrl ?? '',
    organization: strings(links.organizationIds),
    addressee: strings(links.addresseeIds),
    recommendation: strings(links.recommendationIds),
    publish: published(row.publication),
  };
}

export function commitmentValues(row: Rows['commitment'], links: Links): FormValues {
  return {
    committer: row.addresseeId ? `a:${row.addresseeId}` : `o:${row.organizationId}`,
    meeting: row.meetingId ? String(row.meetingId) : '',
    date: row.date,
    due_on: row.dueOn ?? '',
    ...textPair('text', row.text),
    recommendation: strings(links.recommendationIds),
    publish: published(row.publication),
  };
}
