/**
 * An organization's name in the reader's language falls back to its own name (the original, as the
 * organization writes it), never to another language first; the public directory sorts by the name
 * it shows, with the reader's language's collation.
 */
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';

const OWN = 'Red de Derechos Humanos de Prueba';
const ENGLISH = 'Human Rights Test Network (RDHP)';

describeEachEngine('organization names', (ctx) => {
  let app: FastifyTypeBox;

  beforeAll(async () => {
    app = await createTestApp(ctx.db);
    const names = (name: string) => ({ name, localizedName: localized('es', name) });
    const [rdhp] = await ctx.db
      .insert(t.organizations)
      .values([
        // Written in English only: the Spanish page must show the organization's own (Spanish) name.
        { slug: 'rdhp', name: OWN, acronym: 'RDHP', localizedName: localized('en', ENGLISH) },
        { slug: 'justice-lab', name: 'Justice Lab', localizedName: localized('en', 'Justice Lab') },
        { slug: 'nube', ...names('Nube Verde') },
        { slug: 'nandu', ...names('Ñandú Colectivo') },
        { slug: 'oxigeno', ...names('Oxígeno') },
        { slug: 'iris', ...names('Iris') },
      ])
      .returning();
    const [statement] = await ctx.db
      .insert(t.statements)
      .values({ slug: 'names', title: localized('en', 'Names'), date: '2024-01-10', status: 'published' })
      .returning();
    await ctx.db
      .insert(t.signatories)
      .values({ statementId: statement!.id, organizationId: rdhp!.id, role: 'signatory', position: 1 });
  });

  it('shows the own name on a Spanish profile when the organization has no Spanish name', async () => {
    const es = await getPage(app, '/es/organizations/rdhp');
    expect(es.$('h1').text()).toContain(OWN);
    expect(es.$('title').text()).toContain(OWN);
    expect(es.response.body).not.toContain('Human Rights Test Network');
    const en = await getPage(app, '/en/organizations/rdhp');
    expect(en.$('h1').text()).toContain(ENGLISH);
  });

  it('names it the same way in the Spanish directory and on a statement it signed', async () => {
    const directory = await getPage(app, '/es/organizations');
    expect(directory.$('a[href="/es/organizations/rdhp"]').text().trim()).toBe(OWN);
    const statement = await getPage(app, '/es/statements/names');
    expect(statement.$('.signatories a[href="/es/organizations/rdhp"]').text().trim()).toBe(OWN);
    expect(statement.response.body).not.toContain('Human Rights Test Network');
  });

  for (const [locale, expected] of [
    // English: by the English name (H before J), Ñ read as N.
    ['en', ['Human Rights Test Network (RDHP)', 'Iris', 'Justice Lab', 'Ñandú Colectivo', 'Nube Verde', 'Oxígeno']],
    // Spanish: by the own name (R), Ñ its own letter after N.
    ['es', ['Iris', 'Justice Lab', 'Nube Verde', 'Ñandú Colectivo', 'Oxígeno', 'Red de Derechos Humanos de Prueba']],
  ] as const) {
    it(`[${locale}] sorts the directory by the name shown, with ${locale} collation`, async () => {
      const { $ } = await getPage(app, `/${locale}/organizations`);
      const shown = $('ul.directory li > a')
        .toArray()
        .map((a) => $(a).text().trim());
      expect(shown).toEqual(expected);
      expect(shown).toEqual([...shown].sort(new Intl.Collator(locale).compare));
    });
  }
});
