import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { loadDemo } from '../demo/index.js';
import { getRelease, lintSource, lintStoredRelease } from '../releases/index.js';
import type { Finding } from './finding.js';
import { hasErrors, lintText } from './lint.js';
import { loadRegistry, type RegistryOrg } from './registry.js';

const seed = readFileSync(new URL('./__fixtures__/press-release-2021-06-03.md', import.meta.url), 'utf8');
const goldenPath = new URL('./__golden__/seed-findings.json', import.meta.url);
const now = new Date('2026-01-15T12:00:00Z');
const brief = (f: Finding) => `${f.line}:${f.column} ${f.severity} ${f.rule} «${f.excerpt.slice(0, 60)}»`;

describeEachEngine('linter on the seed release, against the demo registry', (ctx) => {
  let registry: RegistryOrg[];
  let findings: Finding[];
  beforeAll(async () => {
    await loadDemo(ctx.db);
    registry = await loadRegistry(ctx.db);
    findings = lintText(seed, { registry, now });
  });

  const has = (rule: string, excerpt: string, line: number) =>
    expect(findings.filter((f) => f.rule === rule && f.excerpt.includes(excerpt)).map((f) => f.line)).toContain(line);

  it('finds every defect we know of in the seed, at its line', () => {
    has('placeholder-link', '[document](#)', 19);
    has('website-misspelled', 'www.flasco.edu.gt', 52);
    has('website-misspelled', 'www.asociacioinpopnoj.org', 48);
    has('email-domain-misspelled', 'press@alianzamericas.org', 13);
    has('organization-without-boilerplate', 'Migration and Development Platform', 17);
    has('organization-name-inconsistent', 'Faculty of Latin American Social Sciences Guatemala', 52);
    has('organization-name-inconsistent', 'Civil Society Articulating Group on Migratory Issues', 54);
    has('boilerplate-format', 'About the Root Causes of Migration Initiative', 56);
    has('attribution-format', 'Rosario **Martínez', 36);
    has('release-line-format', 'FOR IMMEDIATE RELEASE:', 5);
    has('boilerplate-without-website', 'Civil Society Articulating Group on Migratory Issues', 54);
    has('list-broken', 'Promote the incorporation', 30);
    has('quote-without-title', 'Rosario', 36);
    has('count-lists-disagree', 'Guatemala, June 3, 2021', 17);
    expect(hasErrors(findings)).toBe(true);
  });

  it('gives every finding in English and Spanish, with a suggestion', () => {
    for (const f of findings) {
      expect(f.message.en).not.toBe('');
      expect(f.message.es).not.toBe(f.message.en);
      expect(f.suggestion?.es).toBeTruthy();
    }
  });

  it('matches the reviewed golden list exactly: nothing missing, no noise (UPDATE_GOLDEN=1 rewrites it)', () => {
    const actual = findings.map(brief);
    if (process.env.UPDATE_GOLDEN === '1' && ctx.engine === 'pglite')
      writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
  });

  it('lints a stored release in both languages and reports the registry problems it renders', async () => {
    const source = await getRelease(ctx.db, 'guatemala-vp-visit-2021', now);
    const stored = await lintStoredRelease(ctx.db, source, now);
    // The demo registry keeps the seed's misspelled press e-mail and has no "About" for one signatory.
    expect(stored.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['email-domain-misspelled', 'organization-without-boilerplate']),
    );
    expect(stored.every((f) => f.block !== null && f.column === null)).toBe(true);
    // The demo data fixed the seed's text defects: none of them comes back from the registry.
    expect(stored.map((f) => f.rule)).not.toContain('placeholder-link');
    expect(stored.map((f) => f.rule)).not.toContain('website-misspelled');
  });
});

it('takes no phrase for an organization: a day of something is an event, with or without "On"', () => {
  const text = [
    'FOR IMMEDIATE RELEASE',
    '',
    'Groups Mark International Migrants Day With a Call to Congress',
    '',
    'WASHINGTON — On International Migrants Day, the Border Rights Coalition and the Migrant Justice Network asked Congress to restore asylum at the border.',
    '',
    '“International Migrants Day is a day to remember the people we lost,” said Ana Ruiz, director of the Border Rights Coalition.',
    '',
    '###',
  ].join('\n');
  const rules = lintText(text, { now }).filter((f) => /organization/.test(f.rule));
  expect(rules.map((f) => f.excerpt).join(' ')).not.toMatch(/Migrants Day/);
});

it('reports a block with text in one language only, for stored releases', async () => {
  const text = (en: string, es?: string) => ({
    en: { text: en, origin: 'original' as const },
    ...(es ? { es: { text: es, origin: 'translation' as const } } : {}),
  });
  const source = {
    release: {
      slug: 'x',
      headline: text('Headline', 'Titular'),
      subheadline: {},
      datelinePlace: text('Place', 'Lugar'),
      lead: text('Lead.'),
      releaseDate: '2026-01-01',
      embargoedUntil: null,
      timeZone: 'UTC',
      endMark: '###',
      status: 'draft',
      fullDocumentUrl: null,
    },
    statement: null,
    contacts: [],
    blocks: [{ kind: 'text', text: text('Body.', 'Cuerpo.') }],
    highlights: [],
    boilerplates: [],
  } as unknown as Parameters<typeof lintSource>[0];
  const missing = lintSource(source, [], now).filter((f) => f.rule === 'missing-language');
  expect(missing.map((f) => [f.block, f.message.en])).toEqual([['es, lead', 'The lead has no Spanish text.']]);
});
