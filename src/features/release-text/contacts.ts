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

export const CONTACT_LABEL =
  /^(?:(?:press|media|news)\s+)?contacts?\b|^contactos?(?:\s+(?:de|para)\s+(?:prensa|medios))?\b|^(?:for\s+more\s+information|para\s+m[aá]s\s+informaci[oó]n)\b/i;
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
    .map((m) => m[0].trim())
    .filter((p) => {
      const digits = p.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15 && !/^\d{4}[-.]\d{2}[-.]\d{2}$/.test(p);
    });
}

/** One contact line, or null when the line holds no phone, no e-mail and no person's name. */
export function parseContactLine(raw: string): ContactLine | null {
  const text = plain(raw).replace(FIELD_LABEL, ' ');
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
  const name = segments.find((s) => isPersonName(s)) ?? null;
  const organization = segments.find((s) => s !== name && isOrgLike(s) && s.split(/\s+/).length <= 12) ?? null;
  if (!name && !phone && !email && !hiddenEmail) return null;
  return { name, phone, email, organization, hiddenEmail };
}

export function toImportedContact(c: ContactLine): ImportedContact {
  return { name: c.name, phone: c.phone, email: c.email, organization: c.organization };
}
