import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { readSearchRequest, search } from './index.js';
import { parsedWords } from './parsed-words.js';
import type { EntriesBy } from './request.js';
import {
  andedLexemes,
  DENSE_SHARE,
  lexemeShares,
  matchShare,
  TOGETHER_ALLOWANCE,
  wordsAreDense,
} from './word-density.js';

describe('how common the words are', () => {
  it('reads only tsqueries that AND plain lexemes', () => {
    expect(andedLexemes("'deport' & 'edad'")).toEqual(['deport', 'edad']);
    expect(andedLexemes("'o''brien'")).toEqual(["o'brien"]);
    for (const other of ["'a' | 'b'", "!'a'", "'a' <-> 'b'", "'a':*", ''])
      expect(andedLexemes(other), other).toBeNull();
  });

  it('estimates the words together as their product with an allowance, never above the rarest word', () => {
    const shares = new Map([
      ['deport', 0.0927],
      ['edad', 0.0927],
      ['decre', 0.0308],
      ['publish', 0.1214],
      ['govern', 0.9],
    ]);
    expect(matchShare(['deport'], shares)).toBe(0.0927);
    // One phrase of the texts: each word in 9 %, their product 0.9 %, allowed up to 8 times that.
    expect(matchShare(['deport', 'edad'], shares)).toBeCloseTo(0.0927 * 0.0927 * TOGETHER_ALLOWANCE, 6);
    expect(matchShare(['deport', 'edad'], shares)).toBeGreaterThanOrEqual(DENSE_SHARE);
    // Two common words that rarely meet: under the dense share although each alone is common.
    expect(matchShare(['decre', 'publish'], shares)).toBeLessThan(DENSE_SHARE);
    expect(matchShare(['publish'], shares)).toBeGreaterThanOrEqual(DENSE_SHARE);
    // A word in nearly every row leaves the other's share.
    expect(matchShare(['deport', 'govern'], shares)).toBe(0.0927);
    expect(matchShare(['deport', 'quetzal'], shares)).toBe(0);
  });
});

describeEachEngine('how common the words are, from the statistics', (ctx) => {
  const rows = 500;
  // 'walrus' in one row of 16 (even rows), 'zeppelin' in one of 14 (odd rows): each common alone, never together;
  // 'harbour' in every row, so 'walrus harbour' meets as often as 'walrus'.
  const textOf = (i: number) =>
    `The ${i % 16 === 0 ? 'walrus' : i % 14 === 1 ? 'zeppelin' : 'ferry'} waits at the harbour (${i}).`;
  beforeAll(async () => {
    const [statement] = await ctx.db
      .insert(t.statements)
      .values({ slug: 'density', title: { en: { text: 'Density', origin: 'original' } }, date: '2025-01-01' })
      .returning();
    await ctx.db.insert(t.recommendations).values(
      Array.from({ length: rows }, (_, i) => ({
        statementId: statement!.id,
        slug: `density-${i}`,
        position: i + 1,
        text: { en: { text: textOf(i), origin: 'original' as const } },
      })),
    );
    await ctx.db.execute(sql`analyze search_documents`);
  });

  const dense = async (q: string) => {
    // Read the statistics again now that ANALYZE has run (a search before it may have kept none).
    const shares = await lexemeShares(ctx.db, Date.now() + 24 * 3600_000);
    return wordsAreDense(await parsedWords(ctx.db, q), shares, ['en']);
  };

  it('reads rows for common words, and for common words that go together', async () => {
    expect(await dense('walrus')).toBe(true);
    expect(await dense('zeppelin')).toBe(true);
    expect(await dense('walrus harbour')).toBe(true);
  });

  it('takes the index for two common words that rarely meet, and finds what reading would', async () => {
    expect(await dense('walrus zeppelin')).toBe(false);
    expect(await dense('quetzal')).toBe(false);
    const hitsBy = async (q: string, by: EntriesBy) =>
      (await search(ctx.db, readSearchRequest({ q }), 'en', new Date(), 'unpublished', by)).hits.map(
        (h) => h.recommendationSlug,
      );
    expect(await hitsBy('walrus zeppelin', 'words')).toEqual([]);
    expect(await hitsBy('walrus zeppelin', 'scan')).toEqual([]);
    const together = await hitsBy('walrus harbour', 'words');
    expect(together).toHaveLength(20);
    expect(await hitsBy('walrus harbour', 'index')).toEqual(together);
  });
});
