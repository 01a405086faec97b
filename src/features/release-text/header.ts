/**
 * The top of a release, before the lead: genre labels, the release line, the date, contacts, the headline and
 * subheadline, a site name or letter address. Then the lead's dateline ("WASHINGTON, June 3, 2021 — …").
 */
import { CONTACT_LABEL, type ContactLine, parseContactLine } from './contacts.js';
import { findDate, parseDateLine } from './dates.js';
import { isNamePhrase, isOrgLike } from './names.js';
import { type Block, plain } from './normalize.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';

const GENRE =
  /^(?:(?:joint\s+)?(?:press|news|media)\s+(?:release|advisory|statement|call\s+advisory|alert)|joint\s+statement|statement|comunicado(?:\s+(?:de\s+prensa|conjunto))?|nota\s+de\s+prensa|aviso\s+a\s+(?:los\s+)?medios|declaraci[oó]n(?:\s+conjunta)?|bolet[ií]n(?:\s+de\s+prensa)?)\s*:?$/i;
export const RELEASE_LINE =
  /^(?:for\s+immediate\s+release|immediate\s+release|para\s+(?:su\s+)?(?:difusi[oó]n|publicaci[oó]n|distribuci[oó]n)\s+inmediata|publicaci[oó]n\s+inmediata|difusi[oó]n\s+inmediata)\b\s*[:.–—-]?\s*(.*)$/i;
export const EMBARGO = /^(?:embargoed|embargo|embargad[oa])\b\s*(?:until|till|hasta)?\s*[:.–—-]?\s*(.+)$/i;

export interface Header {
  releaseLine: { value: string; index: number; text: string } | null;
  date: { iso: string; index: number } | null;
  contacts: { contact: ContactLine; index: number }[];
  headline: { text: string; index: number } | null;
  subheadline: { text: string; index: number } | null;
  organizations: { name: string; index: number }[];
  /** Block index of the lead paragraph (the first paragraph of prose), or blocks.length. */
  lead: number;
}

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '').length;

