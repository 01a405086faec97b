import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { beforeAll, expect, it } from 'vitest';
import { demoCoalition } from '../../../demo/coalition.js';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { translationState } from '../../platform/text/localized-text.js';
import { loadDemo } from './service.js';

describeEachEngine('demo coalition', (ctx) => {
  let firstReport: Awaited<ReturnType<typeof loadDemo>>;
  beforeAll(async () => {
    firstReport = await loadDemo(ctx.db);
  });

  const rows = async (table: PgTable) => Number((await ctx.db.select({ n: count() }).from(table))[0]?.n);

  it('reproduces everything the seed release states', async () => {
    expect(firstReport).toEqual({
      organizations: 10,
      people: 4,
      themes: 5,
      addressees: 3,
      statements: 1,
      releases: 1,
      'follow-up entries': 11,
    });
    expect(await rows(t.recommendations)).toBe(7);
    expect(await rows(t.signatories)).toBe(10);
    expect(await rows(t.quotes)).toBe(2);
    const contacts = await ctx.db.select().from(t.people).where(eq(t.people.isPressContact, true));
    expect(contacts.map((p) => [p.name, p.phone, p.email]).sort()).toEqual([
      ['Fernanda Durand', '+14433963317', 'fernanda@communicationsshop.us'],
      ['Nancy Treviño', '+17862018958', 'press@alianzamericas.org'],
    ]);
  });

  it('uses every theme, and gives several recommendations more than one', async () => {
    const links = await ctx.db.select().from(t.recommendationThemes);
    const themes = await ctx.db.select().from(t.themes);
    for (const theme of themes) expect(links.some((l) => l.themeId === theme.id)).toBe(true);
    const perRecommendation = new Map<number, number>();
    for (const l of links)
      perRecommendation.set(l.recommendationId, (perRecommendation.get(l.recommendationId) ?? 0) + 1);
    expect([...perRecommendation.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps English as published and marks the Spanish as our translation', async () => {
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    expect(translationState(cejil?.boilerplate, 'en')).toBe('original');
    expect(translationState(cejil?.boilerplate, 'es')).toBe('translation');
    const recs = await ctx.db.select().from(t.recommendations);
    for (const r of recs) {
      expect(translationState(r.text, 'en')).toBe('original');
      expect(translationState(r.text, 'es')).toBe('translation');
    }
  });

  it('invents no boilerplate for an organization the release gives none', async () => {
    const [platform] = await ctx.db
      .select()
      .from(t.organizations)
      .where(eq(t.organizations.slug, 'migration-development-platform'));
    expect(platform?.boilerplate).toEqual({});
    const withBoilerplate = demoCoalition.organizations.filter((o) => o.boilerplate).length;
    expect(withBoilerplate).toBe(9);
  });

  it('loads again without duplicating anything or overwriting edits', async () => {
    await ctx.db
      .update(t.organizations)
      .set({ website: 'https://example.org/edited' })
      .where(eq(t.organizations.slug, 'afsc'));
    const second = await loadDemo(ctx.db);
    // Nothing of any kind is inserted again.
    expect(second).toEqual(Object.fromEntries(Object.keys(firstReport).map((kind) => [kind, 0])));
    expect(await rows(t.organizations)).toBe(10);
    expect(await rows(t.recommendations)).toBe(7);
    const [afsc] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'afsc'));
    expect(afsc?.website).toBe('https://example.org/edited');
  });
});
