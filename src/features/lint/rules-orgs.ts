/**
 * Rules on organizations: each issuer has an "About" paragraph and each paragraph's organization is named;
 * one organization, one name; websites and e-mail domains that look misspelled against the organization's
 * names and acronym, or differ from the registry.
 */

import type { Extraction } from '../release-text/index.js';
import { acronymOf, cleanOrgName, isEventName, namedOrganizations, websiteIn } from '../release-text/index.js';
import { type Finding, type Locator, say } from './finding.js';
import { nameKey, type RegistryOrg, resolveOrg, sameOrganization } from './registry.js';
import { editDistance, squash } from './trigram.js';
import { cutBlock } from './truncation.js';

export interface Mention {
  name: string;
  index: number;
  kind: 'issuer' | 'quote' | 'boilerplate';
}

export function mentions(x: Extraction): Mention[] {
  // Days and weeks of something ("International Migrants Day") are events, never organizations.
  const out: Mention[] = x.release.organizations
    .filter((name) => !isEventName(name))
    .map((name) => ({
      name,
      index: x.header.organizations.find((o) => cleanOrgName(o.name) === name)?.index ?? x.header.lead,
      kind: 'issuer' as const,
    }));
  for (const q of x.quotes) {
    for (const name of namedOrganizations(q.quote.role_or_org ?? '').map(withoutRoleWords))
      if (!isEventName(name)) out.push({ name, index: q.attributionIndex, kind: 'quote' });
  }
  for (const b of x.boilerplates) out.push({ name: b.boilerplate.organization, index: b.index, kind: 'boilerplate' });
  return out;
}

const ROLE_WORDS =
  /^(?:ceo|coo|cfo|senator|sen|representative|rep|congressman|congresswoman|congressmember|governor|mayor|minister|ministr[oa]|senador[a]?|diputad[oa]|gobernador[a]?|alcalde|alcaldesa|attorney|lawyer|abogad[oa]|pastor|bishop|obispo|father|padre|sister|hermana|professor|profesor[a]?|organizer|organizador[a]?|activist|activista|advocate|researcher|investigador[a]?|president|presidenta?|vice|vicepresident[ea]|director[a]?|executive|ejecutiv[oa]|chair|chairman|chairwoman|chairperson|founder|fundador[a]?|co-founder|coordinator|coordinador[a]?|manager|secretary|secretari[oa]|board|junta|member|miembro|spokesperson|vocero|vocera|senior|policy|analyst|officer|head|jef[ea]|directors|directiva|of|de|del|the|la|el)$/i;
const JOINERS = /^(?:of|de|del|the|la|el|and|y)$/i;

/** A title or role word ("President", "directora"), not a joiner. */
export const isRoleWord = (word: string): boolean => ROLE_WORDS.test(word) && !JOINERS.test(word);

/** "CEO of The Leadership Conference" → "Leadership Conference"; "Campaign Manager" drops "Manager". */
function withoutRoleWords(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && ROLE_WORDS.test(words[0] as string)) words.shift();
  // "Alianza Americas Board of Directors": the organization ends where the role starts.
  const role = words.findIndex((w, i) => i > 0 && ROLE_WORDS.test(w) && !JOINERS.test(w));
  const kept = role > 0 ? words.slice(0, role) : words;
  while (kept.length > 1 && JOINERS.test(kept.at(-1) as string)) kept.pop();
  return kept.join(' ');
}

export function boilerplateCoverage(x: Extraction, registry: RegistryOrg[], at: Locator): Finding[] {
  if (x.boilerplates.length === 0) return [];
  const all = mentions(x);
  const named = all.filter((m) => m.kind !== 'boilerplate');
  const out: Finding[] = [];
  // A text cut inside its "About" paragraphs may have lost the missing ones with the rest.
  const cut = cutBlock(x);
  const aboutCut = cut !== null && x.boilerplates.some((b) => b.index <= cut);
  for (const m of named.filter((n) => n.kind === 'issuer' && !aboutCut)) {
    if (x.boilerplates.some((b) => sameOrganization(registry, m.name, b.boilerplate.organization))) continue;
    out.push({
      rule: 'organization-without-boilerplate',
      severity: 'warning',
      message: say('lintOrgWithoutBoilerplate', m.name),
      suggestion: say('lintOrgWithoutBoilerplateFix', m.name),
      ...at.at(m.index, m.name),
    });
  }
  const body = x.blocks
    .slice(0, x.endMark ?? x.blocks.length)
    .map((b) => b.text)
    .join(' ');
  for (const b of x.boilerplates) {
    const name = b.boilerplate.organization;
    const acronym = acronymOf(b.heading);
    if (
      named.some((m) => sameOrganization(registry, m.name, name)) ||
      body.includes(name) ||
      (acronym && body.includes(acronym))
    ) {
      continue;
    }
    out.push({
      rule: 'boilerplate-without-mention',
      severity: 'warning',
      message: say('lintBoilerplateNotNamed', name),
      suggestion: say('lintBoilerplateNotNamedFix', name),
      ...at.at(b.index, name),
    });
  }
  return out;
}

const spelledAlike = (a: string, b: string) => {
  const letters = (s: string) =>
    cleanOrgName(s)
      .normalize('NFD')
      .replace(/[^\p{L}\d]/gu, '')
      .toLowerCase();
  return letters(a) === letters(b);
};

