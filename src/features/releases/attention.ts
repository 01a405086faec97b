/** The workspace home's release checks: embargoes about to lift, and drafts with the linter's errors. */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import {
  type AttentionCheck,
  type AttentionKey,
  type AttentionProvider,
  DETAILS_SHOWN,
} from '../../platform/feature.js';
import { canEditRelease } from '../../platform/policy.js';
import { resolveText } from '../../platform/text/localized-text.js';
import { loadRegistry } from '../lint/index.js';
import { lintSource } from './lint-stored.js';
import { getRelease } from './service.js';

/** Draft releases linted for the home page (newest first); linting renders both languages. */
const LINTED_DRAFTS = 5;

export const releaseAttention: AttentionProvider = (db, user, o) => {
  const checks: Partial<Record<AttentionKey, AttentionCheck>> = {};
  if (!canEditRelease(user)) return checks;
  const name = (value: Parameters<typeof resolveText>[0], fallback: string) =>
    resolveText(value, o.locale)?.text || fallback;
  const releases = releasesToWatch(db, o.now);
  checks.embargoedReleases = async () => {
    const embargoed = (await releases).filter((r) => r.status === 'published');
    return {
      count: embargoed.length,
      path: '/workspace/releases?state=embargoed',
      details: embargoed.slice(0, DETAILS_SHOWN).map((r) => ({
        name: name(r.headline, r.slug),
        path: `/workspace/releases/${r.slug}`,
        publicAt: { instant: r.embargoedUntil!, timeZone: r.timeZone },
      })),
    };
  };
  checks.draftReleases = async () => {
    const drafts = (await releases).filter((r) => r.status === 'draft');
    const errors = await lintErrors(
      db,
      drafts.slice(0, LINTED_DRAFTS).map((r) => r.slug),
      o.now,
    );
    const details = drafts.slice(0, LINTED_DRAFTS).map((r, i) => ({
      name: name(r.headline, r.slug),
      path: `/workspace/releases/${r.slug}`,
      errors: errors[i] ?? 0,
    }));
    // The release with the most errors is the one to open first.
    details.sort((a, b) => b.errors - a.errors);
    return { count: drafts.length, path: '/workspace/releases?state=draft', details };
  };
  return checks;
};

/** Drafts, and published releases still under embargo (soonest first): one query for both checks. */
function releasesToWatch(db: Db, now: Date) {
  const r = t.releases;
  return db
    .select({
      slug: r.slug,
      status: r.status,
      headline: r.headline,
      embargoedUntil: r.embargoedUntil,
      timeZone: r.timeZone,
    })
    .from(r)
    .where(
      sql`${r.status} = 'draft' or (${and(eq(r.status, 'published'), gt(r.embargoedUntil, now), isNull(r.withdrawnAt))})`,
    )
    .orderBy(sql`${r.embargoedUntil} asc nulls last`, desc(r.updatedAt));
}

/** Errors (not warnings) per draft, linted as the release page does, against one registry load. */
async function lintErrors(db: Db, slugs: string[], now: Date): Promise<number[]> {
  if (slugs.length === 0) return [];
  const registry = await loadRegistry(db);
  return Promise.all(
    slugs.map(async (slug) => {
      const findings = lintSource(await getRelease(db, slug, now), registry, now);
      return findings.filter((f) => f.severity === 'error').length;
    }),
  );
}
