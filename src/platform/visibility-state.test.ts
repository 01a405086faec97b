/**
 * The state filters of the workspace lists are SQL (`stateCondition`, `releaseStateCondition`); they
 * must pick exactly the rows `visibilityState`/`releaseVisibility` give that state, at the same instant.
 */
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import * as t from './db/schema/index.js';
import { localized } from './text/localized-text.js';
import {
  releaseStateCondition,
  releaseVisibility,
  stateCondition,
  statementStateColumns,
  type VisibilityState,
  visibilityState,
} from './visibility.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const BEFORE = new Date('2026-05-01T00:00:00Z');
const AFTER = new Date('2026-07-01T00:00:00Z');
const STATES: VisibilityState[] = ['draft', 'embargoed', 'published', 'withdrawn'];

/** Every combination of the three columns, the instants before, at and after now included. */
const shapes = (['draft', 'published'] as const).flatMap((status) =>
  [null, BEFORE, NOW, AFTER].flatMap((embargo) =>
    [null, BEFORE, NOW, AFTER].map((withdrawn) => ({ status, embargo, withdrawn })),
  ),
);

describeEachEngine('state filters in SQL agree with the visibility rule', (db) => {
  let statementIds: number[] = [];
  let releaseIds: number[] = [];

  beforeAll(async () => {
    const statements = await db.db
      .insert(t.statements)
      .values(
        shapes.map((s, i) => ({
          slug: `s-${i}`,
          title: localized('en', `S ${i}`),
          date: '2026-01-01',
          status: s.status,
          embargoUntil: s.embargo,
          withdrawnAt: s.withdrawn,
        })),
      )
      .returning();
    statementIds = statements.map((s) => s.id);
    // Each release shape, alone and over a statement of each shape (a sample of them, to stay small).
    const releases = await db.db
      .insert(t.releases)
      .values(
        shapes.flatMap((r, i) =>
          [null, ...statements.filter((_, j) => j % 5 === i % 5)].map((statement, k) => ({
            slug: `r-${i}-${k}`,
            statementId: statement?.id ?? null,
            releaseDate: '2026-01-01',
            headline: localized('en', `R ${i}`),
            status: r.status,
            embargoedUntil: r.embargo,
            withdrawnAt: r.withdrawn,
          })),
        ),
      )
      .returning();
    releaseIds = releases.map((r) => r.id);
  });

  it('statements', async () => {
    const rows = await db.db.select().from(t.statements).where(inArray(t.statements.id, statementIds));
    for (const state of STATES) {
      const picked = await db.db
        .select({ id: t.statements.id })
        .from(t.statements)
        .where(stateCondition(statementStateColumns, state, NOW));
      const expected = rows.filter((s) => visibilityState(s, NOW) === state).map((s) => s.id);
      expect(expected.length, state).toBeGreaterThan(0);
      expect(picked.map((p) => p.id).sort(), state).toEqual(expected.sort());
    }
  });

  it('releases, held back by their statement', async () => {
    const rows = await db.db
      .select({ release: t.releases, statement: t.statements })
      .from(t.releases)
      .leftJoin(t.statements, eq(t.statements.id, t.releases.statementId))
      .where(inArray(t.releases.id, releaseIds));
    for (const state of STATES) {
      const picked = await db.db
        .select({ id: t.releases.id })
        .from(t.releases)
        .leftJoin(t.statements, eq(t.statements.id, t.releases.statementId))
        .where(releaseStateCondition(state, NOW));
      const expected = rows
        .filter((r) => releaseVisibility(r.release, r.statement, NOW) === state)
        .map((r) => r.release.id);
      expect(expected.length, state).toBeGreaterThan(0);
      expect(picked.map((p) => p.id).sort(), state).toEqual(expected.sort());
    }
  });
});