/** The same organization under two names (apostrophe style, acronym in parentheses and "the" aside). */
export function nameConsistency(x: Extraction, registry: RegistryOrg[], at: Locator): Finding[] {
  const all = mentions(x);
  const out: Finding[] = [];
  const reported = new Set<string>();
  all.forEach((m, k) => {
    const first = all.slice(0, k).find(
      (p) =>
        nameKey(p.name) !== nameKey(m.name) &&
        sameOrganization(registry, p.name, m.name) &&
        // Issuers the text lists as separate items ("Casa Dominicana en Canarias", "Casa de Colombia en
        // Canarias") are different organizations unless they differ only in spelling marks.
        (p.kind !== 'issuer' || m.kind !== 'issuer' || spelledAlike(p.name, m.name)),
    );
    if (!first || all.slice(0, k).some((p) => nameKey(p.name) === nameKey(m.name))) return;
    const pair = `${nameKey(first.name)}|${nameKey(m.name)}`;
    if (reported.has(pair)) return;
    reported.add(pair);
    const canonical = resolveOrg(registry, m.name)?.name ?? first.name;
    out.push({
      rule: 'organization-name-inconsistent',
      severity: 'warning',
      message: say('lintOrgNameInconsistent', m.name, first.name),
      suggestion: say('lintOrgNameInconsistentFix', canonical),
      ...at.at(m.index, m.name),
    });
  });
  return out;
}

const hostOf = (site: string) =>
  site
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
/** "flasco.edu.gt" → "flasco", "river-watch.org" → "riverwatch": the part an organization chooses. */
const labelOf = (host: string) => squash(host.split('.')[0] ?? '');

/** A label close to a name (one or two typing slips) but neither equal to it nor containing it. */
export function nearMiss(label: string, candidates: string[]): string | null {
  if (label.length < 4) return null;
  if (candidates.some((c) => c.length >= 3 && (c === label || label.includes(c) || c.includes(label)))) return null;
  const limit = label.length >= 12 ? 2 : 1;
  return candidates.find((c) => c.length >= 4 && editDistance(label, c) <= limit) ?? null;
}

function candidatesFor(name: string, heading: string, org: RegistryOrg | null): string[] {
  const names = [name, heading, ...(org?.names ?? [])];
  const acronyms = [
    acronymOf(heading),
    org?.acronym,
    ...names.flatMap((n) => n.split(/\s+/).filter((w) => /^\p{Lu}{3,}$/u.test(w))),
  ];
  return [
    ...names.map((n) => squash(cleanOrgName(n))),
    ...acronyms.filter((a): a is string => !!a).map((a) => a.toLowerCase()),
  ];
}

export function websites(x: Extraction, registry: RegistryOrg[], at: Locator): Finding[] {
  const out: Finding[] = [];
  for (const b of x.boilerplates) {
    const site = b.boilerplate.website;
    if (!site) continue;
    const org = resolveOrg(registry, b.boilerplate.organization);
    const host = hostOf(site);
    const near = nearMiss(labelOf(host), candidatesFor(b.boilerplate.organization, b.heading, org));
    const registered = org?.website ? hostOf(org.website) : null;
    if (near) {
      const likely = registered ?? host.replace(labelOf(host), near);
      out.push({
        rule: 'website-misspelled',
        severity: 'error',
        message: say('lintWebsiteMisspelled', site, org?.name ?? b.boilerplate.organization),
        suggestion: say('lintWebsiteFix', `www.${likely}`),
        ...at.at(b.index, site),
      });
    } else if (registered && registered !== host) {
      out.push({
        rule: 'website-differs-from-registry',
        severity: 'warning',
        message: say('lintWebsiteDiffers', site, org?.website ?? registered),
        suggestion: say('lintWebsiteFix', org?.website ?? registered),
        ...at.at(b.index, site),
      });
    }
  }
  return out;
}

/** Contact e-mail domains against the organizations' websites and names in the text and the registry. */
export function emailDomains(x: Extraction, registry: RegistryOrg[], at: Locator): Finding[] {
  const sites = [
    ...x.boilerplates.map((b) => b.boilerplate.website),
    ...x.blocks.map((b) => websiteIn(b.text)),
    ...registry.map((o) => o.website),
  ].filter((s): s is string => !!s);
  const labels = [...new Set(sites.map((s) => labelOf(hostOf(s))))];
  const names = mentions(x).map((m) => squash(cleanOrgName(m.name)));
  const out: Finding[] = [];
  x.header.contacts.forEach(({ contact, index }) => {
    const email = contact.email;
    if (!email) return;
    const domain = email.split('@')[1]?.toLowerCase() ?? '';
    const near = nearMiss(labelOf(domain), [...labels, ...names]);
    if (!near) return;
    const fixed = `${email.split('@')[0]}@${domain.replace(labelOf(domain), near)}`;
    out.push({
      rule: 'email-domain-misspelled',
      severity: 'error',
      message: say('lintEmailMisspelled', email, domain.replace(labelOf(domain), near)),
      suggestion: say('lintEmailFix', fixed),
      ...at.at(index, email),
    });
  });
  return out;
}
