/** Rules on people: contacts complete and well-formed, quotes attributed with a role, attributions formatted as one piece. */
import { isValidPhoneNumber } from 'libphonenumber-js';
import type { Extraction } from '../release-text/index.js';
import { EMAIL } from '../release-text/index.js';
import { type Finding, type Locator, say } from './finding.js';
import type { RegistryOrg } from './registry.js';
import { isRoleWord, mentions, nearMiss } from './rules-orgs.js';
import { squash } from './trigram.js';

const WELL_FORMED_EMAIL = new RegExp(`^${EMAIL.source}$`, 'u');

export function contacts(x: Extraction, registry: RegistryOrg[], at: Locator): Finding[] {
  const out: Finding[] = [];
  const orgLabels = [
    ...registry.flatMap((o) => [
      o.website?.replace(/^https?:\/\/(?:www\.)?/, '').split('.')[0] ?? '',
      ...o.names.map(squash),
    ]),
    ...mentions(x).map((m) => squash(m.name)),
    ...x.boilerplates.map(
      (b) => (b.boilerplate.website ?? '').replace(/^https?:\/\/(?:www\.)?/, '').split('.')[0] ?? '',
    ),
  ].filter((l) => l.length >= 3);
  for (const { contact: c, index } of x.header.contacts) {
    const name = c.name ?? c.email ?? c.phone ?? '?';
    const add = (
      rule: string,
      severity: Finding['severity'],
      message: Finding['message'],
      suggestion: Finding['suggestion'],
      needle?: string,
    ) => out.push({ rule, severity, message, suggestion, ...at.at(index, needle ?? c.name ?? undefined) });
    if (c.phone && !isValidPhoneNumber(c.phone, 'US')) {
      add('contact-phone-malformed', 'error', say('lintPhoneMalformed', c.phone), say('lintPhoneFix'), c.phone);
    }
    if (c.email && !WELL_FORMED_EMAIL.test(c.email)) {
      add(
        'contact-email-malformed',
        'error',
        say('lintEmailMalformed', c.email),
        say('lintEmailMalformedFix'),
        c.email,
      );
    }
    if (!c.phone) add('contact-incomplete', 'warning', say('lintContactNoPhone', name), say('lintContactAddFix'));
    if (!c.email) {
      const message = c.hiddenEmail ? say('lintContactHiddenEmail', name) : say('lintContactNoEmail', name);
      add('contact-incomplete', 'warning', message, say('lintContactAddFix'));
    }
    // An e-mail at the organization's own domain says whom the contact speaks for; a consultancy's does not.
    const domainLabel = (c.email?.split('@')[1] ?? '').split('.')[0] ?? '';
    const speaksFor =
      domainLabel !== '' && (orgLabels.includes(domainLabel) || nearMiss(domainLabel, orgLabels) !== null);
    if (!c.organization && !speaksFor) {
      add(
        'contact-incomplete',
        'info',
        say('lintContactNoOrganization', name),
        say('lintContactNoOrganizationFix', name),
      );
    }
  }
  return out;
}

/** Every word is part of a name (capitalized, or a joiner inside it) and none is a title or role. */
function organizationOnly(role: string): boolean {
  const words = role.replace(/^(?:of|de|del|from|with|con)\s+/i, '').split(/\s+/);
  return (
    words.length > 0 &&
    words.every(
      (w) =>
        /^[\p{Lu}\d]/u.test(w) || /^(?:of|for|and|the|on|in|to|de|del|la|las|los|el|y|e|en|para|por|con|&)$/i.test(w),
    ) &&
    !words.some((w) => isRoleWord(w.replace(/[,.;:]$/, '')))
  );
}

export function quotes(x: Extraction, at: Locator): Finding[] {
  const out: Finding[] = [];
  for (const { quote, attributionIndex } of x.quotes) {
    if (!quote.speaker) continue;
    if (!quote.role_or_org) {
      out.push({
        rule: 'quote-without-role',
        severity: 'warning',
        message: say('lintQuoteNoRole', quote.speaker),
        suggestion: say('lintQuoteNoRoleFix', quote.speaker),
        ...at.at(attributionIndex, quote.speaker),
      });
    }
    // "added Rosario Martínez of FLACSO Guatemala": an organization, but no title or role.
    else if (organizationOnly(quote.role_or_org)) {
      out.push({
        rule: 'quote-without-title',
        severity: 'warning',
        message: say('lintQuoteNoTitle', quote.speaker),
        suggestion: say('lintQuoteNoTitleFix', quote.speaker),
        ...at.at(attributionIndex, quote.speaker),
      });
    }
    const raw = x.blocks[attributionIndex]?.text ?? '';
    const words = quote.speaker.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const split = new RegExp(words.join('\\s*(\\*{1,2}|_{1,2})?\\s*'), 'u').exec(raw);
    if (split?.slice(1).some((g) => g !== undefined)) {
      const attribution = [quote.speaker, quote.role_or_org].filter(Boolean).join(', ');
      out.push({
        rule: 'attribution-format',
        severity: 'warning',
        message: say('lintAttributionSplit', quote.speaker),
        suggestion: say('lintAttributionSplitFix', attribution),
        ...at.at(attributionIndex, split[0]),
      });
    }
  }
  return out;
}
