/**
 * Contact lines as releases write them: "Jane Doe (443) 396-3317 jane@x.org", "Jane Doe | +1 503 347 23 29 |
 * jane@x.org", "Contact: Jane Doe, 202.869.0398, [email protected]", or one fact per line ("Phone: …").
 */
import type { ImportedContact } from './contract.js';
import { isOrgLike, isPersonName } from './names.js';
import { HIDDEN_EMAIL, plain } from './normalize.js';

export const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/gu;
/** Seven to fifteen digits with the usual separators; dates and years are filtered out by `digitsOf`. */
export const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}|\+?\d{7,15}/g;
/**
 * What may follow a number and belongs to it: an extension ("(ext. 202)", "x 14") or the other last digits
 * of a switchboard ("55336475 / 76"), which is how releases in Mexico and Central America write two lines.
 */
const PHONE_TAIL = /^(?:\s*\(?\s*(?:ext|extension|extensi[oó]n|x)\.?\s*\d{1,5}\s*\)?|\s*\/\s*\d{1,4}(?![\d\s.-]*\d))/i;

export const CONTACT_LABEL =
  /^(?:(?:press|media|news)\s+)?contacts?\b|^contactos?(?:\s+(?:de|para)\s+(?:prensa|medios))?\b|^(?:for\s+more\s+information|para\s+m[aá]s\s+informaci[oó]n|para\s+(?:mayores|m[aá]s)\s+informes|rsvp)\b/i;
const FIELD_LABEL =
  /\b(?:(?:press|media)\s+)?(?:contacts?|contactos?|phone|tel[eé]fono|tel|cell|m[oó]vil|celular|mobile|office|e-?mail|correo(?:\s+electr[oó]nico)?|whatsapp)\s*\.?:\s*/gi;

export interface ContactLine {
  name: string | null;
  phone: string | null;
  email: string | null;
  organization: string | null;
  /** The line named an e-mail hidden by Cloudflare: there is one, but we cannot read it. */
  hiddenEmail: boolean;
}

export function phonesIn(text: string): string[] {
  return [...text.matchAll(PHONE)]
    .map((m) => `${m[0]}${PHONE_TAIL.exec(text.slice((m.index ?? 0) + m[0].length))?.[0] ?? ''}`.trim())
    .filter((p) => {
      const digits = p.replace(/\D/g, '').length;
      // Dates written in numbers ("2009-04-24", "24 04 2009", "24/04/2009") are not phones.
      return (
        digits >= 7 &&
        digits <= 15 &&
        !/^\d{4}[-.]\d{2}[-.]\d{2}$/.test(p) &&
        !/^\d{1,2}[\s./-]\d{1,2}[\s./-](?:19|20)\d{2}$/.test(p)
      );
    });
}

/**
 * Addresses written against harvesters: "jane [at] example [dot] org", "ana (arroba) red (punto) org". Only the
 * bracketed words are read, so "at the Refugee Council" in a sentence stays prose.
 */
export function unmask(text: string): string {
  return text
    .replace(/([\p{L}\d._%+-])\s*[[(]\s*(?:at|arroba)\s*[\])]\s*(?=[\p{L}\d])/giu, '$1@')
    .replace(/([\p{L}\d])\s*[[(]\s*(?:dot|punto)\s*[\])]\s*(?=[\p{L}\d])/giu, '$1.');
}

