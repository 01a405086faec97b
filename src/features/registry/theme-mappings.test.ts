/**
 * Editors change how an imported source's theme label maps to a coalition theme (issue 17): every
 * change is previewed first (how many recommendations change theme, nothing written), then applied
 * in one transaction with the mapping's versioned write and one audit row; a stale form is the 409
 * page; bad input is named per field and changes nothing. Built on the real UPR Info excerpt.
 */
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import { readUprInfo, runReviewImport } from '../upr-import/index.js';

const CSV = 'upr-info-excerpt.csv';
const NOW = new Date('2026-12-01T12:00:00Z');
const read = readUprInfo(readFileSync(new URL(`../upr-import/__fixtures__/${CSV}`, import.meta.url)), CSV);
/** How many rows of the excerpt carry a label, and how many carry both of two. */
const carrying = (...labels: string[]) => read.rows.filter((r) => labels.every((l) => r.themes.includes(l))).length;

async function themed(db: Db, slug: string): Promise<number> {
  const rows = await db
    .select({ id: t.recommendationThemes.recommendationId })
    .from(t.recommendationThemes)
    .innerJoin(t.themes, eq(t.themes.id, t.recommendationThemes.themeId))
    .where(eq(t.themes.slug, slug));
  return rows.length;
}

async function mapping(db: Db, label: string) {
  const [row] = await db
    .select({ id: t.themeMappings.id, version: t.themeMappings.version, theme: t.themes.slug })
    .from(t.themeMappings)
    .innerJoin(t.themes, eq(t.themes.id, t.themeMappings.themeId))
    .where(and(eq(t.themeMappings.source, 'upr-info'), eq(t.themeMappings.label, label)));
  return row;
}

