/**
 * The samples of the visibility matrix (visibility-matrix.test.ts): one statement and one press release
 * per publication state, follow-up entries of every kind on each (published and draft, with uploaded
 * copies), and which channels may show what to whom.
 */

import { storeFile } from '../../src/features/files/index.js';
import { refreshCurrentStatus } from '../../src/features/followup/index.js';
import type { Db } from '../../src/platform/db/client.js';
import * as t from '../../src/platform/db/schema/index.js';
import { localized } from '../../src/platform/text/localized-text.js';
import { type VisibilityState, visibilityState } from '../../src/platform/visibility.js';
import { tinyPdf } from './files.js';

export const HOUR = 60 * 60_000;
export const T = new Date('2026-11-27T12:00:00Z');

/** One statement per state; `embargo-lifted` is published with an embargo that has passed. */
export const samples = [
  { key: 'draft', status: 'draft', embargoUntil: null, withdrawnAt: null },
  { key: 'embargoed', status: 'published', embargoUntil: new Date(T.getTime() + HOUR), withdrawnAt: null },
  { key: 'embargo-lifted', status: 'published', embargoUntil: new Date(T.getTime() - HOUR), withdrawnAt: null },
  { key: 'published', status: 'published', embargoUntil: null, withdrawnAt: null },
  { key: 'withdrawn', status: 'published', embargoUntil: null, withdrawnAt: new Date(T.getTime() - HOUR) },
] as const;
export type Sample = (typeof samples)[number];
export const titleOf = (s: Sample) => `Matrix statement ${s.key}`;
export const slugOf = (s: Sample) => `matrix-${s.key}`;
/** A press release goes through the same states, with its own embargo and withdrawal columns. */
export const releaseSamples = samples;
export const releaseTitleOf = (s: Sample) => `Matrix release ${s.key}`;
export const releaseSlugOf = (s: Sample) => `matrix-release-${s.key}`;
export const releaseIsPublic = (s: Sample) => visibilityState(s, T) === 'published';
/**
 * Releases that present a matrix statement (issue 13): each is published by its own columns, and is
 * public only when its statement is. `held-by-draft-embargoed` has an embargo that lifts an hour after
 * T, while its statement stays a draft; `held-by-embargoed` goes public with its statement, an hour
 * after T. `with-published` is the control: its statement is public, so it is too.
 */
export const heldReleases = [
  { key: 'held-by-draft', statement: 'draft', embargoUntil: null, publicAtT: false, publicAfterEmbargo: false },
  {
    key: 'held-by-draft-embargoed',
    statement: 'draft',
    embargoUntil: new Date(T.getTime() + HOUR),
    publicAtT: false,
    publicAfterEmbargo: false,
  },
  { key: 'held-by-embargoed', statement: 'embargoed', embargoUntil: null, publicAtT: false, publicAfterEmbargo: true },
  { key: 'held-by-withdrawn', statement: 'withdrawn', embargoUntil: null, publicAtT: false, publicAfterEmbargo: false },
  { key: 'with-published', statement: 'published', embargoUntil: null, publicAtT: true, publicAfterEmbargo: true },
] as const satisfies readonly {
  key: string;
  statement: Sample['key'];
  embargoUntil: Date | null;
  publicAtT: boolean;
  publicAfterEmbargo: boolean;
}[];
export type HeldRelease = (typeof heldReleases)[number];
// Bracketed, so no title is a prefix of another (held-by-draft, held-by-draft-embargoed).
export const heldTitleOf = (h: HeldRelease) => `Matrix release [${h.key}]`;
export const heldSlugOf = (h: HeldRelease) => `matrix-release-${h.key}`;

/**
 * Where a release that presents a statement may show at T: the newsroom and its statement's page when
 * it is public; the editors' workspace home while its own embargo runs (whatever its statement).
 */
export function heldReleaseShown(who: Who, key: string, s: Sample, h: HeldRelease): boolean {
  if (homeLists(who, key, 'release', h.embargoUntil && h.embargoUntil > T ? 'embargoed' : 'published')) return true;
  if (!h.publicAtT) return false;
  // The matrix searches for "matrix <sample key>": a public held release is found by its own key's words.
  if (key === '/:locale/search') return h.key.endsWith(s.key);
  if (key === '/:locale/releases' || key === '/:locale/feeds/releases.xml' || key === '/api/v1/releases') return true;
  return key === '/:locale/statements/:slug' && s.key === h.statement;
}

