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

// Precision fixes from reading every finding on the 39 corpus documents (docs/lint-corpus-review.md).
const release = (...lines: string[]) => lines.join('\n\n');
const RIVER = {
  en: {
    releaseLine: 'FOR IMMEDIATE RELEASE',
    contactLabel: 'Contact',
    headline: 'River Groups Ask Congress to Fund Clean Water',
    dateline: 'WASHINGTON, June 3, 2026',
  },
  es: {
    releaseLine: 'PARA PUBLICACIÓN INMEDIATA',
    contactLabel: 'Contacto',
    headline: 'Organizaciones piden al Congreso agua limpia',
    dateline: 'CIUDAD DE MÉXICO, 3 de junio de 2026',
  },
};
/**
 * The short release most cases below vary one part of: release line, contact, headline, the lead after its
 * dateline, the end mark, then anything after it.
 */
const riverRelease = (
  lang: 'en' | 'es',
  parts: { contact: string; headline?: string; lead: string; after?: string[] },
) => {
  const { releaseLine, contactLabel, headline, dateline } = RIVER[lang];
  return release(
    releaseLine,
    `${contactLabel}: ${parts.contact}`,
    parts.headline ?? headline,
    `${dateline} — ${parts.lead}`,
    '###',
    ...(parts.after ?? []),
  );
};
const rulesOf = (text: string, rule: string) => lintText(text, { now }).filter((f) => f.rule === rule);
const notLinked = (text: string) =>
  rulesOf(text, 'contact-incomplete')
    .filter((f) => /not linked/.test(f.message.en))
    .map((f) => f.excerpt);

it('links a contact to the only issuer, and still asks whom a consultancy speaks for among several', () => {
  const en = (issuers: string) =>
    riverRelease('en', {
      contact: 'Ana Ruiz, (443) 396-3317, ana@commsshop.us',
      lead: `${issuers} asked Congress to fund clean water programs.`,
    });
  expect(notLinked(en('The River Watch Alliance'))).toEqual([]);
  expect(
    notLinked(en('The River Watch Alliance, the Border Rights Coalition and the Migrant Justice Network')),
  ).toEqual(['Ana Ruiz']);
  const es = (issuers: string) =>
    riverRelease('es', {
      contact: 'Ana Ruiz, (443) 396-3317, ana@agenciaprensa.mx',
      lead: `${issuers} pidieron al Congreso agua limpia.`,
    });
  expect(notLinked(es('La Alianza Ríos Vivos'))).toEqual([]);
  expect(
    notLinked(es('La Alianza Ríos Vivos, la Red de Derechos Fronterizos y el Colectivo Justicia Migrante')),
  ).toEqual(['Ana Ruiz']);
});

it('links a contact whose e-mail domain the text names ("#CleanWaterNow"), but not a free mail service', () => {
  const text = (email: string, campaign: string) =>
    riverRelease('en', {
      contact: `Ana Ruiz, (443) 396-3317, ${email}`,
      lead: `The River Watch Alliance, the Border Rights Coalition and the Migrant Justice Network, partners in ${campaign}, asked Congress to fund clean water programs.`,
    });
  expect(notLinked(text('press@cleanwaternow.org', 'the #CleanWaterNow campaign'))).toEqual([]);
  expect(notLinked(text('prensa@agualimpiaya.org', 'la campaña Agua Limpia Ya'))).toEqual([]);
  expect(notLinked(text('ana.ruiz@gmail.com', 'the Gmail campaign'))).toEqual(['Ana Ruiz']);
});

it('accepts a phone with an extension, an alternative ending or no area code, and still rejects a short one', () => {
  const text = (phone: string) =>
    riverRelease('en', {
      contact: `Ana Ruiz, ${phone}, ana@riverwatch.org`,
      lead: 'The River Watch Alliance asked Congress to fund clean water programs.',
    });
  const malformed = (phone: string) => rulesOf(text(phone), 'contact-phone-malformed').map((f) => f.excerpt);
  expect(malformed('(416) 588-6288 (ext. 202)')).toEqual([]);
  expect(malformed('55336475 / 76')).toEqual([]);
  expect(malformed('(443) 396-3317')).toEqual([]);
  expect(malformed('(443) 396-33')).toEqual(['(443) 396-33']);
});

