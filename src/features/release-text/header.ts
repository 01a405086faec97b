/**
 * The top of a release, before the lead: genre labels, the release line, the date, contacts, the headline and
 * subheadline, a site name or letter address. Then the lead's dateline ("WASHINGTON, June 3, 2021 — …").
 */
import { CONTACT_LABEL, type ContactLine, parseContactLine, parseContactLines } from './contacts.js';
import { findDate, parseDateLine, parsePlaceDateLine } from './dates.js';
import { isNamePhrase, isOrgLike, isPersonName } from './names.js';
import { type Block, plain } from './normalize.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';
import { isRoleWord } from './quotes.js';

// Genre labels on a line of their own ("Media Advisory", "AVISO DE PRENSA", "PRONUNCIAMIENTO PÚBLICO"): never the title.
const LABEL =
  'for\\s+planning\\s+purposes(?:\\s+only)?|(?:joint\\s+)?(?:press|news|media)\\s+(?:release|advisory|statement|call\\s+advisory|alert|conference|call)|joint\\s+statement|statement|open\\s+letter|comunicado(?:\\s+(?:de\\s+prensa|conjunto|p[uú]blico))?|nota\\s+de\\s+prensa|aviso\\s+(?:de\\s+prensa|a\\s+(?:los\\s+)?medios)|conferencia\\s+de\\s+prensa|pronunciamiento(?:\\s+p[uú]blico)?|carta\\s+abierta|declaraci[oó]n(?:\\s+(?:conjunta|p[uú]blica))?|bolet[ií]n(?:\\s+de\\s+prensa)?';
// …also numbered: "Comunicado No. 15-2021", "Press Release #23", "Boletín 045".
const GENRE = new RegExp(
  `^(?:${LABEL})(?:\\s*(?:n[°º.]?|no\\.?|nro\\.?|#)?\\s*\\d{1,4}(?:[/-]\\d{2,4})?)?\\s*:?$`,
  'i',
);
/** "Media Advisory: May 26, 12:00 PM ET": a label carrying only a date or a time is still a label. */
const GENRE_WITH_TIME = new RegExp(`^(?:${LABEL})\\s*[:|–—-]\\s*(?=.*\\d)(?:\\S+(?:\\s+|$)){1,7}$`, 'i');
/** A title that names its own genre ("Press release: Launching …", "Comunicado de prensa de la Coordinadora …"). */
const GENRE_TITLE = new RegExp(`^(?:${LABEL})\\s*(?::\\s*\\S|\\s+(?:de|del|of|from|by|on|sobre|ante|a)\\s)`, 'i');
export const RELEASE_LINE =
  /^(?:for\s+immediate\s+release|immediate\s+release|para\s+(?:su\s+)?(?:difusi[oó]n|publicaci[oó]n|distribuci[oó]n)\s+inmediata|publicaci[oó]n\s+inmediata|difusi[oó]n\s+inmediata)\b\s*[:.–—-]?\s*(.*)$/i;
const EMBARGO_INSIDE = /\b(?:under\s+embargo|embargoed|bajo\s+embargo|embargad[oa])\s+(?:until|till|hasta)\b/i;
const EVENT_LABEL = /^(?:when|date\s+and\s+time|time|cu[aá]ndo|fecha\s+y\s+hora|hora|la\s+cita)\s*:?$/i;
export const EMBARGO = /^(?:embargoed|embargo|embargad[oa])\b\s*(?:until|till|hasta)?\s*[:.–—-]?\s*(.+)$/i;

