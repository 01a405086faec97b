/** What the release editor reads: any release in any state, its picks, and its statement's pieces. */
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, LIST_PAGE_SIZE, type PageRequest } from '../../platform/db/keyset.js';
import { RELEASES_NEWEST_FIRST, releaseSortKey } from '../../platform/db/list-orders.js';
import * as t from '../../platform/db/schema/index.js';
import { likePattern, localizedTextMatches } from '../../platform/text/localized-search.js';
import {
  releaseStateCondition,
  releaseVisibility,
  type VisibilityState,
  visibilityState,
} from '../../platform/visibility.js';
import { currentList, type ReleaseRow, releaseBySlug } from './edit-service.js';

export interface ReleaseForEditing {
  release: ReleaseRow;
  /** What the public sees (platform/visibility.ts): the release's own state, held back by its statement's. */
  state: VisibilityState;
  /** The state its own columns give it: what the publication controls change. */
  ownState: VisibilityState;
  /** The statement it presents, when that statement is not public now (so neither is the release). */
  heldBy: { statement: StatementRow; state: VisibilityState } | null;
  contactIds: number[];
  highlightIds: number[];
  boilerplateIds: number[];
  blocks: (typeof t.releaseBlocks.$inferSelect)[];
  /** The statement's recommendations and quotes, to pick from (whatever the statement's state). */
  recommendations: (typeof t.recommendations.$inferSelect)[];
  quotes: (typeof t.quotes.$inferSelect)[];
}

type StatementRow = typeof t.statements.$inferSelect;

async function statementOf(db: Db, release: ReleaseRow): Promise<StatementRow | null> {
  if (release.statementId === null) return null;
  const [row] = await db.select().from(t.statements).where(eq(t.statements.id, release.statementId));
  return row ?? null;
}

export async function getReleaseForEditing(db: Db, slug: string, now: Date): Promise<ReleaseForEditing> {
  const release = await releaseBySlug(db, slug);
  const statementId = release.statementId ?? -1;
  const [statement, contactIds, highlightIds, boilerplateIds, blocks, recommendations, quotes] = await Promise.all([
    statementOf(db, release),
    currentList(db, release.id, 'contacts'),
    currentList(db, release.id, 'highlights'),
    currentList(db, release.id, 'boilerplates'),
    db
      .select()
      .from(t.releaseBlocks)
      .where(eq(t.releaseBlocks.releaseId, release.id))
      .orderBy(asc(t.releaseBlocks.position)),
    db
      .select()
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, statementId))
      .orderBy(asc(t.recommendations.position)),
    db.select().from(t.quotes).where(eq(t.quotes.statementId, statementId)).orderBy(asc(t.quotes.position)),
  ]);
  const statementState = statement ? visibilityState(statement, now) : null;
  return {
    release,
    state: releaseVisibility(release, statement, now),
    ownState: releaseVisibility(release, null, now),
    heldBy: statement && statementState !== 'published' ? { statement, state: statementState! } : null,
    contactIds,
    highlightIds,
    boilerplateIds,
    blocks,
    recommendations,
    quotes,
  };
}

export interface EditableReleaseItem {
  release: ReleaseRow;
  state: VisibilityState;
}

/**
 * One page of every release, whatever its state, newest first: searched by headline (any language) or
 * slug, filtered by state in SQL (its own columns, held back by its statement's), paged along the
 * (release date desc, slug) index.
 */
export async function listReleasesForEditing(
  db: Db,
  filter: { q?: string; state?: VisibilityState },
  now: Date,
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<EditableReleaseItem>> {
  const q = filter.q?.trim();
  const conditions = and(
    q
      ? or(ilike(t.releases.slug, likePattern(q)), localizedTextMatches(t.releases.headline, likePattern(q)))
      : undefined,
    filter.state ? releaseStateCondition(filter.state, now) : undefined,
  );
  const page = await keysetPage<{ release: ReleaseRow; statement: StatementRow | null }>({
    keys: RELEASES_NEWEST_FIRST,
    request,
    size,
    keyOf: (row) => releaseSortKey(row.release),
    fetch: (where, orderBy, limit) =>
      db
        .select({ release: t.releases, statement: t.statements })
        .from(t.releases)
        .leftJoin(t.statements, eq(t.statements.id, t.releases.statementId))
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return {
    ...page,
    items: page.items.map(({ release, statement }) => ({ release, state: releaseVisibility(release, statement, now) })),
  };
}
