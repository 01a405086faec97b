/** Rules on people: contacts complete and well-formed, quotes attributed with a role, attributions formatted as one piece. */
import { isValidPhoneNumber } from 'libphonenumber-js';
import type { Extraction } from '../release-text/index.js';
import { EMAIL, plain } from '../release-text/index.js';
import { type Finding, type Locator, say } from './finding.js';
import { nameKey, type RegistryOrg } from './registry.js';
import { isRoleWord, mentions, nearMiss } from './rules-orgs.js';
import { squash } from './trigram.js';
import { cutBlock } from './truncation.js';

const WELL_FORMED_EMAIL = new RegExp(`^${EMAIL.source}$`, 'u');

/** Free mail services: an address there says nothing about whom the contact speaks for. */
const WEBMAIL =
  /^(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|protonmail|proton|gmx|yandex|mail)$/;

/**
 * The number before an extension or an alternative ending: "(416) 588-6288 (ext. 202)" is 416 588 6288, and
 * "55336475 / 76" (a second line ending in 76) is 55336475.
 */
const numberPart = (phone: string) =>
  phone
    .replace(/\s*\(?\s*(?:ext(?:ension)?|extensi[oó]n|x)\.?\s*\d{1,6}\s*\)?\s*$/i, '')
    .replace(/\s*\/\s*\d{1,4}\s*$/, '');

/**
 * A number that is valid in North America or in international form (+…); or a local number of 7 or 8
 * digits without an area code, which is dialled as written where the release comes from (Mexico City's
 * "55336475") and so is not wrong, only not checkable here.
 */
function phoneIsValid(phone: string): boolean {
  const number = numberPart(phone);
  return isValidPhoneNumber(number, 'US') || /^\d{7,8}$/.test(number.replace(/[\s.-]/g, ''));
}

/**
 * "press@welcomewithdignity.org" speaks for the "#WelcomeWithDignity campaign" the text names: the
 * domain's label, spelled out as one to six consecutive words of the text that start with a capital or "#".
 */
function domainNamedInText(label: string, x: Extraction): boolean {
  if (label.length < 4 || WEBMAIL.test(label)) return false;
  const words = x.blocks.flatMap((b) => plain(b.text).split(/\s+/));
  return words.some(
    (w, i) =>
      /^[#(“"]?\p{Lu}/u.test(w) &&
      [1, 2, 3, 4, 5, 6].some((n) => i + n <= words.length && squash(words.slice(i, i + n).join(' ')) === label),
  );
}

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
  // A release with one issuer: its contacts speak for it, whoever hosts their e-mail.
  const issuers = new Set(
    mentions(x)
      .filter((m) => m.kind === 'issuer')
      .map((m) => nameKey(m.name)),
  );
  // What is missing from a contact line that the text cuts off may be in the part that was lost.
  const cut = cutBlock(x);
  for (const { contact: c, index } of x.header.contacts) {
    const add = (
      rule: string,
      severity: Finding['severity'],
      message: Finding['message'],
      suggestion: Finding['suggestion'],
      needle?: string,
    ) => out.push({ rule, severity, message, suggestion, ...at.at(index, needle ?? c.name ?? undefined) });
    // "Contact: [email protected]" is a contact with nothing left: one finding says so, not three about "?".
    if (!c.name && !c.phone && !c.email) {
      if (c.hiddenEmail)
        add('contact-incomplete', 'warning', say('lintContactOnlyHiddenEmail'), say('lintContactOnlyHiddenEmailFix'));
      continue;
    }
    const name = c.name ?? c.email ?? c.phone ?? '';
    if (c.phone && !phoneIsValid(c.phone)) {
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
    if (!c.phone && index !== cut)
      add('contact-incomplete', 'warning', say('lintContactNoPhone', name), say('lintContactAddFix'));
    if (!c.email && index !== cut) {
      const message = c.hiddenEmail ? say('lintContactHiddenEmail', name) : say('lintContactNoEmail', name);
      add('contact-incomplete', 'warning', message, say('lintContactAddFix'));
    }
    // An e-mail at the organization's own domain says whom the contact speaks for; a consultancy's does not.
    const domainLabel = (c.email?.split('@')[1] ?? '').split('.')[0]?.toLowerCase() ?? '';
    const speaksFor =
      issuers.size === 1 ||
      (domainLabel !== '' &&
        (orgLabels.includes(domainLabel) ||
          nearMiss(domainLabel, orgLabels) !== null ||
          domainNamedInText(domainLabel, x)));
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