/** One contact line, or null when the line holds no phone, no e-mail and no person's name. */
export function parseContactLine(raw: string): ContactLine | null {
  const text = unmask(plain(raw)).replace(FIELD_LABEL, ' ');
  const hiddenEmail = text.includes(HIDDEN_EMAIL);
  const withoutHidden = text.split(HIDDEN_EMAIL).join(' ');
  const email = withoutHidden.match(EMAIL)?.[0] ?? null;
  const withoutEmail = email ? withoutHidden.split(email).join(' ') : withoutHidden;
  const phone = phonesIn(withoutEmail)[0] ?? null;
  const rest = phone ? withoutEmail.split(phone).join(' ') : withoutEmail;
  const segments = rest
    .split(/[|,;:/()·•]|\s[–—-]\s|\s{2,}/)
    .map((s) =>
      s
        .trim()
        .replace(/[.()]+$/, '')
        .trim(),
    )
    .filter((s) => s !== '');
  const at = segments.findIndex((s) => isPersonName(s));
  const inSentence = at < 0 ? nameInSentence(segments.join(', ')) : null;
  const name = at >= 0 ? (segments[at] as string) : (inSentence?.name ?? null);
  // In a sentence ("contact Jane Doe at the Refugee Council") the organization is the words after "at", not the
  // whole clause that also holds the person's name.
  const organization =
    inSentence?.organization ??
    segments.find((s) => s !== name && !(name && s.includes(name)) && isOrgLike(s) && s.split(/\s+/).length <= 12) ??
    // "Wendsler Nosie, San Carlos Apache Tribe, (928) …": the name right after the person's is whom they speak for.
    (at >= 0 && isOrganizationSegment(segments[at + 1]) ? (segments[at + 1] as string) : null);
  if (!name && !phone && !email && !hiddenEmail) return null;
  return { name, phone, email, organization, hiddenEmail };
}

/** Titles a contact line gives after a name ("President", "Executive Director", "Press Officer"): not organizations. */
const ROLE =
  /\b(?:president|presidente|presidenta|director|directora|manager|coordinator|coordinador|coordinadora|officer|secretary|secretari[oa]|spokesperson|vocero|vocera|portavoz|communications|comunicaci[oó]n|press|prensa|media|associate|assistant|asistente|chair|ceo|founder|fundador|fundadora|lead|head|jefe|jefa|responsable|strategist|specialist|organizer|organizador|organizadora)\b/i;

function isOrganizationSegment(segment: string | undefined): boolean {
  if (!segment) return false;
  const ws = segment.split(/\s+/);
  return (
    ws.length >= 2 &&
    ws.length <= 8 &&
    ws.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|for|and|the|de|del|la|las|los|el|y|en|para)$/.test(w)) &&
    !ROLE.test(segment)
  );
}

/**
 * A contact written as a sentence: "comunicarse con Francisco Barrón Trejo a Cencos a los tels. …", "contact
 * Jane Doe at the Refugee Council": the person after "con"/"contact"/"with", the organization after "a"/"at"/"de".
 */
function nameInSentence(text: string): { name: string; organization: string | null } | null {
  const m =
    /\b(?:con|with|contact(?:ar|e)?|llamar\s+a|call)\s+((?:\p{Lu}[\p{L}’'.-]+\s+){1,3}\p{Lu}[\p{L}’'.-]+)(?:\s+(?:a|at|de|of|from|en|in)\s+(?:the\s+|la\s+|el\s+)?((?:\p{Lu}[\p{L}’'&.-]*\s*)+))?/u.exec(
      text,
    );
  if (!m || !isPersonName(m[1] as string)) return null;
  const organization = m[2]?.trim() ?? null;
  return { name: m[1] as string, organization: organization && organization.length >= 2 ? organization : null };
}

/**
 * One line may give two contacts: "Contact: Jane Doe, Network, jane@x.org and Ana Ruiz, United We Dream,
 * ana@y.org". Cut after each e-mail (or phone) that a person's name follows; a piece without a name of its
 * own (a second number, "cell: …") stays with the contact before it.
 */
export function parseContactLines(raw: string): ContactLine[] {
  const text = unmask(plain(raw));
  const cuts: number[] = [];
  for (const m of text.matchAll(EMAIL)) cuts.push((m.index ?? 0) + m[0].length);
  if (cuts.length < 2) {
    const one = parseContactLine(raw);
    return one ? [one] : [];
  }
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(from, cut));
    from = cut;
  }
  pieces[pieces.length - 1] += text.slice(from);
  const out: ContactLine[] = [];
  for (const piece of pieces) {
    const c = parseContactLine(piece.replace(/^[\s,;|]*(?:and|y|e|&)?\s*/i, ''));
    if (!c) continue;
    const last = out.at(-1);
    if (!c.name && last && !last.email) {
      last.email = c.email;
      last.phone ??= c.phone;
    } else out.push(c);
  }
  return out;
}

export function toImportedContact(c: ContactLine): ImportedContact {
  return { name: c.name, phone: c.phone, email: c.email, organization: c.organization };
}
