/**
 * The stored recommendation number (recommendations.number, migration 0028): 1..n in the statement's order
 * (position, then id) after every kind of write: the editor's add, reorder and delete, plain inserts with gaps and
 * ties, a move between statements, and a bulk load (triggers paused, numbered once by resumeDerivedUpkeep).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { editorUser, seedRegistry, statementInput } from '../../../test/support/statements.js';
import { bulkInsert, noRowsCreated, pauseDerivedUpkeep, resumeDerivedUpkeep } from '../../platform/db/bulk-write.js';
import * as t from '../../platform/db/schema/index.js';
import type { Editor } from '../../platform/write.js';
import { createStatement } from './edit-service.js';
import { createRecommendation, deleteRecommendation, moved, reorderStatementItems } from './recommendation-service.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const r = t.recommendations;

describeEachEngine('stored recommendation numbers', (ctx) => {
  let ana: Editor;
  beforeAll(async () => {
    await seedRegistry(ctx.db);
    ana = await editorUser(ctx.db);
  });

  /** The statement's slugs in its order, each with its stored number. */
  async function numbered(statementId: number): Promise<[string, number][]> {
    const rows = await ctx.db
      .select({ slug: r.slug, number: r.number })
      .from(r)
      .where(eq(r.statementId, statementId))
      .orderBy(asc(r.position), asc(r.id));
    return rows.map((row) => [row.slug, row.number]);
  }

  /** Every recommendation whose stored number is not its place counted afresh (none, when the triggers are right). */
  async function wrongNumbers(): Promise<unknown[]> {
    const result = (await ctx.db.execute(sql`select id, number, counted from (
        select id, number, row_number() over (partition by statement_id order by position, id) as counted
        from recommendations) n where number <> counted`)) as unknown as { rows: unknown[] };
    return result.rows;
  }

  const add = (statementSlug: string, en: string) =>
    createRecommendation(
      ctx.db,
      { statementSlug, text: { en, es: '' }, themeIds: [], addresseeIds: [], originalLocale: 'en' },
      ana,
      NOW,
    );

  it('the editor adds, reorders and deletes: the numbers stay 1..n in the order shown', async () => {
    const s = await createStatement(ctx.db, statementInput({ slug: 'numbered-by-editor' }), ana, NOW);
    const recs = [];
    for (const en of ['First ask', 'Second ask', 'Third ask', 'Fourth ask']) recs.push(await add(s.slug, en));
    expect(await numbered(s.id)).toEqual([
      ['first-ask', 1],
      ['second-ask', 2],
      ['third-ask', 3],
      ['fourth-ask', 4],
    ]);

    const order = moved(
      recs.map((rec) => rec.id),
      recs[3]!.id,
      'up',
    );
    await reorderStatementItems(
      ctx.db,
      { statementSlug: s.slug, version: s.version, kind: 'recommendations', order },
      ana,
      NOW,
    );
    expect(await numbered(s.id)).toEqual([
      ['first-ask', 1],
      ['second-ask', 2],
      ['fourth-ask', 3],
      ['third-ask', 4],
    ]);

    const [second] = await ctx.db.select().from(r).where(eq(r.id, recs[1]!.id));
    await deleteRecommendation(ctx.db, { statementSlug: s.slug, id: second!.id, version: second!.version }, ana, NOW);
    expect(await numbered(s.id)).toEqual([
      ['first-ask', 1],
      ['fourth-ask', 2],
      ['third-ask', 3],
    ]);
    expect(await wrongNumbers()).toEqual([]);
  });

  it('plain writes with gaps and ties, an insert before the others and a move between statements renumber both', async () => {
    const a = await createStatement(ctx.db, statementInput({ slug: 'numbered-a' }), ana, NOW);
    const b = await createStatement(ctx.db, statementInput({ slug: 'numbered-b' }), ana, NOW);
    const rows = (slugs: string[], statementId: number, position: (i: number) => number) =>
      slugs.map((slug, i) => ({
        statementId,
        slug,
        position: position(i),
        text: { en: { text: slug, origin: 'original' as const } },
      }));
    // Positions from 0 with a tie (the id breaks it) and a gap, as loaded data has them.
    await ctx.db.insert(r).values(rows(['a0', 'a1', 'a2', 'a3'], a.id, (i) => [0, 5, 5, 9][i]!));
    await ctx.db.insert(r).values(rows(['b0', 'b1'], b.id, (i) => i * 10));
    expect(await numbered(a.id)).toEqual([
      ['a0', 1],
      ['a1', 2],
      ['a2', 3],
      ['a3', 4],
    ]);
    // Before all the others: every later one moves up by one.
    await ctx.db.insert(r).values(rows(['a-first'], a.id, () => -1));
    expect((await numbered(a.id)).map(([, n]) => n)).toEqual([1, 2, 3, 4, 5]);
    expect((await numbered(a.id))[0]).toEqual(['a-first', 1]);
    // A move to the other statement, between its two rows.
    await ctx.db.update(r).set({ statementId: b.id, position: 5 }).where(eq(r.slug, 'a1'));
    expect(await numbered(a.id)).toEqual([
      ['a-first', 1],
      ['a0', 2],
      ['a2', 3],
      ['a3', 4],
    ]);
    expect(await numbered(b.id)).toEqual([
      ['b0', 1],
      ['a1', 2],
      ['b1', 3],
    ]);
    // A change of text moves nothing and renumbers nothing.
    await ctx.db
      .update(r)
      .set({ text: { en: { text: 'changed', origin: 'original' as const } } })
      .where(eq(r.statementId, b.id));
    expect((await numbered(b.id)).map(([, n]) => n)).toEqual([1, 2, 3]);
    expect(await wrongNumbers()).toEqual([]);
  });

  it('a bulk load is numbered once, when the upkeep resumes', async () => {
    const s = await createStatement(ctx.db, statementInput({ slug: 'numbered-in-bulk' }), ana, NOW);
    await add(s.slug, 'Typed before the load');
    await ctx.db.transaction(async (tx) => {
      await pauseDerivedUpkeep(tx);
      const loaded = Array.from({ length: 300 }, (_, i) => ({
        statementId: s.id,
        slug: `loaded-${i}`,
        // Before and after the typed one, in reverse order of insertion.
        position: 600 - 2 * i - 300,
        text: { en: { text: `Loaded ${i}`, origin: 'original' as const } },
      }));
      const ids = await bulkInsert<typeof r, { id: number }>(tx, r, loaded, ['id']);
      const [unnumbered] = await tx.select({ n: sql<number>`count(*)::int` }).from(r).where(eq(r.number, 0));
      // The trigger was off: the loaded rows wait for their numbers.
      expect(unnumbered!.n).toBe(300);
      const created = noRowsCreated();
      created.statements.add(s.id);
      created.recommendations.push(...ids.map((row) => row.id));
      await resumeDerivedUpkeep(tx, created);
    });
    const numbers = await numbered(s.id);
    expect(numbers.map(([, n]) => n)).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));
    expect(numbers[0]).toEqual(['loaded-299', 1]);
    expect(await wrongNumbers()).toEqual([]);
  });
});
