/**
 * The orders many lists share, as keyset sort keys (platform/db/keyset.ts): statements and releases newest
 * first, each along its (date desc, slug) index. A list with an order of its own keeps it beside its query.
 */
import type { KeyValue, SortKey } from './keyset.js';
import * as t from './schema/index.js';

/** Newest statement first, as the home page lists them (index statements_date_desc_slug_idx). */
export const STATEMENTS_NEWEST_FIRST: readonly SortKey[] = [
  { column: t.statements.date, direction: 'desc' },
  { column: t.statements.slug, direction: 'asc' },
];

/** A statement's values of STATEMENTS_NEWEST_FIRST, for its cursor. */
export const statementSortKey = (row: { date: string | null; slug: string }): readonly KeyValue[] => [
  row.date,
  row.slug,
];

/** Newest release first, as the newsroom's editors list them (index releases_date_desc_slug_idx). */
export const RELEASES_NEWEST_FIRST: readonly SortKey[] = [
  { column: t.releases.releaseDate, direction: 'desc' },
  { column: t.releases.slug, direction: 'asc' },
];

/** A release's values of RELEASES_NEWEST_FIRST, for its cursor. */
export const releaseSortKey = (row: { releaseDate: string | null; slug: string }): readonly KeyValue[] => [
  row.releaseDate,
  row.slug,
];
