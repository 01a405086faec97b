/** The release options the demo does not use: free bullets, -30-, subheadline, links, chosen boilerplates. */
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { normalize } from '../../../test/support/demo-facts.js';
import { localized } from '../../platform/text/localized-text.js';
import type { ReleaseData } from '../demo/index.js';
import { insertReleaseIfNew, loadDemo } from '../demo/index.js';
import { renderRelease } from './render.js';
import { getRelease } from './service.js';

const release: ReleaseData = {
  slug: 'options-test',
  status: 'draft',
  timeZone: 'America/New_York',
  releaseDate: '2026-11-27',
  contacts: ['mirtha-colon'],
  headline: { en: 'Coalition answers the new asylum rule', es: 'La coalición responde a la nueva norma de asilo' },
  subheadline: { en: 'Ten organizations, one voice', es: 'Diez organizaciones, una sola voz' },
  datelinePlace: { en: 'Washington', es: 'Washington' },
  lead: {
    en: 'The coalition published [its analysis](https://example.org/analysis) today.',
    es: 'La coalición publicó hoy [su análisis](https://example.org/analisis).',
  },
  blocks: [{ kind: 'highlights', intro: { en: 'It asks for:', es: 'Pide:' } }],
  highlights: [{ text: { en: 'An end to expulsions.', es: 'El fin de las expulsiones.' } }],
  fullDocumentUrl: 'https://example.org/full-report',
  endMark: '-30-',
  boilerplates: ['cejil', 'migration-development-platform'],
};

describeEachEngine('release options', (ctx) => {
  beforeAll(async () => {
    await loadDemo(ctx.db);
    await ctx.db.transaction((tx) => insertReleaseIfNew(tx, release, (v) => (v?.en ? localized('en', v.en, v) : {})));
  });
  const render = async (format: 'md' | 'txt', locale: 'en' | 'es') =>
    renderRelease(await getRelease(ctx.db, release.slug, new Date()), format, locale);

  it('writes links as numbered references in plain text, within 72 columns, and ends with -30-', async () => {
    const { body } = await render('txt', 'en');
    const txt = body as string;
    expect(normalize(txt)).toContain('its analysis [1] today.');
    expect(normalize(txt)).toContain('Read the full document [2]');
    expect(txt).toMatch(/\n\[1\] https:\/\/example\.org\/analysis\n\[2\] https:\/\/example\.org\/full-report\n$/);
    expect(txt).toContain('\n\n-30-\n\n');
    expect(txt).toContain('Ten organizations, one voice');
    expect(txt).toContain('  * An end to expulsions.');
    expect(Math.max(...txt.split('\n').map((l) => l.length))).toBeLessThanOrEqual(72);
  });

  it('keeps Markdown links, the chosen boilerplates in order, and reports every gap', async () => {
    const { body, model } = await render('md', 'es');
    const md = body as string;
    expect(md).toContain('[su análisis](<https://example.org/analisis>)');
    expect(md).toContain('## Diez organizaciones, una sola voz');
    expect(md).toContain('\n\n-30-\n\n');
    expect(md).toContain('- El fin de las expulsiones.');
    expect(model.boilerplates.map((b) => b.name)).toEqual([
      'Centro por la Justicia y el Derecho Internacional (CEJIL)',
    ]);
    expect(model.gaps).toEqual([
      { kind: 'phone', person: 'Mirtha Colón' },
      { kind: 'email', person: 'Mirtha Colón' },
      { kind: 'boilerplate', organization: 'Plataforma de Migración y Desarrollo' },
    ]);
  });
});
