/**
 * Write side of press releases: the fields, the timing ("immediate" or "embargoed until" a wall-clock
 * time in an IANA zone, stored as a UTC instant), and the pieces picked from the registry in order
 * (contacts, highlighted recommendations, boilerplate organizations, body blocks). Publication is
 * publication-service.ts; the editor's one Save is release-save.ts. Each write: policy, version check,
 * audit row, one transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { isHttpUrl, isIsoDate, Problems, SLUG, slugify } from '../../platform/forms/problems.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canEditRelease } from '../../platform/policy.js';
import { anyText, mergeLocalized, type TextInput } from '../../platform/text/localized-input.js';
import { originalOf } from '../../platform/text/localized-text.js';
import { isKnownTimeZone, localToInstant } from '../../platform/text/time-zones.js';
import { visibilityState } from '../../platform/visibility.js';
import { actorOf, type Editor, insertAudited, updateVersioned, versionedChange } from '../../platform/write.js';
import { missingIds, wasEverPublished } from '../statements/index.js';
import { insertBoilerplates, insertContacts } from './release-parts.js';

export type ReleaseRow = typeof t.releases.$inferSelect;

export function requireReleaseEditor(user: Editor | null): asserts user is Editor {
  if (!user || !canEditRelease(user)) throw new Forbidden('You may not edit press releases');
}

export type Timing = { kind: 'immediate'; timeZone: string } | { kind: 'embargoed'; local: string; timeZone: string };

export interface ReleaseFields {
  statementId: number | null;
  releaseDate: string;
  headline: TextInput;
  subheadline: TextInput;
  datelinePlace: TextInput;
  /** Markdown. */
  lead: TextInput;
  fullDocumentUrl: string;
  endMark: '###' | '-30-';
  timing: Timing;
  originalLocale: Locale;
}

/** The longest text per field and language, in characters (the form's maxlength too). */
export const LIMITS = { headline: 300, subheadline: 500, datelinePlace: 100, lead: 10_000 } as const;

/**
 * The embargo instant the form asks for. A time already past is refused rather than read as "publish
 * now": a release is embargoed because its moment matters, so a past time is most likely a slip (the
 * wrong day or zone), and "For immediate release" says "now" on purpose. An embargo saved earlier
 * and unchanged since (a release whose embargo has lifted, edited later) is kept.
 */
async function checkFields(
  tx: Db,
  input: ReleaseFields,
  problems: Problems,
  now: Date,
  stored: Date | null = null,
): Promise<Date | null> {
  if (!anyText(input.headline)) problems.add('headline', 'workspaceErrRequiredOneLanguage');
  for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    problems.maxLengthEach(field, input[field], LIMITS[field]);
  }
  if (!isIsoDate(input.releaseDate)) problems.add('releaseDate', 'editorialErrDate');
  if (input.fullDocumentUrl.trim() !== '' && !isHttpUrl(input.fullDocumentUrl.trim()))
    problems.add('fullDocumentUrl', 'workspaceErrUrl');
  if (input.statementId !== null) {
    const [s] = await tx
      .select({ id: t.statements.id })
      .from(t.statements)
      .where(eq(t.statements.id, input.statementId));
    if (!s) problems.add('statementId', 'workspaceErrChoice');
  }
  if (!isKnownTimeZone(input.timing.timeZone)) {
    problems.add('timeZone', 'editorialErrTimeZone');
    return null;
  }
  if (input.timing.kind === 'immediate') return null;
  const instant = localToInstant(input.timing.local, input.timing.timeZone);
  if (!instant) problems.add('embargoLocal', 'editorialErrLocalTime');
  else if (instant <= now && instant.getTime() !== stored?.getTime())
    problems.add('embargoLocal', 'editorialErrEmbargoPast');
  return instant;
}

/**
 * A release never goes public before its statement (platform/visibility.ts holds it back). So that
 * the editor learns it when publishing or rescheduling, not later from a missing page: its statement
 * must be published, and its embargo (if any) must not end after the release's own.
 */
