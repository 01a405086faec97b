/**
 * Text → the JSON contract, plus where each part was found (for the linter) and how sure we are (for the
 * dry-run report). Pure and total: any string gives a result that validates against the contract.
 */
import { type FoundBoilerplate, parseBoilerplate } from './boilerplates.js';
import { trailingContacts } from './contact-block.js';
import { toImportedContact } from './contacts.js';
import { type ImportedRelease, type Recognition, UNSURE_BELOW } from './contract.js';
import { type Dateline, dateline } from './dateline.js';
import { parseDateLine, parsePlaceDateLine } from './dates.js';
import { type Header, isProse, readHeader } from './header.js';
import { detectLanguage } from './language.js';
import { isGovernmentBody, isNamePhrase, stripAcronym } from './names.js';
import { type Block, plain, toBlocks } from './normalize.js';
import {
  advisoryParticipants,
  leadSubject,
  namedOrganizations,
  nameLists,
  namesInLists,
  tidyName,
  uniqueOrganizations,
} from './organizations.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';
import { extractQuotes, type FoundQuote, isRoleWord } from './quotes.js';
import { extractRecommendations, type FoundList, findLists, isOrganizationList } from './recommendations.js';
import {
  CLOSING,
  signatoryOrganizations,
  signingParagraphOrganizations,
  toAcronymEnd,
  withoutPlace,
} from './signatories.js';

export interface Extraction {
  release: ImportedRelease;
  recognition: Recognition[];
  blocks: Block[];
  header: Header;
  endMark: number | null;
  quotes: FoundQuote[];
  boilerplates: FoundBoilerplate[];
  lists: FoundList[];
  recommendations: { text: string; index: number }[];
}