/** Inserts the statement of sample `s`, in its state, titled `title` (its title in both languages unless given). */
export async function insertSampleStatement(
  db: Db,
  s: Sample,
  title = localized('en', titleOf(s), { es: titleOf(s) }),
): Promise<number> {
  const [row] = await db
    .insert(t.statements)
    .values({
      slug: slugOf(s),
      title,
      date: '2026-11-01',
      status: s.status,
      embargoUntil: s.embargoUntil,
      withdrawnAt: s.withdrawnAt,
    })
    .returning({ id: t.statements.id });
  return row!.id;
}

/** Inserts the press release of sample `s`, in its state, headed `headline` (its title in both languages unless given). */
export async function insertSampleRelease(
  db: Db,
  s: Sample,
  headline = localized('en', releaseTitleOf(s), { es: releaseTitleOf(s) }),
): Promise<void> {
  await db.insert(t.releases).values({
    slug: releaseSlugOf(s),
    status: s.status,
    embargoedUntil: s.embargoUntil,
    withdrawnAt: s.withdrawnAt,
    releaseDate: '2026-11-01',
    headline,
  });
}

/** Each sample statement's full document (a PDF whose text is the title), by sample key. */
export const documentSha = new Map<string, string>();
/** Uploaded copies of follow-up entries (`sample:kind:draft|published`), served by the same `/files/:sha256`. */
export const copySha = new Map<string, string>();
export const COPY_KINDS = ['response', 'evidence', 'meeting'] as const;
export const copyKey = (s: Sample, kind: string, draft: boolean) => `${s.key}:${kind}:${draft ? 'draft' : 'published'}`;

/** Follow-up entries of every kind on each matrix statement, one published and one draft (issue 7). */
export const FOLLOWUP_KINDS = ['response', 'status', 'meeting', 'commitment'] as const;
export const followupText = (kind: string, s: Sample, draft: boolean) =>
  `Matrix ${draft ? 'draft ' : ''}followup ${kind} ${s.key}`;

/**
 * Where published follow-up of a public statement shows: the timeline (every kind), the dashboard (overdue
 * commitments), the follow-up feeds (status updates and responses).
 */
export function showsFollowup(key: string, kind: (typeof FOLLOWUP_KINDS)[number]): boolean {
  if (key === '/:locale/statements/:slug/recommendations/:recommendation/follow-up') return true;
  if (FOLLOWUP_FEEDS.includes(key)) return kind === 'status' || kind === 'response';
  // Search indexes responses and status updates (features/search), not meetings and commitments.
  if (key === '/:locale/search') return kind === 'response' || kind === 'status';
  // The API lists every kind; its item address in the matrix is the status update's. Spreadsheets hold
  // responses and status updates (meetings and commitments concern several recommendations).
  if (key === '/api/v1/follow-up') return true;
  if (key === '/api/v1/follow-up/:kind/:id') return kind === 'status';
  if (key === '/:locale/recommendations.:format' || key === '/:locale/statements/:slug/recommendations.:format') {
    return kind === 'response' || kind === 'status';
  }
  return key === '/:locale/follow-up' && kind === 'commitment';
}

export type Who = 'anonymous' | 'member' | 'editor' | 'admin';

