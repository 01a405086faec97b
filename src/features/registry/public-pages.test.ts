import { beforeAll, expect, it } from 'vitest';
import { demoCoalition } from '../../../demo/coalition.js';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

describeEachEngine('organizations', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await createTestApp(ctx.db);
  });

  for (const locale of LOCALES) {
    it(`[${locale}] the directory lists all 10 organizations by their ${locale} names, accents ignored in the order`, async () => {
      const { status, $ } = await getPage(app, `/${locale}/organizations`);
      expect(status).toBe(200);
      const links = $('.directory li > a')
        .map((_, el) => ({ href: $(el).attr('href'), name: $(el).text() }))
        .get();
      expect(links).toHaveLength(10);
      expect(new Set(links.map((l) => l.name))).toEqual(
        new Set(demoCoalition.organizations.map((o) => o.localizedName[locale])),
      );
      // "Alianza Americas" first, "Red Jesuita…" after "Presente.org": alphabetical by canonical name.
      expect(links[0]?.href).toBe(`/${locale}/organizations/alianza-americas`);
    });

    it(`[${locale}] every organization page shows its boilerplate, website and the statement it signed`, async () => {
      for (const org of demoCoalition.organizations) {
        const { status, $ } = await getPage(app, `/${locale}/organizations/${org.slug}`);
        expect(status, org.slug).toBe(200);
        expect($('html').attr('lang')).toBe(locale);
        const about = $('section[aria-labelledby="about-heading"]').text();
        if (org.boilerplate?.[locale]) expect(about).toContain(org.boilerplate[locale]);
        else expect($('section[aria-labelledby="about-heading"] .muted').length).toBe(1);
        if (org.website) expect($(`a[href="${org.website}"]`).length).toBe(1);
        expect($(`a[href="/${locale}/statements/guatemala-vp-visit-2021"]`).length).toBe(1);
      }
    });

    it(`[${locale}] an unknown organization gets the 404 page`, async () => {
      const { status, $ } = await getPage(app, `/${locale}/organizations/no-such-org`);
      expect(status).toBe(404);
      expect($('html').attr('lang')).toBe(locale);
    });
  }

  it('names the missing boilerplate instead of showing an empty section', async () => {
    const { $ } = await getPage(app, '/es/organizations/migration-development-platform');
    expect($('section[aria-labelledby="about-heading"] .muted').text()).toContain('todavía no ha enviado');
  });
});