/** Running prose, where the header ends: a long paragraph, a dateline, or an opening quote. */
export function isProse(block: Block, p: ImportParams = DEFAULT_PARAMS): boolean {
  const text = plain(block.text);
  if (block.listMarker) return false;
  if (dateline(text)) return true;
  if (/^[“"«]/.test(text) && words(text) >= 8) return true;
  return words(text) >= p.proseWords || (words(text) >= p.shortProseWords && /[.!?]["”»]?$/.test(text));
}

export function readHeader(blocks: Block[], p: ImportParams = DEFAULT_PARAMS): Header {
  const header: Header = {
    releaseLine: null,
    date: null,
    contacts: [],
    headline: null,
    subheadline: null,
    organizations: [],
    lead: blocks.length,
  };
  const candidates: number[] = [];
  let inContacts = false;
  for (let i = 0; i < Math.min(blocks.length, p.headerBlocks); i++) {
    const block = blocks[i] as Block;
    const text = plain(block.text);
    if (isProse(block, p) && !CONTACT_LABEL.test(text)) {
      header.lead = i;
      break;
    }
    if (GENRE.test(text)) continue;
    const release = RELEASE_LINE.exec(text);
    const embargo = release ? null : EMBARGO.exec(text);
    if (release || embargo) {
      const rest = ((release ?? embargo)?.[1] ?? '').trim();
      header.releaseLine ??= { value: release ? 'FOR IMMEDIATE RELEASE' : `EMBARGOED UNTIL ${rest}`, index: i, text };
      const date = findDate(rest);
      if (date && !header.date && release) header.date = { iso: date.iso, index: i };
      inContacts = false;
      continue;
    }
    if (CONTACT_LABEL.test(text)) {
      inContacts = true;
      const rest = text.replace(CONTACT_LABEL, '').replace(/^\s*s?\s*[:.–—-]?\s*/, '');
      const contact = rest ? parseContactLine(rest) : null;
      if (contact) header.contacts.push({ contact, index: i });
      continue;
    }
    const date = parseDateLine(text);
    if (date) {
      header.date ??= { iso: date, index: i };
      continue;
    }
    if (addContactLine(blocks, i, header.contacts, inContacts, p)) continue;
    inContacts = false;
    candidates.push(i);
  }
  pickTitles(blocks, candidates, header, p);
  return header;
}

/** A line of contact facts, added as a new contact or completing the one above; false if it is not one. */
function addContactLine(
  blocks: Block[],
  i: number,
  contacts: Header['contacts'],
  inContacts: boolean,
  p: ImportParams,
): boolean {
  const text = plain((blocks[i] as Block).text);
  const contact = words(text) <= p.contactMaxWords ? parseContactLine(text) : null;
  if (!contact) return false;
  const named = inContacts && contact.name && nextHasContact(blocks, i);
  if (!contact.phone && !contact.email && !contact.hiddenEmail && !named) return false;
  const last = contacts.at(-1);
  // "Phone: …" / "Email: …" on their own lines complete the contact above them.
  if (!contact.name && last && last.index >= i - 3 && (!last.contact.phone || !contact.phone)) {
    last.contact.phone ??= contact.phone;
    last.contact.email ??= contact.email;
    last.contact.hiddenEmail ||= contact.hiddenEmail;
  } else contacts.push({ contact, index: i });
  return true;
}

/** Contacts given at the end ("Media contact: …" after the body or the end mark), when the header has none. */
export function trailingContacts(blocks: Block[], from: number, p: ImportParams = DEFAULT_PARAMS): Header['contacts'] {
  const contacts: Header['contacts'] = [];
  for (let i = from; i < blocks.length; i++) {
    const text = plain((blocks[i] as Block).text);
    if (!CONTACT_LABEL.test(text) || words(text) > p.contactMaxWords) continue;
    const rest = text.replace(CONTACT_LABEL, '').replace(/^\s*s?\s*[:.–—-]?\s*/, '');
    const contact = rest ? parseContactLine(rest) : null;
    if (contact) contacts.push({ contact, index: i });
    let j = i + 1;
    while (j < blocks.length && j <= i + 6 && addContactLine(blocks, j, contacts, true, p)) j++;
    i = j - 1;
  }
  return contacts;
}

function nextHasContact(blocks: Block[], i: number): boolean {
  const next = blocks[i + 1];
  const c = next ? parseContactLine(plain(next.text)) : null;
  return Boolean(c && !c.name && (c.phone || c.email || c.hiddenEmail));
}

/** Headline and subheadline among the header lines nothing else claimed; a letter's address block is none. */
function pickTitles(blocks: Block[], candidates: number[], header: Header, p: ImportParams): void {
  const address = new Set<number>();
  for (let k = 0; k < candidates.length; k++) {
    let end = k;
    while (end + 1 < candidates.length && candidates[end + 1] === (candidates[end] as number) + 1) end++;
    const group = candidates.slice(k, end + 1);
    if (group.length >= p.addressMinLines && group.every((i) => words(plain((blocks[i] as Block).text)) <= p.addressMaxWords)) {
      for (const i of group) address.add(i);
    }
    k = end;
  }
  const usable = candidates.filter((i) => !address.has(i));
  for (const [n, i] of usable.entries()) {
    const text = plain((blocks[i] as Block).text).replace(/^#+\s*/, '');
    if (header.headline && text.toLowerCase() === header.headline.text.toLowerCase()) continue;
    const titleLike = words(text) >= 2 && words(text) <= p.headlineMaxWords && !/^[“"«]/.test(text) && !(blocks[i] as Block).listMarker;
    if (!titleLike) continue;
    if (!header.headline && words(text) <= p.letterheadMaxWords && isNamePhrase(text) && isOrgLike(text) && n + 1 < usable.length) {
      header.organizations.push({ name: text, index: i });
      continue;
    }
    if (!header.headline) header.headline = { text, index: i };
    else if (!header.subheadline && header.headline.index === i - 1 && !/[.]$/.test(text)) {
      header.subheadline = { text, index: i };
    }
  }
}

export interface Dateline {
  place: string | null;
  date: string | null;
  /** The lead's text after the dateline. */
  rest: string;
}

const DASH = /\s+(?:—|–|-{1,2})\s*|\s*(?:—|–)\s+|(?<=\p{Lu}{2,})\s*[—–]\s*/u;

/** "Guatemala, June 3, 2021 — In light of …", "WASHINGTON — …", "WASHINGTONThe …", "Washington, D.C.The …". */
export function dateline(text: string): Dateline | null {
  const dash = DASH.exec(text.slice(0, 90));
  if (dash && dash.index > 1) {
    // "NEW YORK, NY (June 3, 2021) /PRNewswire/ --": the date may sit in parentheses; wire tags are not places.
    const head = text
      .slice(0, dash.index)
      .replace(/\/[^/]{2,30}\/\s*$/, '')
      .trim();
    const date = findDate(head);
    const place = (date ? head.slice(0, date.index) + head.slice(date.index + date.length) : head)
      .replace(/\(\s*\)|\([^)]*\)\s*$/g, '')
      .replace(/[\s,.(]+$/, '')
      .replace(/^[\s,]+/, '')
      .trim();
    if (isPlace(place) || (place === '' && date)) {
      return {
        place: place === '' ? null : place,
        date: date?.iso ?? null,
        rest: text.slice(dash.index + dash[0].length),
      };
    }
  }
  const glued = /^(\p{Lu}{3,}(?:[ ,]+\p{Lu}{2,}\.?)*|\p{Lu}[\p{L}]+(?:,? (?:\p{Lu}\.)+))(?=\p{Lu}\p{Ll})/u.exec(text);
  if (glued && isPlace((glued[1] as string).replace(/[,]$/, ''))) {
    return { place: (glued[1] as string).trim(), date: null, rest: text.slice((glued[1] as string).length) };
  }
  return null;
}

function isPlace(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const parts = text.split(/[\s,]+/).filter((w) => w !== '');
  if (parts.length > 6) return false;
  return (
    parts.every((w) => /^[\p{Lu}][\p{L}.’'-]*$/u.test(w) || /^(?:de|del|la|el|of|los|las)$/.test(w)) &&
    /^\p{Lu}/u.test(text)
  );
}