export async function checkStatementFirst(
  tx: Db,
  release: { statementId: number | null; embargoedUntil: Date | null },
  problems: Problems,
  now: Date,
): Promise<void> {
  if (release.statementId === null) return;
  const [statement] = await tx.select().from(t.statements).where(eq(t.statements.id, release.statementId));
  if (!statement) return;
  const state = visibilityState(statement, now);
  if (state === 'draft' || state === 'withdrawn') problems.add('statementId', 'editorialErrStatementNotPublic');
  else if (state === 'embargoed' && (release.embargoedUntil ?? now) < statement.embargoUntil!)
    problems.add('embargoLocal', 'editorialErrEmbargoBeforeStatement');
}

export function releaseValues(before: Partial<ReleaseRow>, input: ReleaseFields, embargo: Date | null) {
  const merge = (f: 'headline' | 'subheadline' | 'datelinePlace' | 'lead') =>
    mergeLocalized(before[f] ?? {}, input[f], input.originalLocale);
  return {
    statementId: input.statementId,
    releaseDate: input.releaseDate,
    headline: merge('headline'),
    subheadline: merge('subheadline'),
    datelinePlace: merge('datelinePlace'),
    lead: merge('lead'),
    fullDocumentUrl: input.fullDocumentUrl.trim() || null,
    endMark: input.endMark,
    embargoedUntil: embargo,
    timeZone: input.timing.timeZone,
  };
}

/** What the audit keeps of a release's own row. */
export const releaseAudit = (r: ReleaseRow) => ({
  slug: r.slug,
  statementId: r.statementId,
  releaseDate: r.releaseDate,
  headline: r.headline,
  subheadline: r.subheadline,
  datelinePlace: r.datelinePlace,
  lead: r.lead,
  fullDocumentUrl: r.fullDocumentUrl,
  endMark: r.endMark,
  embargoedUntil: r.embargoedUntil,
  timeZone: r.timeZone,
  version: r.version,
});

export async function releaseBySlug(tx: Db, slug: string): Promise<ReleaseRow> {
  const [row] = await tx.select().from(t.releases).where(eq(t.releases.slug, slug));
  if (!row) throw new NotFound(`No release "${slug}"`);
  return row;
}

/**
 * A change to one existing release: only by a release editor, in one transaction, starting from
 * the release as it is now (a missing slug is NotFound before anything else is checked).
 */
export function changeRelease<T>(
  db: Db,
  user: Editor,
  slug: string,
  change: (tx: Db, before: ReleaseRow) => Promise<T>,
): Promise<T> {
  requireReleaseEditor(user);
  return db.transaction(async (tx) => change(tx, await releaseBySlug(tx, slug)));
}

export async function createRelease(
  db: Db,
  input: ReleaseFields & { slug: string },
  user: Editor,
  now: Date,
): Promise<ReleaseRow> {
  requireReleaseEditor(user);
  return db.transaction(async (tx) => {
    const problems = new Problems();
    const embargo = await checkFields(tx, input, problems, now);
    const typed = input.slug.trim();
    if (typed !== '' && (!SLUG.test(typed) || typed.length > 100)) problems.add('slug', 'editorialErrSlugFormat');
    problems.throwIfAny();
    const values = releaseValues({}, input, embargo);
    const slug = typed || slugify(originalOf(values.headline)?.entry.text ?? '');
    const [taken] = await tx.select({ id: t.releases.id }).from(t.releases).where(eq(t.releases.slug, slug));
    if (taken) {
      const p = new Problems();
      p.add('slug', 'editorialErrSlugTaken');
      p.throwIfAny();
    }
    return insertAudited<ReleaseRow>(tx, {
      table: t.releases,
      values: { ...values, slug },
      entityType: 'release',
      actor: actorOf(user),
      now,
      audited: releaseAudit,
    });
  });
}

/**
 * The fields' problems on an existing release, and the embargo instant they ask for. A published
 * release rescheduled or pointed at another statement: the same rule as publishing it.
 */
export async function checkReleaseFields(
  tx: Db,
  before: ReleaseRow,
  input: ReleaseFields,
  problems: Problems,
  now: Date,
): Promise<Date | null> {
  const embargo = await checkFields(tx, input, problems, now, before.embargoedUntil);
  const rescheduled =
    input.statementId !== before.statementId || embargo?.getTime() !== before.embargoedUntil?.getTime();
  if (
    rescheduled &&
    before.status === 'published' &&
    before.withdrawnAt === null &&
    !problems.list.some((p) => p.field === 'embargoLocal')
  )
    await checkStatementFirst(tx, { statementId: input.statementId, embargoedUntil: embargo }, problems, now);
  return embargo;
}

