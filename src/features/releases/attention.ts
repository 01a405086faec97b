/**
 * The workspace home's release checks: embargoes about to lift, and drafts with the linter's errors.
 * Each is a count and the first few rows, on indexed queries; the drafts' errors come from stored lint
 * results (lint-results.ts), so a view lints nothing unless one of the drafts shown changed.
 */
import { and, asc, count, desc, eq, gt, isNull, type SQL } from 'drizzle-orm';
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
import { lintErrorsOf } from './lint-results.js';

const r = t.releases;

export const releaseAttention: AttentionProvider = (db, user, o) => {
  const checks: Partial<Record<AttentionKey, AttentionCheck>> = {};
  if (!canEditRelease(user)) return checks;
  const name = (value: Parameters<typeof resolveText>[0], fallback: string) =>
    resolveText(value, o.locale)?.text || fallback;
  checks.embargoedReleases = async () => {
    // The partial index releases_embargo_ahead_idx: published, not withdrawn, embargo still ahead.
    const where = and(eq(r.status, 'published'), isNull(r.withdrawnAt), gt(r.embargoedUntil, o.now));
    const [total, first] = await Promise.all([
      countWhere(db, where),
      firstRows(db, where, [asc(r.embargoedUntil), asc(r.id)]),
    ]);
    return {
      count: total,
      path: '/workspace/releases?state=embargoed',
      details: first.map((row) => ({
        name: name(row.headline, row.slug),
        path: `/workspace/releases/${row.slug}`,
        publicAt: { instant: row.embargoedUntil!, timeZone: row.timeZone },
      })),
    };
  };
  checks.draftReleases = async () => {
    const where = eq(r.status, 'draft');
    const [total, newest] = await Promise.all([
      countWhere(db, where),
      firstRows(db, where, [desc(r.updatedAt), desc(r.id)]),
    ]);
    const errors = await lintErrorsOf(db, newest, o.now);
    const details = newest.map((row) => ({
      name: name(row.headline, row.slug),
      path: `/workspace/releases/${row.slug}`,
      errors: errors.get(row.id) ?? 0,
    }));
    // The release with the most errors is the one to open first.
    details.sort((a, b) => b.errors - a.errors);
    return { count: total, path: '/workspace/releases?state=draft', details };
  };
  return checks;
};

async function countWhere(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(r).where(where);
  return row?.n ?? 0;
}

function firstRows(db: Db, where: SQL | undefined, orderBy: SQL[]) {
  return db
    .select({
      id: r.id,
      slug: r.slug,
      version: r.version,
      headline: r.headline,
      embargoedUntil: r.embargoedUntil,
      timeZone: r.timeZone,
    })
    .from(r)
    .where(where)
    .orderBy(...orderBy)
    .limit(DETAILS_SHOWN);
}