export interface Header {
  releaseLine: { value: string; index: number; text: string } | null;
  date: { iso: string; index: number } | null;
  /** A "Place, date" line in the header (letters, Latin American releases): the dateline's place. */
  place: { text: string; index: number } | null;
  contacts: { contact: ContactLine; index: number }[];
  headline: { text: string; index: number } | null;
  /** The winning headline's evidence score and its lead over the runner-up (for the confidence). */
  headlineEvidence: { score: number; margin: number } | null;
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
  if (/^[“"«]/.test(text) && words(text) >= 8 && !quotedTitle(text)) return true;
  const sentence = /[.!?]["”»]?$/.test(text);
  // A long title in Title Case or capitals ("Immigrant Rights Activists Coordinate … Detention") is not prose.
  return (
    (words(text) >= p.proseWords && (sentence || !titleCased(text))) || (words(text) >= p.shortProseWords && sentence)
  );
}

/**
 * A title that opens with a quotation: "“We will not be silenced”: groups respond to …", "«No nos callarán»,
 * dicen las organizaciones". The quote closes inside the line and the line does not end as a sentence.
 */
function quotedTitle(text: string): boolean {
  return /^[“"«][^“”"«»]{3,160}[”"»]\s*[:,–—-]\s*\S/.test(text) && !/[.]["”»]?$/.test(text) && words(text) <= 40;
}

/** Most words capitalized, as in an English title or a line in capitals. */
export function titleCased(text: string): boolean {
  const ws = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return ws.length > 0 && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length >= 0.7;
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
    if (
      GENRE.test(text) ||
      (GENRE_WITH_TIME.test(text) && !/\p{Ll}{4,}\s+\p{Ll}{4,}/u.test(text.replace(/^[^:]*:/, '')))
    )
      continue;
    const release = RELEASE_LINE.exec(text);
    const embargo = release ? null : EMBARGO.exec(text);
    // "Report under embargo until March 22, 2006, 0h01GMT.": the embargo stated inside a short line is the line.
    const embargoInside = release || embargo || words(text) > 16 ? null : EMBARGO_INSIDE.exec(text);
    if (release || embargo || embargoInside) {
      const rest = ((release ?? embargo)?.[1] ?? '').trim();
      // An embargo keeps the line's own language: its date is written in it ("EL 3 DE MARZO"), so an English
      // label before it would read as neither language. The Spanish label is the one the app prints.
      const spanish = /\b(?:hasta|embargad[oa])\b/i.test(text);
      const value = release
        ? 'FOR IMMEDIATE RELEASE'
        : embargo
          ? `${spanish ? 'BAJO EMBARGO HASTA' : 'EMBARGOED UNTIL'} ${rest}`
          : text;
      header.releaseLine ??= { value, index: i, text };
      const date = findDate(rest, language);
      if (date && !header.date && release) header.date = { iso: date.iso, index: i };
      inContacts = false;
      continue;
    }
    if (CONTACT_LABEL.test(text)) {
      inContacts = true;
      const rest = text.replace(CONTACT_LABEL, '').replace(/^\s*s?\s*[:.–—-]?\s*/, '');
      for (const contact of rest ? parseContactLines(rest) : []) header.contacts.push({ contact, index: i });
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
  pickTitles(blocks, candidates, header, p);
  return header;
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
  if (!next || words(text) >= p.proseWords || dateline(text) || /^[“"«]/.test(text)) return false;
  if (candidates.at(-1) !== i - 1 || (text.match(/[.!?]\s/g) ?? []).length > 0) return false;
  const nextText = plain(next.text);
  return dateline(nextText) !== null || (words(nextText) <= 5 && dateline(`${nextText} — x`) !== null);
}

/**
 * A title written as one sentence with its full stop ("Organizaciones exigen al Congreso archivar la iniciativa
 * 5257."): no title line above it, one sentence, no dateline, and a longer paragraph of prose right after it.
 */
const LEAD_OPENER =
  /^(?:today|yesterday|this\s+(?:week|morning|afternoon)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|hoy|ayer|este\s+(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)|el\s+d[ií]a\s+de\s+hoy|we|nosotr[oa]s|las?\s+(?:organizaciones|personas)\s+(?:abajo\s+)?firmantes)\b|\bwe\s+\p{Ll}/iu;

function isSentenceTitle(blocks: Block[], i: number, candidates: number[], p: ImportParams): boolean {
  const text = plain((blocks[i] as Block).text);
  const next = blocks[i + 1];
  if (!next || words(text) > 20 || dateline(text) || /^[“"«]/.test(text)) return false;
  if (candidates.some((c) => words(plain((blocks[c] as Block).text)) >= 3)) return false;
  if ((text.match(/[.!?]\s/g) ?? []).length > 0 || /[:,;]$/.test(text)) return false;
  // A short lead opens with its time or speaks as "we": "Today, 60 groups sent …", "Nosotras exigimos …".
  if (LEAD_OPENER.test(text)) return false;
  const nextText = plain(next.text);
  return isProse(next, p) && words(nextText) >= words(text) * 2 && !CONTACT_LABEL.test(nextText);
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
  const last = contacts.at(-1);
  // "Jane Roe" / "Communications Director, Border Network" / "(915) 555-0100": the post under the name.
  if (
    inContacts &&
    !contact.phone &&
    !contact.email &&
    last?.index === i - 1 &&
    last.contact.name &&
    !last.contact.phone &&
    !last.contact.email &&
    isPostLine(text) &&
    nextHasContact(blocks, i)
  ) {
    last.contact.organization ??= contact.organization;
    last.index = i;
    return true;
  }
  if (!contact.phone && !contact.email && !contact.hiddenEmail && !named) return false;
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
    for (const contact of rest ? parseContactLines(rest) : []) contacts.push({ contact, index: i });
    let j = i + 1;
    while (j < blocks.length && j <= i + 6 && addContactLine(blocks, j, contacts, true, p)) j++;
    i = j - 1;
  }
  return contacts;
}

/** The next line gives a phone or an e-mail, or does so after one line naming the person's post. */
function nextHasContact(blocks: Block[], i: number): boolean {
  const facts = (k: number) => {
    const line = blocks[k];
    const c = line ? parseContactLine(plain(line.text)) : null;
    return Boolean(c && !c.name && (c.phone || c.email || c.hiddenEmail));
  };
  const next = blocks[i + 1];
  return facts(i + 1) || (next !== undefined && isPostLine(plain(next.text)) && facts(i + 2));
}

/** A short line with no digits and no address that names a post or an organization ("Director, Border Network"). */
function isPostLine(text: string): boolean {
  return (
    words(text) <= 10 &&
    !/[\d@]/.test(text) &&
    (text.split(/[\s,]+/).some((w) => isRoleWord(w)) || (isOrgLike(text) && !isPersonName(text)))
  );
}

/** Headline and subheadline among the header lines nothing else claimed; a letter's address block is none. */
function pickTitles(blocks: Block[], candidates: number[], header: Header, p: ImportParams): void {
  const address = new Set<number>();
  for (let k = 0; k < candidates.length; k++) {
    let end = k;
    while (end + 1 < candidates.length && candidates[end + 1] === (candidates[end] as number) + 1) end++;
    const group = candidates.slice(k, end + 1);
    // Short lines alone are as often a web page's menu and title; an address names its addressee.
    const addressed = [...group, (group.at(-1) as number) + 1].some((i) => {
      const line = plain(blocks[i]?.text ?? '');
      return HONORIFIC.test(line) || ADDRESSEE.test(line) || isRoleWord(line.split(/\s+/)[0]);
    });
    if (
      addressed &&
      group.length >= p.addressMinLines &&
      group.every((i) => words(plain((blocks[i] as Block).text)) <= p.addressMaxWords)
    ) {
      for (const i of group) address.add(i);
    }
    k = end;
  }
  const usable = candidates.filter((i) => !address.has(i));
  const texts = usable.map((i) => withoutSiteName(plain((blocks[i] as Block).text).replace(/^#+\s*/, '')));
  // A title hard-wrapped mid-phrase ("…DENUNCIAN DESALOJO VIOLENTO" / "DE COMUNIDAD …") is read as one line
  // before anything is weighed, so its first half is not taken for a letterhead nor its second for the title.
  // `lines[n]`: how many lines of the text the entry spans.
  const lines = usable.map(() => 1);
  for (let n = usable.length - 2; n >= 0; n--) {
    const [a, b] = [texts[n] as string, texts[n + 1] as string];
    if (
      usable[n + 1] === (usable[n] as number) + 1 &&
      (blocks[usable[n + 1] as number] as Block).blankBefore === 0 &&
      !(blocks[usable[n + 1] as number] as Block).listMarker &&
      !/[.!?:;,|]$/.test(a) &&
      sameCase(a, b) &&
      (WRAP_JOINER.test(b.split(/\s+/)[0] ?? '') || WRAP_JOINER.test(a.split(/\s+/).at(-1) ?? '')) &&
      words(`${a} ${b}`) <= p.headlineMaxWords &&
      !CHROME.test(b) &&
      findDate(b) === null
    ) {
      texts.splice(n, 2, `${a} ${b}`);
      usable.splice(n + 1, 1);
      lines.splice(n, 2, (lines[n] as number) + (lines[n + 1] as number));
    }
  }
  // Letterhead: a short organization name at the top, above the title, is an issuer, not the headline.
  const letterhead = new Set<number>();
  for (const [n, i] of usable.entries()) {
    const text = texts[n] as string;
    const name = text.replace(/,\s*\p{Lu}{2,10}$/u, '');
    const more = n + 1 < usable.length;
    // A longer name is a letterhead only if the release names that organization again; a title in Title Case
    // with an organization word in it ("Coalition Calls on Congress to …") is not repeated word for word.
    const named =
      words(text) <= p.letterheadBareWords ||
      blocks.slice(i + 1).some((b) => plain(b.text).toLowerCase().includes(name.toLowerCase()));
    if (
      more &&
      words(text) <= p.letterheadMaxWords &&
      isNamePhrase(name) &&
      isOrgLike(name) &&
      !/[|:]/.test(text) &&
      named
    ) {
      header.organizations.push({ name, index: i });
      letterhead.add(i);
    } else break;
  }
  let best: { n: number; score: number } | null = null;
  let runnerUp = Number.NEGATIVE_INFINITY;
  for (const [n, i] of usable.entries()) {
    const text = texts[n] as string;
    const titleLike =
      words(text) >= 2 &&
      words(text) <= p.headlineMaxWords &&
      (!/^[“"«]/.test(text) || quotedTitle(text)) &&
      !(blocks[i] as Block).listMarker;
    if (!titleLike) continue;
    // A letterhead may still be the title ("GROUPS DENOUNCE NEW ASYLUM BAN" reads as a name): weighed, not excluded.
    const score = headlineScore(text, n, texts, blocks, i, header.lead) - (letterhead.has(i) ? p.letterheadWeight : 0);
    if (best && score <= best.score) runnerUp = Math.max(runnerUp, score);
    if (score >= p.headlineMinScore && (!best || score > best.score)) {
      if (best) runnerUp = Math.max(runnerUp, best.score);
      best = { n, score };
    }
  }
  if (!best) return;
  const chosen = usable[best.n] as number;
  header.organizations = header.organizations.filter((o) => o.index !== chosen);
  header.headlineEvidence = { score: best.score, margin: best.score - runnerUp };
  const at = usable[best.n] as number;
  header.headline = { text: texts[best.n] as string, index: at };
  let next = usable[best.n + 1];
  let nextText = texts[best.n + 1];
  // A title hard-wrapped over two lines: the next line, with no blank line between, in the same casing, and
  // the first line not finished by punctuation.
  // …or, in a sentence-case title, a next line that starts in lower case (see `sameCase`).
  if (
    next === at + (lines[best.n] as number) &&
    nextText !== undefined &&
    (blocks[next] as Block).blankBefore === 0 &&
    !/[.!?:;,]$/.test(header.headline.text) &&
    sameCase(header.headline.text, nextText) &&
    (/^\p{Ll}/u.test(nextText) ||
      WRAP_JOINER.test(header.headline.text.split(/\s+/).at(-1) ?? '') ||
      WRAP_JOINER.test(nextText.split(/\s+/)[0] ?? '') ||
      fitsHardWrap(header.headline.text, nextText)) &&
    nextText.toLowerCase() !== header.headline.text.toLowerCase() &&
    !CHROME.test(nextText) &&
    findDate(nextText) === null &&
    words(`${header.headline.text} ${nextText}`) <= p.headlineMaxWords
  ) {
    header.headline.text = `${header.headline.text} ${nextText}`;
    next = usable[best.n + 2];
    nextText = texts[best.n + 2];
  }
  if (
    next !== undefined &&
    next === at + (lines[best.n] as number) + (header.headline.text === texts[best.n] ? 0 : 1) &&
    nextText !== undefined &&
    nextText.toLowerCase() !== header.headline.text.toLowerCase() &&
    words(nextText) >= 4 &&
    !CHROME.test(nextText) &&
    // An advisory's field ("WHAT: Rally …") or a byline under the title is no deck.
    !NOT_A_TITLE.test(nextText) &&
    !BYLINE.test(nextText) &&
    findDate(nextText) === null
  ) {
    header.subheadline = { text: nextText, index: next };
  }
}

/** "Groups sue over the wall – Center for Biological Diversity": a web page's title ends with the site's name. */
function withoutSiteName(text: string): string {
  const m = /^(.{20,}?)\s+[|–—-]\s+([^|–—]{3,80})$/u.exec(text);
  if (!m || words(m[1] as string) < 4) return text;
  const site = (m[2] as string).trim();
  return isNamePhrase(site) && isOrgLike(site) ? (m[1] as string).trim() : text;
}

/**
 * A line wrapped at a width breaks only when the next word does not fit, so its continuation is never longer
 * than the first line plus that word: a longer line under a title in the same casing is a deck, not the rest.
 */
const fitsHardWrap = (first: string, next: string) =>
  next.length <= first.length + 1 + (next.split(/\s+/)[0] ?? '').length;

/** Two lines of one title share its casing; a sentence-case title goes on in lower case. */
const sameCase = (a: string, b: string) =>
  (a === a.toUpperCase() && b === b.toUpperCase()) ||
  (titleCased(a) && titleCased(b) && /^\p{Lu}/u.test(b)) ||
  (!titleCased(a) && /^\p{Ll}/u.test(b));

/** Words a phrase cannot end on, nor a new line of its own start with, when a title wraps. */
const WRAP_JOINER =
  /^(?:de|del|en|a|al|y|e|o|para|por|con|sin|sobre|ante|contra|la|el|los|las|of|to|for|in|on|and|or|the|at|from|with|by|against)$/i;

/** The lines closing a letter's address: "PRESENTE", "P R E S E N T E", "Attn:", a salutation. */
const ADDRESSEE =
  /^(?:p\s?r\s?e\s?s\s?e\s?n\s?t\s?e\b|(?:attn|atenci[oó]n|to|para)\s*:|(?:dear|estimad[oa]s?|querid[oa]s?)\s)/i;
const HONORIFIC = /^(?:sr|sra|srta|dr|dra|lic|ing|mr|mrs|ms|hon|excmo|excma)\.?\s+\p{Lu}/iu;

/** Words of web-page chrome and section labels that are never a release's title. */
/**
 * Lines of a header that are something else by their first words: a byline ("By …", "Por …"), a photo credit,
 * a letter's salutation or addressees ("Dear …", "A la opinión pública"), an advisory's field ("WHEN:", "Dónde:"),
 * a note on the other language's version.
 */
const NOT_A_TITLE =
  /^(?:(?:written\s+by|escrito\s+por|autor(?:a)?\s*:)\s+\S|(?:photo|foto|fotograf[ií]a|image|imagen|cr[eé]dito)s?\b(?:\s+(?:credit|by|de|por))?\s*:|(?:dear|estimad[oa]s?|querid[oa]s?|distinguid[oa]s?)\s|a\s+(?:la|las|los)\s+(?:opini[oó]n\s+p[uú]blica|medios|comunidad|sociedad|pueblos?|autoridades|organizaciones)\b|(?:what|when|where|who|why|rsvp|visuals|qu[eé]|cu[aá]ndo|d[oó]nde|qui[eé]n(?:es)?|c[oó]mo)\s*:|\((?:in\s+)?(?:english|spanish|espa[nñ]ol|ingl[eé]s|en\s+(?:espa[nñ]ol|ingl[eé]s))\b[^)]*\)|english\s+(?:version|follows|below)\b|versi[oó]n\s+en\s+(?:ingl[eé]s|espa[nñ]ol)\b)/i;
/** "By Communications Staff", "Por Juan Pérez": a byline names its author in capitals; "Por una ley justa" is a title. */
const BYLINE = /^(?:[Bb]y|BY|[Pp]or|POR)\s+\p{Lu}[\p{L}.’'-]*(?:\s+(?:\p{Lu}[\p{L}.’'-]*|de|del|la|y|and|&))*\s*$/u;

// A row of social-network links ("Follow us", "Síguenos en Facebook Twitter …") is the page's, never the release's.
const CHROME =
  /\b(?:(?:follow\s+us|s[ií]guenos|con[eé]ct(?:ese|ate)\s+con\s+nosotros)\b|(?:facebook|twitter|youtube|linkedin|instagram|tiktok)\W+(?:facebook|twitter|youtube|linkedin|instagram|tiktok|x)\b|skip\s+to|back\s+to|newsroom|home\s*page|main\s+content|menu|channel|viewing\s+all|browse|quantcast|share\s+this|tweet|subscribe|read\s+more|saltar\s+al|ir\s+al\s+contenido|staff|urgent\s+interventions|posted\s+(?:by|on)|publicado\s+por|etiquetas|tags?(?=\s*:)|filed\s+under|categor(?:y|ies|[ií]as?))\b/i;

/**
 * How much a header line looks like the release's title, summing small pieces of evidence: its length, its
 * punctuation, whether it is chrome, a date, a name or a label, and whether it is repeated (listing pages
 * show the title twice) or echoed by the lead. The highest score above `headlineMinScore` wins.
 */
function headlineScore(text: string, n: number, texts: string[], blocks: Block[], i: number, lead: number): number {
  const w = words(text);
  let score = 0;
  score += w >= 5 && w <= 30 ? 2 : w >= 3 ? 0 : -2;
  if (CHROME.test(text)) score -= 4;
  if (findDate(text) || /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}:\d{2}\b/.test(text)) score -= 3;
  if (/[|]/.test(text)) score -= 2;
  // Introductions ("Estimada Alta Comisionada:"), references ("Ref.: …") and spaced letters ("P R E S E N T E").
  if (
    /:$/.test(text) ||
    /^(?:re|ref|asunto|subject|attn|atenci[oó]n)\.?\s*:/i.test(text) ||
    /^(?:\p{L} ){3,}\p{L}$/u.test(text)
  )
    score -= 3;
  // A label before the title ("Press release: Launching …") announces it.
  // A title naming its own genre is the document's title; other title-like lines may be a blog's or a section's.
  if (GENRE_TITLE.test(text)) score += 3;
  if (titleCased(text)) score += 1;
  // A letter's address block: an honorific line and the lines under it.
  const above = texts.slice(Math.max(0, n - 2), n + 1);
  if (above.some((t) => HONORIFIC.test(t))) score -= 3;
  if (/,$/.test(text)) score -= 3;
  if (NOT_A_TITLE.test(text) || BYLINE.test(text)) score -= 4;
  // Breadcrumbs and menus: short items joined by "»", "›", ">" or " / ".
  if ((text.match(/\s[»›>/]\s/g) ?? []).length >= 1 && !/[.!?]$/.test(text)) score -= 3;
  if (/[.;]$/.test(text) && !/\b(?:Inc|Jr|Sr|U\.S)\.$/.test(text)) score -= 1;
  // A finished sentence that opens with its time or speaks as "we" is a short lead, not a title.
  if (/[.]$/.test(text) && LEAD_OPENER.test(text)) score -= 4;
  if (isPersonName(text.replace(/,$/, ''))) score -= 3;
  // "Environmental Justice Press Releases … Press Releases": a navigation line repeats its words.
  const tokens = text.toLowerCase().split(/\s+/);
  const pairs = tokens
    .slice(1)
    .map((t, k) => `${tokens[k]} ${t}`)
    .filter((pair) => /^\p{L}{4,} \p{L}{4,}$/u.test(pair));
  if (new Set(pairs).size < pairs.length) score -= 3;
  if (texts.some((t, k) => k !== n && t.toLowerCase() === text.toLowerCase())) score += 2;
  // The lead usually takes up the title's words.
  const leadText = blocks[lead] ? plain((blocks[lead] as Block).text).toLowerCase() : '';
  const content = tokens.map((t) => t.replace(/[^\p{L}\d]/gu, '')).filter((t) => t.length >= 5);
  if (content.length > 0 && content.filter((t) => leadText.includes(t)).length / content.length >= 0.3) score += 1;
  // Of a title and its subtitle, the title comes first.
  const titleish = (t: string | undefined) =>
    t !== undefined && words(t) >= 3 && !CHROME.test(t) && !findDate(t) && !/[:|,]$/.test(t) && !HONORIFIC.test(t);
  const adjacent = (k: number) => blocks[i + k] !== undefined && texts.includes(plain((blocks[i + k] as Block).text));
  if (adjacent(1) && titleish(plain((blocks[i + 1] as Block).text))) score += 1;
  if (adjacent(-1) && titleish(plain((blocks[i - 1] as Block).text))) score -= 1;
  // A title sits close above the lead.
  if (lead - i <= 4) score += 1;
  return score;
}

export interface Dateline {
  place: string | null;
  date: string | null;
  /** The lead's text after the dateline. */
  rest: string;
}

// "Tegucigalpa, 5 de abril de 2011.- El …": Latin American releases close the dateline with ".-".
const DASH = /\s+(?:—|–|-{1,2})\s*|\s*(?:—|–)\s+|(?<=\p{Lu}{2,})\s*[—–]\s*|(?<=\d{4})\s*\.\s*[-–—]\s*(?=\p{Lu})/u;

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
      .replace(/,\s*(?:a|el|on|this)\s*$/i, '')
      .replace(/[\s,.(]+$/, '')
      .replace(/^[\s,]+/, '')
      .trim();
    // A date alone before the dash opens a paragraph: "Friday, June 4, 2021, 10 a.m. – 12 p.m." is a schedule.
    const opensProse = words(text.slice(dash.index + dash[0].length)) >= 4;
    let rest = text.slice(dash.index + dash[0].length);
    // "For Planning Purposes — Thursday, October 7, 2021": a label and a date; a dateline opens a sentence.
    const restDate = date ? null : findDate(rest);
    const onlyDate =
      restDate !== null && restDate.index <= 1 && rest.trim().length - (restDate.index + restDate.length) <= 2;
    if (!onlyDate && (isPlace(place) || (place === '' && date && opensProse))) {
      // "MIAMI, FL – June 3, 2021 – Today …": the date between two dashes belongs to the dateline.
      const between = date ? null : /^([^—–]{6,40}?)\s+[—–]\s+/.exec(rest);
      const second = between ? findDate(between[1] as string) : null;
      if (
        between &&
        second &&
        second.index === 0 &&
        second.length >= (between[1] as string).replace(/[\s.,]+$/, '').length - 1
      ) {
        rest = rest.slice(between[0].length);
      }
      return { place: place === '' ? null : place, date: date?.iso ?? second?.iso ?? null, rest };
    }
  }
  // "San Salvador, 3 de junio de 2021. Las organizaciones …": place, comma, date, full stop.
  const placeDate = /^([^,.;:]{2,45}),\s*([^.;:]{6,40}?\d{4})\.\s+(?=\p{Lu})/u.exec(text);
  if (placeDate && isPlace((placeDate[1] as string).trim())) {
    const date = findDate(placeDate[2] as string);
    if (date && date.index <= 5 && date.index + date.length >= (placeDate[2] as string).length - 1) {
      return { place: (placeDate[1] as string).trim(), date: date.iso, rest: text.slice(placeDate[0].length) };
    }
  }
  // "Montreal. The Canadian Council …": a one- to three-word place closed by a full stop.
  const stop = /^(\p{Lu}[\p{L}’'-]+(?:[ ,]+\p{Lu}[\p{L}’'.-]+){0,2})\.\s+(?=\p{Lu})/u.exec(text);
  if (
    stop &&
    isPlace(stop[1] as string) &&
    !NOT_PLACES.test(stop[1] as string) &&
    words(stop[1] as string) <= 3 &&
    words(text.slice(stop[0].length)) >= 8
  ) {
    return { place: stop[1] as string, date: null, rest: text.slice(stop[0].length) };
  }
  const glued = /^(\p{Lu}{3,}(?:[ ,]+\p{Lu}{2,}\.?)*|\p{Lu}[\p{L}]+(?:,? (?:\p{Lu}\.)+))(?=\p{Lu}\p{Ll})/u.exec(text);
  if (glued && isPlace((glued[1] as string).replace(/[,]$/, ''))) {
    return { place: (glued[1] as string).trim(), date: null, rest: text.slice((glued[1] as string).length) };
  }
  return null;
}

const NOT_PLACES =
  /^(?:sr|sra|srta|dr|dra|lic|ing|mr|mrs|ms|hon|st|today|yesterday|tomorrow|hoy|ayer|mañana|however|sin\s+embargo|thus|also|además|finally|finalmente|no|yes|s[ií])$/i;

function isPlace(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const parts = text.split(/[\s,]+/).filter((w) => w !== '');
  if (parts.length > 6) return false;
  return (
    parts.every((w) => /^[\p{Lu}][\p{L}.’'-]*$/u.test(w) || /^(?:de|del|la|el|of|los|las)$/.test(w)) &&
    /^\p{Lu}/u.test(text)
  );
}
