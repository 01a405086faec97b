/**
 * The top of a release, before the lead: genre labels, the release line, the date, contacts, the headline and
 * subheadline, a site name or letter address. This file walks the header's lines and finds where the lead
 * starts; each kind of line is read in its own file: genre-label.ts, release-line.ts, contact-block.ts and
 * headline.ts (weighed by headline-score.ts, a wrapped title joined by wrapped-lines.ts). The lead's dateline
 * is read by dateline.ts.
 */
import { addContactLine, type HeaderContact, labelledContacts, nextHasContact } from './contact-block.js';
import { CONTACT_LABEL, parseContactLine } from './contacts.js';
import { dateline } from './dateline.js';
import { findDate, parseDateLine, parsePlaceDateLine } from './dates.js';
import { isGenreLabel } from './genre-label.js';
import { pickTitles, type Titles } from './headline.js';
import { LEAD_OPENER, quotedTitle, titleCased } from './headline-score.js';
import { type Block, plain, wordCount } from './normalize.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';
import { readReleaseLine } from './release-line.js';

/** The label of an advisory's event time ("WHEN:", "Fecha y hora:"): a date under it is the event's. */
const EVENT_LABEL = /^(?:when|date\s+and\s+time|time|cu[aá]ndo|fecha\s+y\s+hora|hora|la\s+cita)\s*:?$/i;

export interface Header extends Titles {
  releaseLine: { value: string; index: number; text: string } | null;
  date: { iso: string; index: number } | null;
  /** A "Place, date" line in the header (letters, Latin American releases): the dateline's place. */
  place: { text: string; index: number } | null;
  contacts: HeaderContact[];
  /** Block index of the lead paragraph (the first paragraph of prose), or blocks.length. */
  lead: number;
}

/** Running prose, where the header ends: a long paragraph, a dateline, or an opening quote. */
export function isProse(block: Block, p: ImportParams = DEFAULT_PARAMS): boolean {
  const text = plain(block.text);
  if (block.listMarker) return false;
  if (dateline(text)) return true;
  if (/^[“"«]/.test(text) && wordCount(text) >= 8 && !quotedTitle(text)) return true;
  const sentence = /[.!?]["”»]?$/.test(text);
  // A long title in Title Case or capitals ("Immigrant Rights Activists Coordinate … Detention") is not prose.
  return (
    (wordCount(text) >= p.proseWords && (sentence || !titleCased(text))) ||
    (wordCount(text) >= p.shortProseWords && sentence)
  );
}

export function readHeader(blocks: Block[], p: ImportParams = DEFAULT_PARAMS, language?: 'en' | 'es'): Header {
  const header: Header = {
    releaseLine: null,
    date: null,
    place: null,
    contacts: [],
    headline: null,
    headlineEvidence: null,
    subheadline: null,
    organizations: [],
    lead: blocks.length,
  };
  const candidates: number[] = [];
  let inContacts = false;
  for (let i = 0; i < Math.min(blocks.length, p.headerBlocks); i++) {
    const block = blocks[i] as Block;
    const text = plain(block.text);
    if (
      isProse(block, p) &&
      !CONTACT_LABEL.test(text) &&
      !isSubtitle(blocks, i, candidates, p) &&
      !isSentenceTitle(blocks, i, candidates, p)
    ) {
      header.lead = i;
      break;
    }
    if (isGenreLabel(text)) continue;
    const releaseLine = readReleaseLine(text);
    if (releaseLine) {
      header.releaseLine ??= { value: releaseLine.value, index: i, text };
      const date = findDate(releaseLine.rest, language);
      if (date && !header.date && releaseLine.immediate) header.date = { iso: date.iso, index: i };
      inContacts = false;
      continue;
    }
    if (CONTACT_LABEL.test(text)) {
      inContacts = true;
      for (const contact of labelledContacts(text)) header.contacts.push({ contact, index: i });
      continue;
    }
    // Two columns flattened into one line ("July 21, 2014      Julian Teixeira"): the left one may be the date.
    const date = parseDateLine(text, language) ?? parseDateLine(block.text.split(/\s{3,}/)[0] ?? '', language);
    // Under "WHEN:" / "Fecha y hora:" the date is the event's, not the release's.
    if (date && EVENT_LABEL.test(plain(blocks[i - 1]?.text ?? ''))) {
      candidates.push(i);
      continue;
    }
    if (date) {
      header.date ??= { iso: date, index: i };
      // The right column of that line may start the contact ("July 21, 2014      Julian Teixeira").
      const right = block.text
        .split(/\s{3,}/)
        .slice(1)
        .join(' ');
      const contact = right ? parseContactLine(right) : null;
      if (contact?.name && (contact.phone || contact.email || inContacts || nextHasContact(blocks, i))) {
        header.contacts.push({ contact, index: i });
        inContacts = true;
      }
      continue;
    }
    const placeDate = parsePlaceDateLine(text, language);
    if (placeDate) {
      header.date ??= { iso: placeDate.iso, index: i };
      header.place ??= { text: placeDate.place, index: i };
      continue;
    }
    if (addContactLine(blocks, i, header.contacts, inContacts, p)) continue;
    inContacts = false;
    // A line without a letter ("24 04 2009", "$", "0") is no title.
    if (/\p{L}/u.test(text)) candidates.push(i);
  }
  // The lines nothing else claimed: the headline, the subheadline, a letterhead's organizations.
  return Object.assign(header, pickTitles(blocks, candidates, header.lead, p));
}

/**
 * A one-sentence deck under the title ("Judge hears arguments that approval violated environmental laws.")
 * looks like a short paragraph; it is the subtitle when the next block opens the lead with a dateline or is
 * the dateline's place on its own line.
 */
function isSubtitle(blocks: Block[], i: number, candidates: number[], p: ImportParams): boolean {
  const block = blocks[i] as Block;
  const text = plain(block.text);
  const next = blocks[i + 1];
  if (!next || wordCount(text) >= p.proseWords || dateline(text) || /^[“"«]/.test(text)) return false;
  if (candidates.at(-1) !== i - 1 || (text.match(/[.!?]\s/g) ?? []).length > 0) return false;
  const nextText = plain(next.text);
  return dateline(nextText) !== null || (wordCount(nextText) <= 5 && dateline(`${nextText} — x`) !== null);
}

/**
 * A title written as one sentence with its full stop ("Organizaciones exigen al Congreso archivar la iniciativa
 * 5257."): no title line above it, one sentence, no dateline, and a longer paragraph of prose right after it.
 */
function isSentenceTitle(blocks: Block[], i: number, candidates: number[], p: ImportParams): boolean {
  const text = plain((blocks[i] as Block).text);
  const next = blocks[i + 1];
  if (!next || wordCount(text) > 20 || dateline(text) || /^[“"«]/.test(text)) return false;
  if (candidates.some((c) => wordCount(plain((blocks[c] as Block).text)) >= 3)) return false;
  if ((text.match(/[.!?]\s/g) ?? []).length > 0 || /[:,;]$/.test(text)) return false;
  // A short lead opens with its time or speaks as "we": "Today, 60 groups sent …", "Nosotras exigimos …".
  if (LEAD_OPENER.test(text)) return false;
  const nextText = plain(next.text);
  return isProse(next, p) && wordCount(nextText) >= wordCount(text) * 2 && !CONTACT_LABEL.test(nextText);
}
