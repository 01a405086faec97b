/**
 * Every public page, for the sitemap and for anything else that must find them all (a static copy of
 * the site): the fixed pages (home, newsroom, directory, follow-up dashboards and list), each public
 * statement, recommendation and its follow-up timeline, release and organization. Each kind is listed in
 * files of `ROWS_PER_FILE` rows, in id order, so the sitemap grows by files, never past a file's limit
 * (50,000 addresses): a recommendation row is two pages × two languages = 4 addresses, 4,000 a file, about 2 MB.
 *
 * What is listed obeys the one visibility rule (platform/visibility.ts): a draft, embargoed or withdrawn
 * statement, its recommendations and a release that presents it are absent until the rule says otherwise.
 * `lastmod` is when the page last changed or went public (an embargo lifting), never the clock.
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { publicReleasesCondition, publicStatementsCondition } from '../../platform/visibility.js';
import { publicPaths } from '../../platform/web/public-urls.js';

export const SITEMAP_KINDS = ['pages', 'statements', 'recommendations', 'releases', 'organizations'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

/** Rows per sitemap file. */
export const ROWS_PER_FILE = 1000;

/** One page (a path within a language) and when it last changed for the public, when known. */
export interface SitePage {
  path: string;
  lastmod?: Date;
}

const later = (...instants: (Date | string | null)[]): Date =>
  new Date(Math.max(0, ...instants.filter((d): d is Date | string => d !== null).map((d) => new Date(d).getTime())));

/** The pages that exist whatever the data: one file of them. */
export function fixedPages(): SitePage[] {
  return [
    publicPaths.home(),
    publicPaths.newsroom(),
    publicPaths.directory(),
    ...publicPaths.followupDashboards(),
    publicPaths.followupList(),
  ].map((path) => ({ path }));
}

/** How many rows of a kind are public (each file holds `ROWS_PER_FILE`). */
export async function countRows(db: Db, now: Date, kind: SitemapKind): Promise<number> {
  const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  switch (kind) {
    case 'pages':
      return fixedPages().length;
    case 'statements':
      return n(db.select({ n: count() }).from(t.statements).where(publicStatementsCondition(now)));
    case 'recommendations':
      return n(
        db
          .select({ n: count() })
          .from(t.recommendations)
          .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
          .where(publicStatementsCondition(now)),
      );
    case 'releases':
      return n(db.select({ n: count() }).from(t.releases).where(publicReleasesCondition(now)));
    case 'organizations':
      return n(db.select({ n: count() }).from(t.organizations).where(isNull(t.organizations.archivedAt)));
  }
}

/** How many files each kind takes (at least one, possibly empty, so the index always names every kind). */
export async function fileCounts(db: Db, now: Date): Promise<{ kind: SitemapKind; files: number }[]> {
  return Promise.all(
    SITEMAP_KINDS.map(async (kind) => ({
      kind,
      files: Math.max(1, Math.ceil((await countRows(db, now, kind)) / ROWS_PER_FILE)),
    })),
  );
}

/** The pages of one file of a kind (`file` from 1). */
export async function pagesOf(db: Db, now: Date, kind: SitemapKind, file: number): Promise<SitePage[]> {
  const offset = (file - 1) * ROWS_PER_FILE;
  const limit = ROWS_PER_FILE;
  const s = t.statements;
  switch (kind) {
    case 'pages':
      return fixedPages().slice(offset, offset + limit);
    case 'statements': {
      const rows = await db
        .select({ slug: s.slug, updatedAt: s.updatedAt, embargo: s.embargoUntil })
        .from(s)
        .where(publicStatementsCondition(now))
        .orderBy(asc(s.id))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({ path: publicPaths.statement(r.slug), lastmod: later(r.updatedAt, r.embargo) }));
    }
    case 'recommendations': {
      const r = t.recommendations;
      const rows = await db
        .select({
          statement: s.slug,
          slug: r.slug,
          updatedAt: r.updatedAt,
          statementUpdatedAt: s.updatedAt,
          embargo: s.embargoUntil,
        })
        .from(r)
        .innerJoin(s, eq(s.id, r.statementId))
        .where(publicStatementsCondition(now))
        .orderBy(asc(r.id))
        .limit(limit)
        .offset(offset);
      return rows.flatMap((row) => {
        const lastmod = later(row.updatedAt, row.embargo);
        return [
          { path: publicPaths.recommendation(row.statement, row.slug), lastmod },
          // The timeline changes with follow-up entries too; its date is left to the crawler.
          { path: publicPaths.recommendationFollowup(row.statement, row.slug) },
        ];
      });
    }
    case 'releases': {
      const rel = t.releases;
      const rows = await db
        .select({
          slug: rel.slug,
          updatedAt: rel.updatedAt,
          embargo: rel.embargoedUntil,
          statementEmbargo: s.embargoUntil,
        })
        .from(rel)
        .leftJoin(s, eq(s.id, rel.statementId))
        .where(publicReleasesCondition(now))
        .orderBy(asc(rel.id))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({
        path: publicPaths.release(r.slug),
        lastmod: later(r.updatedAt, r.embargo, r.statementEmbargo),
      }));
    }
    case 'organizations': {
      const o = t.organizations;
      const rows = await db
        .select({ slug: o.slug, updatedAt: o.updatedAt })
        .from(o)
        .where(and(isNull(o.archivedAt)))
        .orderBy(asc(o.id))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({ path: publicPaths.organization(r.slug), lastmod: new Date(r.updatedAt) }));
    }
  }
}

/**
 * Every public page, one file at a time: what the sitemap lists, for a caller that needs them all
 * (each path exists in every language).
 */
export async function* publicSitePages(db: Db, now: Date): AsyncGenerator<SitePage> {
  for (const { kind, files } of await fileCounts(db, now)) {
    for (let file = 1; file <= files; file++) yield* await pagesOf(db, now, kind, file);
  }
}
