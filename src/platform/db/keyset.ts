/**
 * Keyset pagination, the one way a long list is paged: a page is "the next N rows after this row's
 * sort key", so page 400 costs what page 1 costs (an index range scan), unlike `offset`, which reads
 * and throws away every earlier row. The cursor in the address is the last (or first) row's sort key,
 * base64url JSON: opaque to readers, and a tampered one is only a different starting point, never an
 * error or a way around the list's own filters.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Rows on a page of a workspace or public list, unless the list says otherwise. */
export const LIST_PAGE_SIZE = 50;

/** One column (or expression) of a list's order. The last one must be unique (usually the id). */
export interface SortKey {
  column: AnyPgColumn | SQL;
  direction: 'asc' | 'desc';
}

/** A cursor's values: what a sort key holds, as JSON carries it (dates as ISO strings). */
export type KeyValue = string | number | boolean | null;

/** Where a page starts: after a row (the next page), before a row (the previous page), or at the top. */
export interface PageRequest {
  after?: string | undefined;
  before?: string | undefined;
}

/** A page of rows and the cursors of its neighbours (undefined at either end). */
export interface KeysetPage<Row> {
  items: Row[];
  /** Cursor for `?after=`: the page after this one. */
  next?: string;
  /** Cursor for `?before=`: the page before this one. */
  previous?: string;
}

const MAX_CURSOR_LENGTH = 2000;

export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values of a cursor with `arity` keys, or undefined for anything else (then the list starts at its top). */
export function decodeCursor(cursor: string | undefined, arity: number): KeyValue[] | undefined {
  if (!cursor || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== arity) return undefined;
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (!values.every(scalar)) return undefined;
    if (values.some((v) => typeof v === 'string' && v.includes('\u0000'))) return undefined;
    return values as KeyValue[];
  } catch {
    return undefined;
  }
}

/**
 * "This row comes after the cursor row" in the order `keys` (or before it, when `reverse`):
 * `(a > x) or (a = x and b > y) or …`, which handles mixed directions (newest date first, then id).
 */
export function keysetCondition(keys: readonly SortKey[], values: readonly KeyValue[], reverse = false): SQL {
  const clauses: SQL[] = keys.map((key, i) => {
    const ascending = (key.direction === 'asc') !== reverse;
    const equalBefore = keys.slice(0, i).map((earlier, j) => sql`${earlier.column} = ${values[j]}`);
    const beyond = ascending ? sql`${key.column} > ${values[i]}` : sql`${key.column} < ${values[i]}`;
    return sql.join([...equalBefore, beyond], sql` and `);
  });
  return sql`(${sql.join(
    clauses.map((c) => sql`(${c})`),
    sql` or `,
  )})`;
}

/** The `order by` terms of `keys`, turned around when reading backwards. */
export function keysetOrder(keys: readonly SortKey[], reverse = false): SQL[] {
  return keys.map((key) => ((key.direction === 'asc') !== reverse ? sql`${key.column} asc` : sql`${key.column} desc`));
}

/**
 * One page of a list. `fetch` runs the list's own query with the extra condition (undefined on the
 * first page), the order to use and the limit (one more than the page, to know whether more follow).
 * `keyOf` reads a row's sort key in the same order as `keys`.
 */
export async function keysetPage<Row>(options: {
  keys: readonly SortKey[];
  request: PageRequest;
  size: number;
  keyOf: (row: Row) => readonly KeyValue[];
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<Row[]>;
}): Promise<KeysetPage<Row>> {
  const { keys, request, size, keyOf, fetch } = options;
  const after = decodeCursor(request.after, keys.length);
  const before = after ? undefined : decodeCursor(request.before, keys.length);
  const reverse = before !== undefined;
  const from = after ?? before;
  const rows = await fetch(
    from ? keysetCondition(keys, from, reverse) : undefined,
    keysetOrder(keys, reverse),
    size + 1,
  );
  const more = rows.length > size;
  const items = rows.slice(0, size);
  if (reverse) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  const page: KeysetPage<Row> = { items };
  // Reading forwards: a next page when more rows came back, a previous one when we started after a row.
  // Reading backwards: the mirror image.
  const hasNext = reverse ? true : more;
  const hasPrevious = reverse ? more : from !== undefined;
  if (last && hasNext) page.next = encodeCursor(keyOf(last));
  if (first && hasPrevious) page.previous = encodeCursor(keyOf(first));
  return page;
}
