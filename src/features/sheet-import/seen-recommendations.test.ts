import { describe, expect, it } from 'vitest';
import { recommendationDigest } from './import-state.js';
import { SeenRecommendations } from './seen-recommendations.js';
import type { ParsedRow } from './validate-row.js';

const row = (statement: string, recommendation: string, text: string): ParsedRow => ({
  row: 2,
  statement: { slug: statement, date: '2024-01-01', state: 'published', titleEn: 'T', titleEs: '' },
  recommendation: {
    slug: recommendation,
    number: 1,
    originalLanguage: 'en',
    textEn: text,
    textEs: '',
    themes: ['Women'],
    addressees: ['Chile'],
    currentStatus: '',
    currentStatusDate: '',
  },
  entry: null,
});

describe('SeenRecommendations', () => {
  it('answers what it was told, per statement and slug, past its first capacity', () => {
    const seen = new SeenRecommendations();
    const rows = Array.from({ length: 3000 }, (_, k) => row(`s${k % 7}`, `r${k}`, `text ${k}`));
    for (const [k, p] of rows.entries()) {
      seen.remember(p, { id: 100_000 + k, existed: k % 3 === 0, row: k + 2, digest: recommendationDigest(p) });
    }
    expect(seen.size).toBe(3000);
    for (const k of [0, 1, 1023, 1024, 2047, 2999]) {
      const p = rows[k]!;
      expect(seen.get(p)).toEqual({
        id: 100_000 + k,
        existed: k % 3 === 0,
        row: k + 2,
        digest: recommendationDigest(p),
      });
    }
    // The same recommendation slug under another statement is another recommendation.
    expect(seen.has(row('s1', 'r0', 'text 0'))).toBe(false);
    expect(seen.get(row('s0', 'r0', 'other text'))?.digest).not.toBe(
      recommendationDigest(row('s0', 'r0', 'other text')),
    );
  });

  it('refuses a digest that is not recommendationDigest’s', () => {
    expect(() =>
      new SeenRecommendations().remember(row('s', 'r', 't'), { id: 1, existed: false, row: 2, digest: 'abc' }),
    ).toThrow(/24 bytes/);
  });
});