describeEachEngine('editing theme mappings', (ctx) => {
  let editor: Visitor;
  let member: Visitor;
  const base = '/en/workspace/themes/mappings';

  beforeAll(async () => {
    const done = await runReviewImport(ctx.db, read, { commit: true, fileName: CSV, command: 'test' }, NOW);
    expect(done.failed).toBe(false);
    await ctx.db
      .insert(t.themes)
      .values({ slug: 'right-to-life', label: localized('en', 'Right to life'), position: 99 });
    await createUserWithPassword(ctx.db, { email: 'mapper@example.org', role: 'editor' });
    const [org] = await ctx.db
      .insert(t.organizations)
      .values({ slug: 'mapping-member', name: 'Member org' })
      .returning({ id: t.organizations.id });
    await createUserWithPassword(ctx.db, { email: 'member@example.org', role: 'member', organizationId: org?.id });
    const app = await createTestApp(ctx.db, () => NOW);
    editor = await signedIn(app, 'mapper@example.org');
    member = await signedIn(app, 'member@example.org');
  });

  it('the import keeps each recommendation’s source labels', async () => {
    const labels = await ctx.db.select().from(t.recommendationSourceThemes);
    expect(labels).toHaveLength(read.rows.reduce((n, r) => n + new Set(r.themes).size, 0));
    expect(await themed(ctx.db, 'death-penalty')).toBe(carrying('Death penalty'));
  });

  it('a change is previewed with how many recommendations it re-themes, and nothing is written', async () => {
    const before = await mapping(ctx.db, 'Death penalty');
    const list = cheerio.load((await editor.get(`${base}?q=death`)).body);
    expect(list(`a[href="${base}/${before?.id}/edit"]`).text()).toContain('Change');
    const form = cheerio.load((await editor.get(`${base}/${before?.id}/edit`)).body);
    expect(form('select[name=theme] option:checked').attr('value')).toBe('death-penalty');
    const preview = await editor.post(
      `${base}/${before?.id}/edit`,
      { version: String(before?.version), theme: 'right-to-life' },
      `${base}/${before?.id}/edit`,
    );
    expect(preview.statusCode).toBe(200);
    const $ = cheerio.load(preview.body);
    expect($('.mapping-change').text()).toBe('“Death penalty” (UPR Info): from Death penalty to Right to life.');
    expect($('.mapping-rethemed').text()).toBe(`${carrying('Death penalty')} imported recommendations change theme.`);
    expect($('form input[name=step]').attr('value')).toBe('apply');
    expect(await mapping(ctx.db, 'Death penalty')).toEqual(before);
    expect(await themed(ctx.db, 'right-to-life')).toBe(0);
  });

  it('applying re-themes them with the mapping, audited once; the same form again is a 409', async () => {
    const before = await mapping(ctx.db, 'Death penalty');
    const apply = { version: String(before?.version), theme: 'right-to-life', step: 'apply' };
    const done = await editor.post(`${base}/${before?.id}/edit`, apply, `${base}/${before?.id}/edit`);
    expect(done.statusCode).toBe(303);
    expect(await mapping(ctx.db, 'Death penalty')).toEqual({ ...before, version: 2, theme: 'right-to-life' });
    expect(await themed(ctx.db, 'right-to-life')).toBe(carrying('Death penalty'));
    expect(await themed(ctx.db, 'death-penalty')).toBe(0);
    const audit = await ctx.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, 'theme_mapping'), eq(t.auditLog.entityId, String(before?.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ rethemed: carrying('Death penalty'), version: 2 });

    const stale = await editor.post(
      `${base}/${before?.id}/edit`,
      { ...apply, theme: 'death-penalty' },
      `${base}/${before?.id}/edit`,
    );
    expect(stale.statusCode).toBe(409);
    expect(await mapping(ctx.db, 'Death penalty')).toMatchObject({ version: 2, theme: 'right-to-life' });
    expect(await themed(ctx.db, 'death-penalty')).toBe(0);
  });

  it('a theme another label of the same recommendation still maps to is kept', async () => {
    const child = 'Justice';
    const torture = 'International instruments';
    const tortureTheme = (await mapping(ctx.db, torture))?.theme as string;
    const childMapping = await mapping(ctx.db, child);
    expect(carrying(torture) - carrying(child, torture)).toBeGreaterThan(1);
    expect(carrying(child, torture)).toBeGreaterThan(1);
    // Justice filed under the instruments' theme too: the recommendations with both gain nothing.
    const moved = await editor.post(
      `${base}/${childMapping?.id}/edit`,
      { version: String(childMapping?.version), theme: tortureTheme, step: 'apply' },
      `${base}/${childMapping?.id}/edit`,
    );
    expect(moved.statusCode).toBe(303);
    expect(await themed(ctx.db, tortureTheme)).toBe(carrying(torture) + carrying(child) - carrying(child, torture));
    // Removing the instruments' own mapping: only the recommendations without the other label lose the theme.
    const tortureMapping = await mapping(ctx.db, torture);
    const preview = await editor.post(
      `${base}/${tortureMapping?.id}/remove`,
      { version: String(tortureMapping?.version) },
      `${base}/${tortureMapping?.id}/edit`,
    );
    const lose = carrying(torture) - carrying(child, torture);
    expect(cheerio.load(preview.body)('.mapping-rethemed').text()).toBe(
      `${lose} imported recommendations change theme.`,
    );
    const removed = await editor.post(
      `${base}/${tortureMapping?.id}/remove`,
      { version: String(tortureMapping?.version), step: 'apply' },
      `${base}/${tortureMapping?.id}/edit`,
    );
    expect(removed.statusCode).toBe(303);
    expect(await mapping(ctx.db, torture)).toBeUndefined();
    expect(await themed(ctx.db, tortureTheme)).toBe(carrying(child));
  });

  it('a new mapping for a label files its recommendations under the chosen theme', async () => {
    const torture = 'International instruments';
    const form = { source: 'upr-info', label: torture, theme: 'right-to-life' };
    const preview = await editor.post(base, form, `${base}/new`);
    expect(cheerio.load(preview.body)('.mapping-change').text()).toBe(
      `“${torture}” (UPR Info): from no theme to Right to life.`,
    );
    const done = await editor.post(base, { ...form, step: 'apply' }, `${base}/new`);
    expect(done.statusCode).toBe(303);
    expect(await mapping(ctx.db, torture)).toMatchObject({ theme: 'right-to-life', version: 1 });
    const withBoth = await ctx.db
      .select({ id: t.recommendationSourceThemes.recommendationId })
      .from(t.recommendationSourceThemes)
      .where(inArray(t.recommendationSourceThemes.label, ['Death penalty', torture]));
    expect(await themed(ctx.db, 'right-to-life')).toBe(new Set(withBoth.map((r) => r.id)).size);
  });

  it('bad input is named per field, in the reader’s language, and nothing changes', async () => {
    const before = await ctx.db.select().from(t.themeMappings);
    const empty = await editor.post(
      '/es/workspace/themes/mappings',
      { source: 'upr-info', label: ' ', theme: 'nope' },
      '/es/workspace/themes/mappings/new',
    );
    expect(empty.statusCode).toBe(400);
    const $ = cheerio.load(empty.body);
    expect($('#f-label-error').text()).toContain('Completa este campo.');
    expect($('#f-theme-error').text()).toContain('Elige una de las opciones de la lista.');
    // The sources are named in the reader's language: the OHCHR is the ACNUDH in Spanish.
    expect(
      $('select[name=source] option')
        .map((_, o) => $(o).text())
        .get(),
    ).toEqual(['', 'UPR Info', 'ACNUDH']);
    const taken = await editor.post(
      base,
      { source: 'upr-info', label: 'Death penalty', theme: 'right-to-life', step: 'apply' },
      `${base}/new`,
    );
    expect(taken.statusCode).toBe(400);
    expect(cheerio.load(taken.body)('#f-label-error').text()).toContain('already has a mapping');
    expect(await ctx.db.select().from(t.themeMappings)).toEqual(before);
  });

  it('only editors change mappings', async () => {
    const row = await mapping(ctx.db, 'Death penalty');
    expect((await member.get(`${base}/new`)).statusCode).toBe(403);
    const refused = await member.post(
      `${base}/${row?.id}/edit`,
      { version: String(row?.version), theme: 'death-penalty', step: 'apply' },
      '/en/account',
    );
    expect(refused.statusCode).toBe(403);
    expect(await mapping(ctx.db, 'Death penalty')).toEqual(row);
  });
});
