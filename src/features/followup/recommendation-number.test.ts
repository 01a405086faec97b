/**
 * One numbering of recommendations everywhere: the editors' follow-up reminders and digest call a
 * recommendation by the number the public statement page gives it ("Recommendation 1" for the first),
 * whatever positions the rows store (the demo stores them from 0, the editor from 1).
 */
import * as cheerio from 'cheerio';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { buildDigest } from './digest.js';

const NOW = new Date('2026-11-27T12:00:00Z');

describeEachEngine('recommendation numbers', (ctx) => {
  let app: FastifyTypeBox;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW, followupStaleMonths: 3 });
    await createUserWithPassword(ctx.db, { email: 'numbers@example.org', role: 'editor' }, NOW);
  });

  /** "Recommendation N" as the public statement page labels each recommendation, by recommendation id. */
  async function publicNumbers(ids: number[]): Promise<Map<number, string>> {
    const rows = await ctx.db
      .select({ id: t.recommendations.id, slug: t.recommendations.slug, statement: t.statements.slug })
      .from(t.recommendations)
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .where(inArray(t.recommendations.id, ids));
    const labels = new Map<number, string>();
    for (const row of rows) {
      const page = cheerio.load((await new Visitor(app).get(`/en/statements/${row.statement}`)).body);
      const link = page(`a.rec-number[href="/en/statements/${row.statement}/recommendations/${row.slug}"]`);
      const texts = new Set(link.toArray().map((a) => page(a).text().trim()));
      expect(texts.size).toBe(1);
      labels.set(row.id, [...texts][0]!);
    }
    return labels;
  }

  it('the workspace follow-up list names each recommendation as the public page does, from 1', async () => {
    const editor = await signedIn(app, 'numbers@example.org');
    for (const url of ['/en/workspace/followup', '/en/workspace/followup?stale=1']) {
      const list = cheerio.load((await editor.get(url)).body);
      const shown = list('table[data-list=recommendations] a.rec-number')
        .toArray()
        .map((a) => ({
          id: Number(/\/recommendations\/(\d+)$/.exec(list(a).attr('href') ?? '')?.[1]),
          label: /Recommendation \d+/.exec(list(a).text())?.[0],
        }));
      expect(shown.length).toBeGreaterThan(1);
      const expected = await publicNumbers(shown.map((s) => s.id));
      for (const s of shown) expect(s.label).toBe(expected.get(s.id));
      expect(list('table[data-list=recommendations]').text()).not.toContain('Recommendation 0');
    }
  });

  it("the editors' digest uses the same numbers", async () => {
    const digest = await buildDigest(ctx.db, NOW, 3, 'https://puente.example');
    const english = digest.text.split('\n');
    const items = english.flatMap((line, i) => {
      const id = /\/en\/workspace\/followup\/recommendations\/(\d+)$/.exec(line)?.[1];
      const label = /— (Recommendation \d+) \(/.exec(english[i - 1] ?? '')?.[1];
      return id && label ? [{ id: Number(id), label }] : [];
    });
    expect(items.length).toBeGreaterThan(1);
    const expected = await publicNumbers(items.map((s) => s.id));
    for (const s of items) expect(s.label).toBe(expected.get(s.id));
  });
});
