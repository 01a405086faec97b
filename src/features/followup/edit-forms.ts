/**
 * The editor forms' fields → service inputs. Each parser returns either the input or the problems
 * (field → catalog key) with the values as typed, so the form comes back filled in with each
 * message next to its field. Nothing reaches a service until every field is right.
 */
import type { Locale } from '../../lib/locales.js';
import type { LocalizedText } from '../../lib/localized-text.js';
import { dayOf } from './overdue.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from './status.js';
import {
  type CommitmentInput,
  type EvidenceInput,
  type MeetingInput,
  pairToLocalized,
  type ResponseInput,
  type StatusUpdateInput,
} from './write-service.js';
import { checkDay, checkSha256, checkSummary, checkUrl, type Problems } from './write-validation.js';

export type FormValues = Record<string, string | string[]>;
export type Parsed<T> = { ok: true; input: T } | { ok: false; problems: Problems };

export const POSITIONS = ['accepted', 'partially_accepted', 'noted', 'rejected', 'no_response'] as const;
export const EVIDENCE_SLOTS = 3;

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
  const problems: Problems = {};
  const addresseeId = Number(one(values, 'addressee'));
  if (!ctx.addresseeIds.includes(addresseeId)) problems.addressee = 'followupProblemChoose';
  const position = one(values, 'position');
  if (!(POSITIONS as readonly string[]).includes(position)) problems.position = 'followupProblemChoose';
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkSummary(problems, one(values, 'summary_en'), one(values, 'summary_es'));
  checkUrl(problems, 'source_url', one(values, 'source_url'));
  checkSha256(problems, 'source_upload', one(values, 'source_upload'));
  if (Object.keys(problems).length > 0) return { ok: false, problems };
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
      sourceUpload: orNull(one(values, 'source_upload')),
      publication: publication(values),
    },
  };
}

export function parseStatusUpdate(
  values: FormValues,
  ctx: { recommendationId: number; locale: Locale; now: Date },
): Parsed<StatusUpdateInput> {
  const problems: Problems = {};
  const status = one(values, 'status');
  if (!(IMPLEMENTATION_STATUSES as readonly string[]).includes(status)) problems.status = 'followupProblemChoose';
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkSummary(problems, one(values, 'summary_en'), one(values, 'summary_es'));
  const evidence: EvidenceInput[] = [];
  for (let n = 1; n <= EVIDENCE_SLOTS; n++) {
    const url = one(values, `evidence_url_${n}`);
    const title = one(values, `evidence_title_${n}`);
    const publisher = one(values, `evidence_publisher_${n}`);
    const date = one(values, `evidence_date_${n}`);
    const upload = one(values, `evidence_upload_${n}`);
    if (!url && !title && !publisher && !date && !upload) continue;
    if (!url || !title || !publisher) problems[`evidence_url_${n}`] = 'followupProblemEvidenceIncomplete';
    else checkUrl(problems, `evidence_url_${n}`, url);
    checkDay(problems, `evidence_date_${n}`, date, false, dayOf(ctx.now));
    checkSha256(problems, `evidence_upload_${n}`, upload);
    evidence.push({ url, title, publisher, publishedOn: orNull(date), upload: orNull(upload) });
  }
  const seen = Number(one(values, 'seen'));
  if (Object.keys(problems).length > 0) return { ok: false, problems };
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
  const problems: Problems = {};
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkSummary(problems, one(values, 'summary_en'), one(values, 'summary_es'));
  checkUrl(problems, 'minutes_url', one(values, 'minutes_url'));
  checkSha256(problems, 'minutes_upload', one(values, 'minutes_upload'));
  const recommendationIds = ids(many(values, 'recommendation')).filter((id) => ctx.recommendationIds.includes(id));
  if (recommendationIds.length === 0) problems.recommendation = 'followupProblemRecommendations';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const online = one(values, 'online') === '1';
  return {
    ok: true,
    input: {
      date: one(values, 'date'),
      place: online ? null : orNull(one(values, 'place')),
      online,
      summary: summary(values, 'summary', ctx.locale),
      minutesUrl: orNull(one(values, 'minutes_url')),
      minutesUpload: orNull(one(values, 'minutes_upload')),
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
  const problems: Problems = {};
  const chosen = one(values, 'committer');
  const committer = ctx.committers.includes(chosen) ? /^([ao]):(\d+)$/.exec(chosen) : null;
  if (!committer) problems.committer = 'followupProblemCommitter';
  checkDay(problems, 'date', one(values, 'date'), true, dayOf(ctx.now));
  checkDay(problems, 'due_on', one(values, 'due_on'), false);
  checkSummary(problems, one(values, 'text_en'), one(values, 'text_es'));
  if (problems.summary_en) {
    problems.text_en = problems.summary_en;
    delete problems.summary_en;
  }
  const meeting = one(values, 'meeting');
  const meetingId = meeting === '' ? null : Number(meeting);
  if (meetingId !== null && !ctx.meetingIds.includes(meetingId)) problems.meeting = 'followupProblemChoose';
  const recommendationIds = ids(many(values, 'recommendation')).filter((id) => ctx.recommendationIds.includes(id));
  if (recommendationIds.length === 0) problems.recommendation = 'followupProblemRecommendations';
  if (Object.keys(problems).length > 0 || !committer) return { ok: false, problems };
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
