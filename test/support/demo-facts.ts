/**
 * What the demo release must say, in the seed's order, taken from the demo data itself: the test of
 * every format checks these facts appear, in this order, so all formats say the same thing.
 */
import { demoCoalition } from '../../demo/coalition.js';
import { demoRelease } from '../../demo/release-2021-06-03.js';
import { formatDate, messages } from '../../src/platform/i18n/format.js';
import type { Locale } from '../../src/platform/i18n/locales.js';

const statement = demoCoalition.statements[0]!;
const org = (slug: string) => demoCoalition.organizations.find((o) => o.slug === slug)!;
const person = (slug: string) => demoCoalition.people.find((p) => p.slug === slug)!;

export const demoPhones = ['+1 443 396 3317', '+1 786 201 8958'];

export function demoFacts(locale: Locale): string[] {
  const t = messages(locale);
  const contacts = demoRelease.contacts.map(person);
  const quotes = demoRelease.blocks.filter((b) => b.kind === 'quote');
  const withBoilerplate = statement.signatories.map((s) => org(s.organization)).filter((o) => o.boilerplate?.[locale]);
  return [
    t.releaseImmediate,
    formatDate(demoRelease.releaseDate, locale),
    t.releasePressContacts,
    ...contacts.flatMap((c, i) => [c.name, demoPhones[i]!, c.email!]),
    demoRelease.headline[locale],
    `${demoRelease.datelinePlace[locale]}, ${formatDate(demoRelease.releaseDate, locale)} —`,
    demoRelease.lead[locale],
    // The five issue areas.
    demoRelease.blocks[0]!.kind === 'text' ? demoRelease.blocks[0]!.text[locale] : '',
    quotes[0]!.text[locale],
    `— ${person('mirtha-colon').name}, ${person('mirtha-colon').role![locale]}`,
    demoRelease.blocks[2]!.kind === 'highlights' ? demoRelease.blocks[2]!.intro[locale] : '',
    ...statement.recommendations.map((r) => r.text[locale]),
    quotes[1]!.text[locale],
    `— ${person('rosario-martinez').name}, FLACSO Guatemala`,
    '###',
    ...withBoilerplate.flatMap((o) => [
      o.boilerplate![locale]!,
      ...(o.website ? [o.website.replace(/^https:\/\//, '')] : []),
    ]),
  ];
}

/** The ten organizations of the lead, as the lead names them. */
export const leadOrganizationCount = 10;

/** Collapsing whitespace lets one fact match however a format wraps its lines. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Each fact, in order: returns the facts missing or out of order (empty when all is well). */
export function factsOutOfOrder(output: string, facts: string[]): string[] {
  const text = normalize(output);
  const problems: string[] = [];
  let from = 0;
  for (const fact of facts.map(normalize)) {
    const at = text.indexOf(fact, from);
    if (at < 0) problems.push(text.includes(fact) ? `out of order: ${fact}` : `missing: ${fact}`);
    else from = at + fact.length;
  }
  return problems;
}
