/** Read side of press releases: everything a render needs, loaded in one place. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { isVisibleToPublic, publicReleasesCondition } from '../../platform/visibility.js';
import { documentOf, type FileRef } from '../files/index.js';

export type ReleaseRow = typeof t.releases.$inferSelect;
export type OrganizationRow = typeof t.organizations.$inferSelect;
export type PersonRow = typeof t.people.$inferSelect;
export type StatementRow = typeof t.statements.$inferSelect;

export interface PersonWithOrganization {
  person: PersonRow;
  organization: OrganizationRow | null;
}

export type SourceBlock =
  | { kind: 'text'; text: LocalizedText }
  | { kind: 'quote'; text: LocalizedText; speaker: PersonWithOrganization }
  | { kind: 'highlights'; intro: LocalizedText };

/** A release with its registry data resolved, before any language or format is chosen. */
export interface ReleaseSource {
  release: ReleaseRow;
  /** Only when the statement itself is public, so a release never leaks a draft statement. */
  statement: StatementRow | null;
  /**
   * The statement's uploaded full document, only with a public statement: `/files/:sha256` serves a
   * statement's document exactly when the same visibility rule shows the statement, so a rendered
   * release never links a file that answers 404 to the public.
   */
  document: FileRef | null;
  contacts: PersonWithOrganization[];
  blocks: SourceBlock[];
  highlights: LocalizedText[];
  boilerplates: OrganizationRow[];
}

/** For public channels: a draft or still-embargoed release does not exist. */
export async function getPublicRelease(db: Db, slug: string, now: Date): Promise<ReleaseSource> {
  const [release] = await db
    .select()
    .from(t.releases)
    .where(and(eq(t.releases.slug, slug), publicReleasesCondition(now)));
  if (!release) throw new NotFound(`No published release "${slug}"`);
  return loadReleaseSource(db, release, now);
}

/** For editors and the CLI: any release, whatever its status or embargo. */
export async function getRelease(db: Db, slug: string, now: Date): Promise<ReleaseSource> {
  const [release] = await db.select().from(t.releases).where(eq(t.releases.slug, slug));
  if (!release) throw new NotFound(`No release "${slug}"`);
  return loadReleaseSource(db, release, now);
}

/**
 * The newsroom's order: newest release date first, then a release still to lift or for immediate
 * release (no embargo: first, as PostgreSQL puts nulls first in a descending order) before older
 * embargoes, then slug. The embargo as `infinity` when there is none, so the keyset compares no null.
 */
const embargoKey = sql<string>`coalesce(${t.releases.embargoedUntil}, 'infinity'::timestamptz)`;
const NEWSROOM_ORDER: SortKey[] = [
  { column: t.releases.releaseDate, direction: 'desc' },
  { column: embargoKey, direction: 'desc' },
  { column: t.releases.slug, direction: 'asc' },
];

/** Releases on one page of the newsroom. */
export const NEWSROOM_PAGE_SIZE = 50;

/** One page of the newsroom (public releases, newest first), or of one statement's releases. */
export async function listPublicReleases(
  db: Db,
  now: Date,
  options: { statementId?: number; request?: PageRequest; size?: number } = {},
): Promise<KeysetPage<ReleaseRow>> {
  const { statementId, request = {}, size = NEWSROOM_PAGE_SIZE } = options;
  const visible = publicReleasesCondition(now);
  const page = await keysetPage({
    keys: NEWSROOM_ORDER,
    request,
    size,
    keyOf: (row: { release: ReleaseRow }) => [
      row.release.releaseDate,
      row.release.embargoedUntil?.toISOString() ?? 'infinity',
      row.release.slug,
    ],
    fetch: (after, orderBy, limit) =>
      db
        .select({ release: t.releases })
        .from(t.releases)
        .where(and(visible, statementId === undefined ? undefined : eq(t.releases.statementId, statementId), after))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map((row) => row.release) };
}

async function loadReleaseSource(db: Db, release: ReleaseRow, now: Date): Promise<ReleaseSource> {
  const id = release.id;
  const [statementRows, contacts, blocks, highlights, explicitBoilerplates] = await Promise.all([
    release.statementId === null
      ? Promise.resolve([])
      : db.select().from(t.statements).where(eq(t.statements.id, release.statementId)),
    db
      .select({ person: t.people, organization: t.organizations })
      .from(t.releaseContacts)
      .innerJoin(t.people, eq(t.people.id, t.releaseContacts.personId))
      .leftJoin(t.organizations, eq(t.organizations.id, t.people.organizationId))
      .where(eq(t.releaseContacts.releaseId, id))
      .orderBy(asc(t.releaseContacts.position)),
    db
      .select({ block: t.releaseBlocks, person: t.people, organization: t.organizations })
      .from(t.releaseBlocks)
      .leftJoin(t.people, eq(t.people.id, t.releaseBlocks.personId))
      .leftJoin(t.organizations, eq(t.organizations.id, t.people.organizationId))
      .where(eq(t.releaseBlocks.releaseId, id))
      .orderBy(asc(t.releaseBlocks.position)),
    db
      .select({ text: t.releaseHighlights.text, recommendation: t.recommendations.text })
      .from(t.releaseHighlights)
      .leftJoin(t.recommendations, eq(t.recommendations.id, t.releaseHighlights.recommendationId))
      .where(eq(t.releaseHighlights.releaseId, id))
      .orderBy(asc(t.releaseHighlights.position)),
    db
      .select({ organization: t.organizations })
      .from(t.releaseBoilerplates)
      .innerJoin(t.organizations, eq(t.organizations.id, t.releaseBoilerplates.organizationId))
      .where(eq(t.releaseBoilerplates.releaseId, id))
      .orderBy(asc(t.releaseBoilerplates.position)),
  ]);
  const statement = statementRows[0] ?? null;
  let boilerplates = explicitBoilerplates.map((r) => r.organization);
  if (boilerplates.length === 0 && statement) {
    const signatories = await db
      .select({ organization: t.organizations })
      .from(t.signatories)
      .innerJoin(t.organizations, eq(t.organizations.id, t.signatories.organizationId))
      .where(eq(t.signatories.statementId, statement.id))
      .orderBy(asc(t.signatories.position));
    boilerplates = signatories.map((r) => r.organization);
  }
  const publicStatement = statement && isVisibleToPublic(statement, now) ? statement : null;
  return {
    release,
    statement: publicStatement,
    document: publicStatement ? await documentOf(db, publicStatement.id) : null,
    contacts,
    blocks: blocks.map(({ block, person, organization }): SourceBlock => {
      if (block.kind === 'quote' && person)
        return { kind: 'quote', text: block.text, speaker: { person, organization } };
      if (block.kind === 'highlights') return { kind: 'highlights', intro: block.text };
      return { kind: 'text', text: block.text };
    }),
    // A highlighted recommendation is read from the statement, so an edit there shows here too.
    highlights: highlights.map((h) => h.recommendation ?? h.text),
    boilerplates,
  };
}
