import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { demoCoalition } from '../../../demo/coalition.js';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { listPublicStatements } from './service.js';

const demoStatement = demoCoalition.statements[0]!;
const statementUrl = (locale: string) => `/${locale}/statements/${demoStatement.slug}`;

describeEachEngine('statements', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await createTestApp(ctx.db);
  });

  for (const locale of LOCALES) {
    it(`[${locale}] the home page lists the published statement`, async () => {
      const { status, $ } = await getPage(app, `/${locale}/`);
      expect(status).toBe(200);
      expect($('html').attr('lang')).toBe(locale);
      expect($(`a[href="${statementUrl(locale)}"]`).text()).toBe(demoStatement.title[locale]);
    });

    it(`[${locale}] the statement page shows 7 recommendations, each once and numbered, 10 organizations and 2 quotes`, async () => {
      const { status, $, response } = await getPage(app, statementUrl(locale));
      expect(status).toBe(200);
      expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(50 * 1024);
      expect($('html').attr('lang')).toBe(locale);
      expect($('h1').text()).toBe(demoStatement.title[locale]);

      const items = $('#recommendations-heading').parent().find('ol.recommendations > li.recommendation');
      expect(items.map((_, el) => $(el).find('h3').text().trim()).get()).toEqual(
        demoStatement.recommendations.map((_, i) => (locale === 'en' ? 'Recommendation ' : 'Recomendación ') + (i + 1)),
      );
      expect(items.map((_, el) => $(el).find('.rec-text').text()).get()).toEqual(
        demoStatement.recommendations.map((r) => r.text[locale]),
      );
      // Each recommendation's themes as text tags, in the coalition's order.
      items.each((i, el) => {
        const rec = demoStatement.recommendations[i]!;
        expect(
          $(el)
            .find('ul.tags li')
            .map((_, li) => $(li).text())
            .get(),
        ).toEqual(demoCoalition.themes.filter((th) => rec.themes.includes(th.slug)).map((th) => th.label[locale]));
      });

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

    it(`[${locale}] the summary is said once: the body's paragraph restating it is left out, the others stay`, async () => {
      const { $ } = await getPage(app, statementUrl(locale));
      const main = $('main').text();
      const summary = demoStatement.summary![locale]!;
      expect(main.split(summary).length - 1).toBe(1);
      const [opening, restated] = demoStatement.body![locale]!.split('\n\n');
      expect(main).toContain(opening!.slice(0, 60));
      // "The principal issues addressed in the document…", the summary again in other words.
      expect(main).not.toContain(restated!.slice(0, 60));
    });

    it(`[${locale}] no "not online yet" line without a full document; a link to it when there is one`, async () => {
      const before = await getPage(app, statementUrl(locale));
      expect(before.$('.full-document').length).toBe(0);
      expect(before.$('main').text()).not.toMatch(/not online yet|todavía no está en línea/);
      const url = 'https://example.org/statement.pdf';
      await ctx.db.update(t.statements).set({ fullDocumentUrl: url }).where(eq(t.statements.slug, demoStatement.slug));
      try {
        const { $ } = await getPage(app, statementUrl(locale));
        expect($('.full-document a').attr('href')).toBe(url);
        expect($('.full-document a').text()).toBe(
          locale === 'en' ? 'Read the full document' : 'Leer el documento completo',
        );
      } finally {
        await ctx.db
          .update(t.statements)
          .set({ fullDocumentUrl: null })
          .where(eq(t.statements.slug, demoStatement.slug));
      }
    });

    it(`[${locale}] the theme links filter the list without JavaScript, show the filter and clear it`, async () => {
      const page = await getPage(app, statementUrl(locale));
      for (const theme of demoCoalition.themes) {
        const link = page.$('.theme-filter a').filter((_, a) => page.$(a).text() === theme.label[locale]);
        expect(link.length).toBe(1);
        const filtered = await getPage(app, link.attr('href')!);
        expect(filtered.status).toBe(200);
        const shown = filtered.$('li.recommendation');
        const expected = demoStatement.recommendations
          .map((r, i) => ({ r, number: i + 1 }))
          .filter(({ r }) => r.themes.includes(theme.slug));
        expect(shown.map((_, el) => filtered.$(el).find('.rec-text').text()).get()).toEqual(
          expected.map(({ r }) => r.text[locale]),
        );
        // The numbers stay those of the whole statement.
        expect(shown.map((_, el) => filtered.$(el).attr('id')).get()).toEqual(
          expected.map(({ number }) => `recommendation-${number}`),
        );
        expect(filtered.$('.theme-filter a[aria-current="page"]').text()).toBe(theme.label[locale]);
        expect(filtered.$('.filter-state').text()).toContain(theme.label[locale]);
        const clear = filtered.$('.filter-state a');
        const all = await getPage(app, clear.attr('href')!);
        expect(all.$('li.recommendation').length).toBe(demoStatement.recommendations.length);
        expect(all.$('.filter-state').length).toBe(0);
      }
      const unknown = await getPage(app, `${statementUrl(locale)}?theme=no-such-theme`);
      expect(unknown.status).toBe(200);
      expect(unknown.$('li.recommendation').length).toBe(demoStatement.recommendations.length);
      expect(unknown.$('.filter-state').text()).toMatch(/not one of this statement|no es de esta declaración/);
    });

    it(`[${locale}] each recommendation links to its public follow-up`, async () => {
      const { $ } = await getPage(app, statementUrl(locale));
      const links = $('li.recommendation a.followup-link');
      expect(links.length).toBe(demoStatement.recommendations.length);
      for (const [i, a] of links.toArray().entries()) {
        const followup = await getPage(app, $(a).attr('href')!);
        expect(followup.status).toBe(200);
        expect(followup.$('main').text()).toContain(demoStatement.recommendations[i]!.text[locale]);
      }
    });

    it(`[${locale}] the language switch keeps the reader on the same statement`, async () => {
      const { $ } = await getPage(app, statementUrl(locale));
      const other = locale === 'en' ? 'es' : 'en';
      expect($(`.language-switch a[hreflang="${other}"]`).attr('href')).toBe(statementUrl(other));
      // For search engines, absolute on the configured public address (the test app's default).
      expect($(`link[rel="alternate"][hreflang="${other}"]`).attr('href')).toBe(
        `http://localhost:3000${statementUrl(other)}`,
      );
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
      expect((await listPublicStatements(ctx.db)).items).toEqual([]);
      expect((await getPage(app, statementUrl('en'))).status).toBe(404);
      expect((await getPage(app, `${statementUrl('es')}/recommendations/family-unity`)).status).toBe(404);
      const { $ } = await getPage(app, '/en/organizations/cejil');
      expect($(`a[href="${statementUrl('en')}"]`).length).toBe(0);
    } finally {
      await ctx.db.update(t.statements).set({ status: 'published' }).where(eq(t.statements.slug, demoStatement.slug));
    }
  });
});