it('checks a count against the names only where the text claims to list them', () => {
  const en = (claim: string) =>
    riverRelease('en', {
      contact: 'Ana Ruiz, (443) 396-3317, ana@riverwatch.org',
      headline: `${claim} Ask Congress to Fund Clean Water`,
      lead: 'The River Watch Alliance, the Border Rights Coalition and the Migrant Justice Network asked Congress to fund clean water programs.',
    });
  const counts = (text: string) => rulesOf(text, 'count-mismatch').map((f) => f.excerpt);
  expect(counts(en('60 Organizations'))).toEqual([]);
  expect(counts(en('Five Organizations'))).toEqual(['Five Organizations']);
  expect(counts(en('Ten Organizations'))).toEqual(['Ten Organizations']);
  expect(counts(en('12 Organizations'))).toEqual(['12 Organizations']);
  const es = (claim: string) =>
    riverRelease('es', {
      contact: 'Ana Ruiz, (443) 396-3317, ana@riosvivos.org',
      headline: `${claim} piden al Congreso agua limpia`,
      lead: 'La Alianza Ríos Vivos, la Red de Derechos Fronterizos y el Colectivo Justicia Migrante pidieron al Congreso agua limpia.',
    });
  expect(counts(es('60 Organizaciones'))).toEqual([]);
  expect(counts(es('Cinco organizaciones'))).toEqual(['Cinco organizaciones']);
  expect(counts(es('Diez organizaciones'))).toEqual(['Diez organizaciones']);
});

it('reports no absence in a text cut mid-sentence (website, "About" paragraph, e-mail), and reports them when it ends', () => {
  const text = (about: string) =>
    riverRelease('en', {
      contact: 'Ana Ruiz, (443) 396-3317, ana@riverwatch.org',
      lead: 'The River Watch Alliance and the Border Rights Coalition asked Congress to fund clean water programs.',
      after: [`About the River Watch Alliance: ${about}`],
    });
  const absences = (t: string) =>
    lintText(t, { now })
      .filter((f) => ['boilerplate-without-website', 'organization-without-boilerplate'].includes(f.rule))
      .map((f) => f.rule);
  expect(absences(text('A network of river keepers that protects the water of forty communities along'))).toEqual([]);
  expect(absences(text('A network of river keepers that protects the water of forty communities.'))).toEqual([
    'organization-without-boilerplate',
    'boilerplate-without-website',
  ]);
  // The cut itself is said once, where the text stops, so the editor knows why the absences are not reported.
  const cuts = (t: string) => rulesOf(t, 'text-cut').map((f) => f.excerpt.slice(0, 26));
  expect(cuts(text('A network of river keepers that protects the water of forty communities along'))).toEqual([
    'About the River Watch Alli',
  ]);
  expect(cuts(text('A network of river keepers that protects the water of forty communities.'))).toEqual([]);
  const signed = release(
    'PARA PUBLICACIÓN INMEDIATA',
    'Organizaciones piden al Congreso agua limpia',
    'MADRID, 3 de junio de 2026 — La Alianza Ríos Vivos pidió al Congreso agua limpia.',
    'Secretaría de Migraciones de Comisiones Obreras',
  );
  expect(rulesOf(signed, 'text-cut')).toEqual([]);
  const contactCut = (end: string) =>
    rulesOf(
      release(
        'PARA PUBLICACIÓN INMEDIATA',
        'Organizaciones piden al Congreso agua limpia',
        'CIUDAD DE MÉXICO, 3 de junio de 2026 — La Alianza Ríos Vivos pidió al Congreso agua limpia.',
        `Para mayores informes comunicarse con Ana Ruiz a los tels. 55336475${end}`,
      ),
      'contact-incomplete',
    ).map((f) => f.message.en);
  expect(contactCut(' / 76,')).toEqual([]);
  expect(contactCut('.')).toEqual(['The press contact Ana Ruiz has no e-mail address.']);
});

it('reports a contact that is only a hidden e-mail once, in both languages, without a "?" for its name', () => {
  const found = rulesOf(
    riverRelease('en', {
      contact: '[email protected]',
      lead: 'The River Watch Alliance asked Congress to fund clean water programs.',
    }),
    'contact-incomplete',
  );
  expect(found.map((f) => [f.message.en, f.message.es])).toEqual([
    [
      'The press contact is only an e-mail address that the web page it was copied from hid: no name, no phone.',
      'El contacto de prensa es solo un correo que ocultó la página web de la que se copió: sin nombre ni teléfono.',
    ],
  ]);
});
