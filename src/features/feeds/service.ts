/**
 * What the Atom feeds show: the latest public statements and follow-up updates (releases come from the
 * releases feature's newsroom list), each under the one visibility rule (platform/visibility.ts), so an
 * embargoed or draft item is absent until the rule says otherwise, and bounded to `FEED_ENTRIES`.
 *
 * An entry's `updated` is when the public could first see it as it is: its row's last change, or the
 * instant its statement's (or its own) embargo lifted, whichever is later. Nothing here reads the clock
 * for a date, so the same data gives the same feed (a static copy of the site re-exports byte for byte).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { publicFollowupCondition, publicStatementsCondition } from '../../platform/visibility.js';

/** Entries per feed: enough for a reader that polls daily, small enough to serve often. */
export const FEED_ENTRIES = 50;

type StatementRow = typeof t.statements.$inferSelect;

/** The later of two instants; a passed embargo counts as the moment the item went public. */
export function publicSince(updatedAt: Date, embargo: Date | null): Date {
  return embargo && embargo > updatedAt ? embargo : updatedAt;
}

/** The newest public statements (by their date, as the home lists them). */
export async function latestPublicStatements(db: Db, now: Date, limit = FEED_ENTRIES): Promise<StatementRow[]> {
  return db
    .select()
    .from(t.statements)
    .where(publicStatementsCondition(now))
    .orderBy(desc(t.statements.date), t.statements.slug)
    .limit(limit);
}

/** A public statement by its slug, for its own follow-up feed; NotFound while it is not public. */
export async function publicStatementBySlug(db: Db, slug: string, now: Date): Promise<StatementRow> {
  const [row] = await db
    .select()
    .from(t.statements)
    .where(and(eq(t.statements.slug, slug), publicStatementsCondition(now)))
    .limit(1);
  if (!row) throw new NotFound(`No public statement ${slug}`);
  return row;
}

interface FollowupContext {
  /** When the entry last changed or went public (its statement's embargo lifting). */
  updated: Date;
  date: string;
  id: number;
  summary: LocalizedText;
  statement: { slug: string; title: LocalizedText };
  recommendation: { slug: string; number: number; text: LocalizedText };
}

export type FollowupFeedEntry =
  | ({ kind: 'status' } & FollowupContext & { status: string })
  | ({ kind: 'response' } & FollowupContext & { position: string; addressee: LocalizedText });

/**
 * The latest published status updates and responses of public statements (all, or one statement's),
 * newest first by the day they happened. Meetings and commitments stay on the timelines.
 */
export async function latestPublicFollowup(
  db: Db,
  now: Date,
  options: { statementId?: number; limit?: number } = {},
): Promise<FollowupFeedEntry[]> {
  const limit = options.limit ?? FEED_ENTRIES;
  const su = t.followupStatusUpdates;
  const fr = t.followupResponses;
  const ofStatement = options.statementId === undefined ? undefined : eq(t.statements.id, options.statementId);
  const context = {
    statementSlug: t.statements.slug,
    statementTitle: t.statements.title,
    embargo: t.statements.embargoUntil,
    recommendationSlug: t.recommendations.slug,
    recommendationText: t.recommendations.text,
    number: t.recommendations.number,
  };
  const [updates, responses] = await Promise.all([
    db
      .select({ ...context, id: su.id, date: su.date, summary: su.summary, updatedAt: su.updatedAt, status: su.status })
      .from(su)
      .innerJoin(t.recommendations, eq(t.recommendations.id, su.recommendationId))
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .where(and(publicFollowupCondition(su.publication, now), ofStatement))
      .orderBy(desc(su.date), desc(su.id))
      .limit(limit),
    db
      .select({
        ...context,
        id: fr.id,
        date: fr.date,
        summary: fr.summary,
        updatedAt: fr.updatedAt,
        position: fr.position,
        addressee: t.addressees.name,
      })
      .from(fr)
      .innerJoin(t.addressees, eq(t.addressees.id, fr.addresseeId))
      .innerJoin(t.recommendations, eq(t.recommendations.id, fr.recommendationId))
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .where(and(publicFollowupCondition(fr.publication, now), ofStatement))
      .orderBy(desc(fr.date), desc(fr.id))
      .limit(limit),
  ]);
  const common = (row: (typeof updates)[number] | (typeof responses)[number]): FollowupContext => ({
    updated: publicSince(new Date(row.updatedAt), row.embargo ? new Date(row.embargo) : null),
    date: row.date,
    id: row.id,
    summary: row.summary,
    statement: { slug: row.statementSlug, title: row.statementTitle },
    recommendation: { slug: row.recommendationSlug, number: row.number, text: row.recommendationText },
  });
  const entries: FollowupFeedEntry[] = [
    ...updates.map((row) => ({ kind: 'status' as const, ...common(row), status: row.status })),
    ...responses.map((row) => ({
      kind: 'response' as const,
      ...common(row),
      position: row.position,
      addressee: row.addressee,
    })),
  ];
  // Newest day first; within a day the reverse of the timeline's order (the update, then the response), later id first.
  return entries
    .sort((a, b) => b.date.localeCompare(a.date) || b.kind.localeCompare(a.kind) || b.id - a.id)
    .slice(0, limit);
}

/** The latest instant among entries, the feed's own `updated`; the epoch for an empty feed (stable, not "now"). */
export function latestOf(instants: Date[]): Date {
  return new Date(Math.max(0, ...instants.map((d) => d.getTime())));
}