export async function insertFollowup(db: Db, s: Sample, statementId: number, recommendationId: number): Promise<void> {
  const [addressee] = await db
    .insert(t.addressees)
    .values({ slug: `matrix-${s.key}`, name: localized('en', `Addressee ${s.key}`), kind: 'government' })
    .returning();
  for (const draft of [false, true]) {
    const publication = draft ? ('draft' as const) : ('published' as const);
    const text = (kind: string) => localized('en', followupText(kind, s, draft));
    const copy = async (kind: (typeof COPY_KINDS)[number]) => {
      const bytes = tinyPdf(`Copy of ${followupText(kind, s, draft)}`);
      const sha256 = await storeFile(db, { mediaType: 'application/pdf', bytes, originalName: 'copy.pdf' }, null, T);
      copySha.set(copyKey(s, kind, draft), sha256);
      return sha256;
    };
    await db.insert(t.followupResponses).values({
      recommendationId,
      addresseeId: addressee!.id,
      position: 'accepted',
      date: '2026-11-02',
      summary: text('response'),
      sourceUpload: await copy('response'),
      publication,
    });
    const [update] = await db
      .insert(t.followupStatusUpdates)
      .values({
        recommendationId,
        statementId,
        status: 'in_progress',
        date: draft ? '2026-11-04' : '2026-11-03',
        summary: text('status'),
        publication,
      })
      .returning();
    await db.insert(t.followupEvidence).values({
      statusUpdateId: update!.id,
      url: 'https://example.org/evidence',
      title: 'Evidence',
      publisher: 'Publisher',
      upload: await copy('evidence'),
    });
    const [meeting] = await db
      .insert(t.followupMeetings)
      .values({
        date: '2026-11-05',
        place: 'Guatemala',
        summary: text('meeting'),
        minutesUpload: await copy('meeting'),
        publication,
      })
      .returning();
    await db.insert(t.followupMeetingRecommendations).values({ meetingId: meeting!.id, recommendationId });
    const [commitment] = await db
      .insert(t.followupCommitments)
      .values({
        addresseeId: addressee!.id,
        text: text('commitment'),
        date: '2026-11-05',
        dueOn: '2026-11-10',
        publication,
      })
      .returning();
    await db.insert(t.followupCommitmentRecommendations).values({ commitmentId: commitment!.id, recommendationId });
  }
  await refreshCurrentStatus(db, recommendationId);
}

/**
 * Editors' own pages (not public channels), to editors and admins only: sign-on shows statements in every
 * state; the follow-up list every statement editors follow up, published or still under embargo (never a
 * draft or a withdrawn one).
 */
export function editorsSee(who: Who, key: string, state: VisibilityState): boolean {
  if (who !== 'editor' && who !== 'admin') return false;
  if (['/:locale/sign-on', '/:locale/sign-on/:slug'].includes(key)) return true;
  return key === '/:locale/workspace/followup' && (state === 'published' || state === 'embargoed');
}

/**
 * The workspace home lists what editors must act on: draft statements, and draft or embargoed releases
 * (with when they go public). Members and visitors see none of them there.
 */
export function homeLists(who: Who, key: string, kind: 'statement' | 'release', state: VisibilityState): boolean {
  if (key !== '/:locale/workspace' || (who !== 'editor' && who !== 'admin')) return false;
  return state === 'draft' || (kind === 'release' && state === 'embargoed');
}

/** The Atom feeds of follow-up updates (features/feeds): their entries name the statement and recommendation. */
const FOLLOWUP_FEEDS = ['/:locale/feeds/follow-up.xml', '/:locale/feeds/statements/:slug/follow-up.xml'];

/** Channels that list or show press releases; the others must never mention one. */
export function showsReleases(key: string): boolean {
  return [
    '/:locale/releases',
    '/:locale/releases/:slug',
    '/:locale/releases/:slug/release.:format',
    '/:locale/feeds/releases.xml',
    '/:locale/search',
    '/api/v1/releases',
    '/api/v1/releases/:slug',
  ].includes(key);
}

/** Channels that list or show statements; the others must never mention one. */
export function showsStatements(key: string): boolean {
  return [
    '/:locale/',
    '/:locale/statements/:slug',
    '/:locale/statements/:slug/recommendations/:recommendation',
    '/:locale/organizations/:slug',
    '/files/:sha256',
    '/:locale/follow-up',
    '/:locale/follow-up/themes',
    '/:locale/follow-up/addressees',
    '/:locale/follow-up/over-time',
    '/:locale/follow-up/scorecard',
    '/:locale/follow-up/recommendations',
    '/:locale/statements/:slug/recommendations/:recommendation/follow-up',
    '/:locale/search',
    // The member's view of their organization lists the statements it signed, as the public sees them.
    '/:locale/workspace/organizations/:slug',
    '/:locale/feeds/statements.xml',
    ...FOLLOWUP_FEEDS,
    // Open data (issue 16): a recommendation's text names its statement in the matrix.
    '/api/v1/statements',
    '/api/v1/statements/:slug',
    '/api/v1/statements/:slug/recommendations',
    '/api/v1/statements/:slug/recommendations/:recommendation',
    '/:locale/recommendations.:format',
    '/:locale/statements/:slug/recommendations.:format',
    // Open sign-on's public page (issue 19): the statement's full text above its form.
    '/:locale/statements/:slug/sign',
  ].includes(key);
}
