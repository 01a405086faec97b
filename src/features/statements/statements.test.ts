import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { demoCoalition } from '../../../demo/coalition.js';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { getPublicStatement, groupByTheme, listPublicStatements } from './service.js';

const demoStatement = demoCoalition.statements[0]!;
const statementUrl = (locale: string) => `/${locale}/statements/${demoStatement.slug}`;

describeEachEngine('statements', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await createTestApp(ctx.db);
  });

  it('groups recommendations by theme in the coalition order, repeating those with several themes', async () => {
    const detail = await getPublicStatement(ctx.db, demoStatement.slug);
    const groups = groupByTheme(detail);
    expect(groups.map((g) => g.theme?.slug)).toEqual(demoCoalition.themes.map((th) => th.slug));
    const expected = demoCoalition.themes.map((th) =>
      demoStatement.recommendations.filter((r) => r.themes.includes(th.slug)).map((r) => r.slug),
    );
    expect(groups.map((g) => g.recommendations.map((r) => r.slug))).toEqual(expected);
  });

  for (const locale of LOCALES) {
    it(`[${locale}] the home page lists the published statement`, async () => {
      const { status, $ } = await getPage(app, `/${locale}/`);
      expect(status).toBe(200);
      expect($('html').attr('lang')).toBe(locale);
      expect($(`a[href="${statementUrl(locale)}"]`).text()).toBe(demoStatement.title[locale]);
    });

    it(`[${locale}] the statement page shows 7 recommendations under 5 themes, 10 organizations and 2 quotes`, async () => {
      const { status, $ } = await getPage(app, statementUrl(locale));
      expect(status).toBe(200);
      expect($('html').attr('lang')).toBe(locale);
      expect($('h1').text()).toBe(demoStatement.title[locale]);

      const themeHeadings = $('.theme-group h3')
        .map((_, el) => $(el).text())
        .get();
      expect(themeHeadings).toEqual(demoCoalition.themes.map((th) => th.label[locale]));

      const shown = new Set(
        $('.recommendation p')
          .map((_, el) => $(el).text())
          .get(),
      );
      expect(shown).toEqual(new Set(demoStatement.recommendations.map((r) => r.text[locale])));

      const signatories = $('.signatories li a')
        .map((_, el) => $(el).attr('href'))
        .get();
      expect(signatories).toEqual(demoStatement.signatories.map((s) => `/${locale}/organizations/${s.organization}`));

      const quotes = $('.quote blockquote')
        .map((_, el) => $(el).text().trim())
        .get();
      expect(quotes).toEqual(demoStatement.quotes.map((q) => q.text[locale]));
      expect($('.quote figcaption').first().text()).toContain('Mirtha Colón');
      // Nothing on the demo page falls back to the other language.
      expect($('.untranslated').length).toBe(0);
    });

    it(`[${locale}] the language switch keeps the reader on the same statement`, async () => {
      const { $ } = await getPage(app, statementUrl(locale));
      const other = locale === 'en' ? 'es' : 'en';
      expect($(`.language-switch a[hreflang="${other}"]`).attr('href')).toBe(statementUrl(other));
      expect($(`link[rel="alternate"][hreflang="${other}"]`).attr('href')).toBe(statementUrl(other));
    });

    it(`[${locale}] each recommendation has its own page with its themes and addressees`, async () => {
      for (const [index, rec] of demoStatement.recommendations.entries()) {
        const { status, $ } = await getPage(app, `${statementUrl(locale)}/recommendations/${rec.slug}`);
        expect(status).toBe(200);
        expect($('h1').text()).toContain(String(index + 1));
        expect($('.lede').text()).toBe(rec.text[locale]);
        const tags = $('.tags li')
          .map((_, el) => $(el).text())
          .get();
        expect(tags).toEqual(
          demoCoalition.themes.filter((th) => rec.themes.includes(th.slug)).map((th) => th.label[locale]),
        );
        expect($('main').text()).toContain(
          demoCoalition.addressees.find((a) => a.slug === rec.addressees[0])!.name[locale],
        );
      }
    });

    it(`[${locale}] unknown statements and recommendations get the 404 page in ${locale}`, async () => {
      for (const url of [
        `/${locale}/statements/no-such-statement`,
        `${statementUrl(locale)}/recommendations/no-such-recommendation`,
        `/${locale}/statements/${'x'.repeat(500)}`,
        `/${locale}/statements/%E2%9C%93%20%27%3Cscript%3E`,
      ]) {
        const { status, $ } = await getPage(app, url);
        expect(status, url).toBe(404);
        expect($('html').attr('lang')).toBe(locale);
        expect($('h1').text()).toBe(locale === 'en' ? 'Page not found' : 'Página no encontrada');
      }
    });
  }

  it('keeps a draft statement off the public site', async () => {
    await ctx.db.update(t.statements).set({ status: 'draft' }).where(eq(t.statements.slug, demoStatement.slug));
    try {
      expect(await listPublicStatements(ctx.db)).toEqual([]);
      expect((await getPage(app, statementUrl('en'))).status).toBe(404);
      expect((await getPage(app, `${statementUrl('es')}/recommendations/family-unity`)).status).toBe(404);
      const { $ } = await getPage(app, '/en/organizations/cejil');
      expect($(`a[href="${statementUrl('en')}"]`).length).toBe(0);
    } finally {
      await ctx.db.update(t.statements).set({ status: 'published' }).where(eq(t.statements.slug, demoStatement.slug));
    }
  });
});