/** The ordered pieces a release picks from the registry. */
export type ReleaseList = 'contacts' | 'highlights' | 'boilerplates';

/**
 * Problems with the lists as typed: contacts are people, boilerplates organizations (none = the
 * statement's signatories), highlights recommendations of the statement the release presents.
 */
export async function checkLists(
  tx: Db,
  statementId: number | null,
  lists: Record<ReleaseList, number[]>,
  problems: Problems,
): Promise<void> {
  if ((await missingIds(tx, t.people, lists.contacts)).length > 0) problems.add('contacts', 'workspaceErrChoice');
  if ((await missingIds(tx, t.organizations, lists.boilerplates)).length > 0)
    problems.add('boilerplates', 'workspaceErrChoice');
  if (lists.highlights.length > 0) {
    const recs = await tx
      .select({ id: t.recommendations.id })
      .from(t.recommendations)
      .where(
        and(inArray(t.recommendations.id, lists.highlights), eq(t.recommendations.statementId, statementId ?? -1)),
      );
    if (recs.length !== lists.highlights.length) problems.add('highlights', 'editorialErrNotOfStatement');
  }
}

export async function currentList(tx: Db, releaseId: number, list: ReleaseList): Promise<number[]> {
  if (list === 'contacts') {
    const rows = await tx
      .select({ id: t.releaseContacts.personId })
      .from(t.releaseContacts)
      .where(eq(t.releaseContacts.releaseId, releaseId))
      .orderBy(asc(t.releaseContacts.position));
    return rows.map((r) => r.id);
  }
  if (list === 'boilerplates') {
    const rows = await tx
      .select({ id: t.releaseBoilerplates.organizationId })
      .from(t.releaseBoilerplates)
      .where(eq(t.releaseBoilerplates.releaseId, releaseId))
      .orderBy(asc(t.releaseBoilerplates.position));
    return rows.map((r) => r.id);
  }
  const rows = await tx
    .select({ id: t.releaseHighlights.recommendationId })
    .from(t.releaseHighlights)
    .where(eq(t.releaseHighlights.releaseId, releaseId))
    .orderBy(asc(t.releaseHighlights.position));
  return rows.flatMap((r) => (r.id === null ? [] : [r.id]));
}

export async function replaceList(tx: Db, releaseId: number, list: ReleaseList, ids: number[]): Promise<void> {
  if (list === 'contacts') {
    await tx.delete(t.releaseContacts).where(eq(t.releaseContacts.releaseId, releaseId));
    await insertContacts(tx, releaseId, ids);
  } else if (list === 'boilerplates') {
    await tx.delete(t.releaseBoilerplates).where(eq(t.releaseBoilerplates.releaseId, releaseId));
    await insertBoilerplates(tx, releaseId, ids);
  } else {
    // Free bullets (typed text, from the importer or the demo) are kept after the picked recommendations.
    const free = await tx
      .select()
      .from(t.releaseHighlights)
      .where(and(eq(t.releaseHighlights.releaseId, releaseId)))
      .orderBy(asc(t.releaseHighlights.position));
    await tx.delete(t.releaseHighlights).where(eq(t.releaseHighlights.releaseId, releaseId));
    const rows = [
      ...ids.map((recommendationId) => ({ recommendationId, text: {} })),
      ...free.filter((h) => h.recommendationId === null).map((h) => ({ recommendationId: null, text: h.text })),
    ];
    if (rows.length > 0)
      await tx.insert(t.releaseHighlights).values(rows.map((r, position) => ({ releaseId, position, ...r })));
  }
}

/** Only a draft that was never public goes away; a published release is withdrawn instead. */
export async function deleteRelease(
  db: Db,
  input: { slug: string; version: number },
  user: Editor,
  now: Date,
): Promise<void> {
  await changeRelease(db, user, input.slug, async (tx, before) => {
    if (await wasEverPublished(tx, 'release', before)) {
      const p = new Problems();
      p.add('release', 'editorialErrPublishedKept');
      p.throwIfAny('Published releases are withdrawn, not deleted');
    }
    await updateVersioned(tx, {
      ...versionedChange(t.releases, 'release', before, input.version, 'delete', user, now),
      audit: { before: releaseAudit(before) },
    });
    await tx.delete(t.releases).where(eq(t.releases.id, before.id));
  });
}
