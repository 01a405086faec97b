import { type SQL, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { queryRows } from './client.js';
import { decodeCursor, encodeCursor, type KeysetPage, keysetPage, type SortKey } from './keyset.js';

// 23 rows over 5 days, several per day, listed newest day first and then by id: the shape of most lists.
const rows = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, day: `2026-01-0${(i % 5) + 1}` }));
const expected = [...rows].sort((a, b) => b.day.localeCompare(a.day) || a.id - b.id).map((r) => r.id);
const keys: SortKey[] = [
  { column: sql`v.day`, direction: 'desc' },
  { column: sql`v.id`, direction: 'asc' },
];

describeEachEngine('keyset pagination', (t) => {
  const values = sql.join(
    rows.map((r) => sql`(${r.id}::int, ${r.day}::date)`),
    sql`, `,
  );
  const page = (request: { after?: string; before?: string }) =>
    keysetPage<{ id: number; day: string }>({
      keys,
      request,
      size: 5,
      keyOf: (row) => [row.day, row.id],
      fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) =>
        queryRows(
          t.db,
          sql`select v.id, v.day::text as day from (values ${values}) as v(id, day)
              where ${where ?? sql`true`} order by ${sql.join(orderBy, sql`, `)} limit ${limit}`,
        ),
    });
  const ids = (p: KeysetPage<{ id: number }>) => p.items.map((r) => r.id);

  it('walks forwards through every row once, in order, and back again', async () => {
    const seen: number[] = [];
    const pages: KeysetPage<{ id: number; day: string }>[] = [];
    let current = await page({});
    expect(current.previous).toBeUndefined();
    for (;;) {
      pages.push(current);
      seen.push(...ids(current));
      if (!current.next) break;
      current = await page({ after: current.next });
    }
    expect(seen).toEqual(expected);
    expect(pages).toHaveLength(5);
    // From the last page, "previous" gives each earlier page exactly as it was.
    for (let i = pages.length - 1; i > 0; i--) {
      const back = await page({ before: pages[i]?.previous as string });
      expect(ids(back)).toEqual(ids(pages[i - 1] as KeysetPage<{ id: number }>));
      expect(back.next).toBeDefined();
    }
  });

  it('starts at the top for a cursor it cannot read', async () => {
    for (const bad of ['%%%', encodeCursor(['x']), encodeCursor([{}] as never), 'e30', 'x'.repeat(3000)]) {
      expect(ids(await page({ after: bad }))).toEqual(expected.slice(0, 5));
    }
  });
});

it('reads back what it wrote, and nothing else', () => {
  expect(decodeCursor(encodeCursor(['2026-01-01', 3]), 2)).toEqual(['2026-01-01', 3]);
  expect(decodeCursor(encodeCursor(['a', 1]), 3)).toBeUndefined();
  expect(decodeCursor(encodeCursor(['a\u0000']), 1)).toBeUndefined();
  expect(decodeCursor(undefined, 1)).toBeUndefined();
});
