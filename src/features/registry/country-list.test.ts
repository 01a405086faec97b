/**
 * The country picker lists the current ISO 3166-1 countries once each (no East Germany beside
 * Germany, no Yugoslavia or Serbia and Montenegro beside Serbia, no Soviet Union), named in the
 * reader's language and sorted with its collation; a stored obsolete code still shows.
 */
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import * as t from '../../platform/db/schema/index.js';
import { countryLabel, countryOptions } from '../../platform/i18n/countries.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';

describeEachEngine('the country list', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;

  beforeAll(async () => {
    app = await createTestApp(ctx.db);
    await createUserWithPassword(ctx.db, { email: 'countries@example.org', role: 'admin' });
    editor = await signedIn(app, 'countries@example.org');
    await ctx.db
      .insert(t.organizations)
      .values({ slug: 'old-yu', name: 'Old Network', localizedName: localized('en', 'Old Network'), country: 'YU' });
  });

  for (const locale of ['en', 'es'] as const) {
    it(`[${locale}] offers each current country once, by its ${locale} name, in ${locale} order`, async () => {
      const page = await editor.get(`/${locale}/workspace/organizations/new`);
      expect(page.statusCode, page.headers.location as string).toBe(200);
      const $ = cheerio.load(page.body);
      const options = $('select[name=country] option')
        .toArray()
        .map((o) => ({ value: $(o).attr('value') ?? '', label: $(o).text().trim() }))
        .filter((o) => o.value !== '');
      const values = options.map((o) => o.value);
      const labels = options.map((o) => o.label);
      for (const obsolete of ['DD', 'CS', 'YU', 'SU', 'ZR', 'TP', 'AN']) expect(values).not.toContain(obsolete);
      for (const current of ['DE', 'RS', 'ME', 'RU', 'CD', 'TL', 'CW', 'GT', 'SV', 'HN'])
        expect(values).toContain(current);
      expect(values.length).toBe(249);
      expect(new Set(labels).size).toBe(labels.length);
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      for (const o of options) expect(o.label).toBe(names.of(o.value));
      expect(labels).toEqual([...labels].sort(new Intl.Collator(locale).compare));
    });
  }

  it('still shows a stored obsolete code, on the profile and selected in the form', async () => {
    const profile = await getPage(app, '/es/organizations/old-yu');
    expect(profile.$('dl.facts').text()).toContain(new Intl.DisplayNames(['es'], { type: 'region' }).of('YU'));
    const $ = cheerio.load((await editor.get('/en/workspace/organizations/old-yu/edit')).body);
    expect($('select[name=country] option[selected]').attr('value')).toBe('YU');
  });
});

describe('country values typed into a form', () => {
  it('a value that is no region code is neither an option nor a 500 (found by the fuzz suite)', () => {
    for (const typed of ['t[*G\\', '0x10', 'x', '']) {
      expect(() => countryOptions('es', typed)).not.toThrow();
      expect(countryOptions('es', typed).some((o) => o.value === typed)).toBe(false);
      expect(countryLabel(typed, 'en')).toBe(typed);
    }
  });
});