const END_MARK = /^(?:#\s*#\s*#|-\s*30\s*-|—\s*30\s*—|–\s*30\s*–|\*\s*\*\s*\*\s*fin\s*\*\s*\*\s*\*)$/i;

export function extractRelease(
  text: string,
  language?: 'en' | 'es',
  params: ImportParams = DEFAULT_PARAMS,
): Extraction {
  const p = params;
  const blocks = toBlocks(text);
  const lang = language ?? detectLanguage(blocks.map((b) => b.text).join(' '));
  const header = readHeader(blocks, p, lang);
  if (header.contacts.length === 0) header.contacts = trailingContacts(blocks, header.lead + 1, p);
  const endMark = blocks.findIndex((b, i) => i >= header.lead && END_MARK.test(b.text.replace(/\\/g, '').trim()));
  const bodyEnd = endMark >= 0 ? endMark : blocks.length;
  const lead = blocks[header.lead];
  const leadText = lead ? plain(lead.text) : '';
  const line = lead && !/^[“"«]/.test(leadText) ? (dateline(leadText) ?? placeAbove(blocks, header)) : null;

  const lists = findLists(blocks, header.lead, blocks.length);
  const recommendations = extractRecommendations(
    blocks,
    lists.filter((l) => (l.items[0] as number) < bodyEnd),
    p,
  );
  const quotes = extractQuotes(blocks, header.lead, bodyEnd);
  const boilerplates = findBoilerplates(blocks, header, endMark, quotes, lists);

  const { names: organizations, source: orgSource } = issuers(
    blocks,
    header,
    line?.rest ?? leadText,
    lists,
    quotes,
    boilerplates,
    p,
  );
  const date = releaseDate(blocks, header, line?.date ?? null, bodyEnd, lang);
  const release: ImportedRelease = {
    headline: header.headline?.text ?? null,
    subheadline: header.subheadline?.text ?? null,
    date,
    dateline_place: line?.place ?? header.place?.text ?? null,
    release_line: header.releaseLine?.value ?? null,
    contacts: header.contacts.map((c) => toImportedContact(c.contact)),
    organizations,
    quotes: quotes.map((q) => q.quote),
    recommendations: recommendations.map((r) => r.text),
    boilerplates: boilerplates.map((b) => b.boilerplate),
    end_mark: endMark >= 0 ? (blocks[endMark]?.text.includes('30') ? '-30-' : '###') : null,
    language: lang,
  };
  return {
    release,
    recognition: recognize(release, header, blocks, endMark, line !== null, p, {
      orgSource,
      dateSource: (header.date && header.date.iso === date) || line?.date === date ? 'header' : date ? 'other' : 'none',
      lists: lists.length,
    }),
    blocks,
    header,
    endMark: endMark >= 0 ? endMark : null,
    quotes,
    boilerplates,
    lists,
    recommendations,
  };
}

/** Runs of three or more short lines without bullets (a list of signatories written one per line). */
function signatoryLines(blocks: Block[], from: number, p: ImportParams): FoundList[] {
  const out: FoundList[] = [];
  const short = (b: Block | undefined) =>
    b !== undefined && !b.listMarker && b.text.split(/\s+/).length <= p.orgItemMaxWords && !/[.:]$/.test(b.text);
  for (let i = from; i < blocks.length; i++) {
    if (!short(blocks[i])) continue;
    const items: number[] = [];
    while (short(blocks[i])) items.push(i++);
    if (items.length >= 3) out.push({ intro: (items[0] as number) - 1, items });
  }
  return out;
}

/** "GREAT FALLS, Mont." on its own line just above the lead is the lead's dateline. */
function placeAbove(blocks: Block[], header: Header): Dateline | null {
  const above = blocks[header.lead - 1];
  const titled = [header.headline?.index, header.subheadline?.index].includes(header.lead - 2);
  if (!above || above.listMarker || !titled) return null;
  const text = plain(above.text).replace(/[\s—–-]+$/, '');
  const found = dateline(`${text} — x`);
  return found?.place && found.place.length >= text.length - 2
    ? { ...found, place: text.replace(/,$/, ''), rest: plain((blocks[header.lead] as Block).text) }
    : null;
}

/**
 * The release's own date: the header's date line or the lead's dateline; else a date line just after the
 * lead ("30/03/2020.") or in the signature at the end ("27 de octubre de 2006", "Chiapas a 17 de febrero
 * del 2011"). A signature date also wins over a date stamped above the title, which is the site's or the
 * blog's date, not the authors'.
 */
function releaseDate(
  blocks: Block[],
  header: Header,
  datelineDate: string | null,
  bodyEnd: number,
  language: 'en' | 'es',
): string | null {
  const dateOf = (i: number) => {
    const block = blocks[i];
    if (!block || block.listMarker) return null;
    const text = plain(block.text);
    if (text.split(/\s+/).length > 16) return null;
    return parseDateLine(text, language) ?? parsePlaceDateLine(text, language)?.iso ?? null;
  };
  let signature: string | null = null;
  // The signature sits after the body, before or after a list of signatories: the last third of the text.
  const tail = Math.max(6, Math.ceil((blocks.length - header.lead) / 3));
  for (let i = blocks.length - 1; i >= Math.max(header.lead + 1, blocks.length - tail); i--) {
    signature = dateOf(i);
    if (signature) break;
  }
  const stampAboveTitle = header.date && header.headline && header.date.index < header.headline.index;
  // The lead's dateline is the authors' date; a date stamped above the title is the site's.
  if (stampAboveTitle && datelineDate) return datelineDate;
  if (stampAboveTitle) {
    for (let i = bodyEnd - 1; i > header.lead + 3 && !signature; i--) signature = dateOf(i);
    if (signature) return signature;
  }
  if (header.date) return header.date.iso;
  if (datelineDate) return datelineDate;
  for (let i = header.lead + 1; i < Math.min(bodyEnd, header.lead + 4); i++) {
    const early = dateOf(i);
    if (early) return early;
  }
  return signature;
}

function findBoilerplates(
  blocks: Block[],
  header: Header,
  endMark: number,
  quotes: FoundQuote[],
  lists: FoundList[],
): FoundBoilerplate[] {
  const found: FoundBoilerplate[] = [];
  // Without an end mark, only the closing paragraphs can be "About" texts: after the last quote and list.
  const lastBody = Math.max(header.lead, ...quotes.map((q) => q.attributionIndex), ...lists.flatMap((l) => l.items));
  const start = endMark >= 0 ? endMark + 1 : lastBody + 1;
  for (let i = Math.max(start, header.lead + 1); i < blocks.length; i++) {
    const boilerplate = parseBoilerplate(blocks, i, endMark >= 0);
    if (!boilerplate) continue;
    found.push(boilerplate);
    if (boilerplate.boilerplate.text === plain(blocks[i + 1]?.text ?? '')) i++;
  }
  // "About X" headings before the end mark count too.
  for (let i = header.lead + 1; i < start; i++) {
    if (/^(?:about|acerca\s+de)\s/i.test(plain((blocks[i] as Block).text))) {
      const boilerplate = parseBoilerplate(blocks, i, false);
      if (boilerplate) found.push(boilerplate);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function issuers(
  blocks: Block[],
  header: Header,
  lead: string,
  lists: FoundList[],
  quotes: FoundQuote[],
  boilerplates: FoundBoilerplate[],
  p: ImportParams,
): { names: string[]; source: 'direct' | 'quotes' | 'boilerplates' | 'none' } {
  // A title or a slogan in quotation marks is not an issuer's name.
  const leadOutsideQuotes = lead.replace(/[“"«][^”"»]*[”"»]/g, ' ');
  const listed = lead ? namesInLists(lead).map((n) => tidyName(n, true)) : [];
  const writtenLowerCase = new Set(
    blocks.flatMap((b) => plain(b.text).match(/(?<![\p{L}’'-])\p{Ll}{3,}(?![\p{L}’'-])/gu) ?? []),
  );
  const subject = lead ? leadSubject(leadOutsideQuotes, writtenLowerCase) : null;
  const fromLead = lead
    ? [...(subject ? [subject] : []), ...namedOrganizations(leadOutsideQuotes)].filter((n) => !isGovernmentBody(n))
    : [];
  // Lists of three or more names in the next paragraphs ("Plaintiffs A, B, C and D …") name issuers too.
  const nearLead = blocks
    .slice(header.lead + 1, header.lead + 1 + p.issuerParagraphs)
    .filter((b) => !b.listMarker)
    .flatMap((b) =>
      nameLists(plain(b.text))
        .filter((l) => l.length >= 3)
        .flat(),
    )
    .map((n) => tidyName(n, true))
    .filter((n): n is string => n !== null);
  // Signatories one per line without bullets, after the body.
  const lineLists = signatoryLines(blocks, header.lead + 1, p);
  const fromLists = [...lists, ...lineLists]
    .filter((l) => isOrganizationList(blocks, l, p))
    .flatMap((l) => l.items.map((i) => plain((blocks[i] as Block).text)))
    .filter((n) => n.split(/\s+/).length <= p.orgItemMaxWords && isNamePhrase(stripAcronym(n)) && !CLOSING.test(n))
    // "Asociación … (ADES) – El Salvador": a signer's place is not part of its name, in any list of signers.
    .map((n) => withoutPlace(toAcronymEnd(n)));
  const fromLeadLists = [...listed, ...fromLead.map((n) => tidyName(n))].filter((n): n is string => n !== null);
  // No paragraph of prose (an advisory of labels and a list): signers may follow the title directly.
  const afterTitle =
    header.lead < blocks.length ? header.lead : Math.max(header.headline?.index ?? -1, header.subheadline?.index ?? -1);
  const signing = signatoryOrganizations(blocks, afterTitle, lead, p);
  const signers = signingParagraphOrganizations(blocks, header.lead, namedOrganizations, p);
  const direct = uniqueOrganizations([
    ...header.organizations.map((o) => o.name),
    ...fromLeadLists,
    ...nearLead,
    ...fromLists,
    // Only after a dash: in a paragraph of signers a comma may join places inside one name ("… en Gran
    // Canaria, Lanzarote y Fuerteventura").
    ...[...signing, ...signers].map((n) => (/\s[–—-]\s/.test(n) && !n.includes(',') ? withoutPlace(n) : n)),
    ...issuingBoilerplates(boilerplates, header),
    ...advisoryParticipants(blocks.map((b) => plain(b.text))),
  ]);
  const text = blocks.map((b) => plain(b.text)).join('\n');
  const found = withoutAliases(direct, text);
  if (found.length > 0) return { names: found, source: 'direct' };
  // "Bishop of the Diocese of El Paso", "Director of X": the body after the post, not the post.
  const body = (role: string) =>
    isRoleWord(role.split(/\s+/)[0])
      ? role.replace(/^(?:\S+\s+){0,2}?\S+\s+(?:of|at|with|de|del)\s+(?:the\s+|la\s+|el\s+)?(?=\p{Lu})/u, '')
      : role;
  const fromQuotes = withoutAliases(
    uniqueOrganizations(quotes.flatMap((q) => namedOrganizations(body(q.quote.role_or_org ?? '')))),
    text,
  );
  if (fromQuotes.length > 0) return { names: fromQuotes, source: 'quotes' };
  const fromAbout = uniqueOrganizations(boilerplates.map((b) => b.boilerplate.organization));
  return { names: fromAbout, source: fromAbout.length > 0 ? 'boilerplates' : 'none' };
}

/**
 * An "About X" paragraph is the issuer's when the release's own contact speaks for X too (the contact line
 * names X, or the contact's e-mail is at X's website): two independent signs. An About paragraph alone may
 * describe a partner or a campaign the lead already names under another form.
 */
function issuingBoilerplates(boilerplates: FoundBoilerplate[], header: Header): string[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/^the\s+/, '');
  const domain = (s: string | null) =>
    s
      ?.replace(/^.*@/, '')
      .replace(/^(?:https?:\/\/)?(?:www\.)?/, '')
      .replace(/\/.*$/, '')
      .toLowerCase() ?? null;
  const contacts = header.contacts.map((c) => c.contact);
  return boilerplates
    .map((b) => b.boilerplate)
    .filter((b) =>
      contacts.some(
        (c) =>
          (c.organization !== null && fold(c.organization) === fold(b.organization)) ||
          (b.website !== null && domain(c.email) === domain(b.website)),
      ),
    )
    .map((b) => b.organization);
}

/**
 * One entry per organization however the text writes it: the document pairs names with acronyms
 * ("NCLR (National Council of La Raza)", "Consejo Cívico …, COPINH,", "Centro … -CDI-"), and whichever
 * form it writes first is the one kept. An acronym defined after words in lower case ("per y
 * polifluoroalquilo (PFAS)") names a thing, not an organization.
 */
function withoutAliases(names: string[], text: string): string[] {
  if (names.length < 1) return names;
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const keep = new Set(names);
  // Find the acronyms first, then read the words just before each: one pass over the text.
  for (const m of text.matchAll(
    /\(\s*(\p{Lu}[\p{Lu}\d&]{1,9})\s*\)|,\s*(\p{Lu}[\p{Lu}\d&]{1,9})(?=[,;.\s])|\s[-–](\p{Lu}[\p{Lu}\d&]{1,9})[-–]/gu,
  )) {
    const short = (m[1] ?? m[2] ?? m[3]) as string;
    const before = (/[^()\n,;:]{2,120}$/.exec(text.slice(Math.max(0, (m.index ?? 0) - 120), m.index)) ?? [
      '',
    ])[0].trim();
    if (before === '') continue;
    if (!/\p{Lu}/u.test(before.split(/\s+/).at(-1) ?? '')) {
      // Only a definition in parentheses says so; ", SEIU International President …" starts a new clause.
      if (m[1]) keep.delete(short);
      continue;
    }
    const long = names.find((n) => n !== short && fold(before).endsWith(fold(n)));
    if (long && names.includes(short)) keep.delete(text.indexOf(short) < text.indexOf(long) ? long : short);
  }
  // "NCLR (National Council of La Raza)": the expansion in parentheses after an acronym.
  for (const m of text.matchAll(/\b(\p{Lu}[\p{Lu}\d&]{1,9})\s*\(([^()\n]{4,120})\)/gu)) {
    const long = names.find((n) => fold(n) === fold(m[2] as string));
    if (long && names.includes(m[1] as string)) keep.delete(long);
  }
  return names.filter((n) => keep.has(n));
}

/**
 * How sure the importer is of each field, from the evidence it had: a headline that clearly beat the other
 * header lines, a date stated in the header rather than found in a signature, issuers named in the lead
 * rather than guessed from quotes or boilerplates, quotation marks left without a speaker, and so on.
 */
function recognize(
  r: ImportedRelease,
  header: Header,
  blocks: Block[],
  endMark: number,
  hasDateline: boolean,
  p: ImportParams,
  evidence: {
    orgSource: 'direct' | 'quotes' | 'boilerplates' | 'none';
    dateSource: 'header' | 'other' | 'none';
    lists: number;
  },
): Recognition[] {
  const lineOf = (i: number | undefined) => (i === undefined ? null : (blocks[i]?.line ?? null));
  const leadIsProse = blocks[header.lead] ? isProse(blocks[header.lead] as Block, p) : false;
  const h = header.headlineEvidence;
  // A title closed by a full stop may as well be the lead's first sentence: that call is a guess, said as one.
  const sentenceTitle = r.headline !== null && /[.]$/.test(r.headline);
  const headline = !r.headline
    ? 0.5
    : sentenceTitle
      ? 0.6
      : h && h.score >= 5 && h.margin >= 2
        ? 0.9
        : h && h.margin >= 1
          ? 0.75
          : 0.6;
  // Quotation marks around a sentence in the body that no quote accounts for: a speaker may have been missed.
  const body = blocks.slice(header.lead, endMark >= 0 ? endMark : blocks.length).map((b) => b.text);
  const quoted = body.filter((t) => /[“"«][^”"»]{40,}[”"»]/.test(t)).length;
  const quotesSure = r.quotes.every((q) => q.speaker && q.role_or_org) && quoted <= r.quotes.length + 1;
  const rows: Omit<Recognition, 'unsure'>[] = [
    {
      field: 'headline',
      confidence: headline,
      line: lineOf(header.headline?.index),
      note: r.headline ? 'best-supported line of the header' : 'no line of the header reads as a title',
    },
    {
      field: 'date',
      confidence: evidence.dateSource === 'header' ? 0.95 : evidence.dateSource === 'other' ? 0.65 : 0.6,
      line: lineOf(header.date?.index),
      note: r.date
        ? evidence.dateSource === 'header'
          ? 'stated date'
          : 'date found after the lead'
        : 'no date stated',
    },
    {
      field: 'dateline_place',
      confidence: hasDateline ? 0.9 : 0.6,
      line: lineOf(header.lead),
      note: hasDateline ? 'dateline of the lead' : 'lead has no dateline',
    },
    {
      field: 'release_line',
      confidence: r.release_line ? 0.99 : 0.8,
      line: lineOf(header.releaseLine?.index),
      note: r.release_line ?? 'none',
    },
    {
      field: 'contacts',
      confidence: r.contacts.length === 0 ? 0.6 : r.contacts.every((c) => c.name && (c.email || c.phone)) ? 0.85 : 0.55,
      line: lineOf(header.contacts[0]?.index),
      note: `${r.contacts.length} found`,
    },
    {
      field: 'organizations',
      confidence: evidence.orgSource === 'direct' ? 0.8 : evidence.orgSource === 'none' ? 0.4 : 0.5,
      line: lineOf(header.lead),
      note: `${r.organizations.length} found${evidence.orgSource === 'direct' ? '' : ` (from the ${evidence.orgSource})`}`,
    },
    {
      field: 'quotes',
      confidence: quotesSure ? 0.85 : 0.6,
      line: null,
      note: `${r.quotes.length} attributed${quoted > r.quotes.length ? `, ${quoted} quoted passages` : ''}`,
    },
    {
      field: 'recommendations',
      confidence: r.recommendations.length === 0 && evidence.lists > 0 ? 0.65 : 0.85,
      line: null,
      note: `${r.recommendations.length} list items introduced as asks`,
    },
    {
      field: 'boilerplates',
      confidence: endMark >= 0 ? 0.85 : 0.7,
      line: null,
      note: `${r.boilerplates.length} found`,
    },
    {
      field: 'end_mark',
      confidence: 0.99,
      line: lineOf(endMark >= 0 ? endMark : undefined),
      note: r.end_mark ?? 'none',
    },
    {
      field: 'lead',
      confidence: leadIsProse ? 0.85 : 0.4,
      line: lineOf(header.lead),
      note: 'first paragraph of prose',
    },
  ];
  return rows.map((row) => ({ ...row, unsure: row.confidence < UNSURE_BELOW }));
}
