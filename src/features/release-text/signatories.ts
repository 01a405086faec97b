/**
 * Signatory blocks: the organizations that sign a letter or a communiqué, written after the body as one
 * name per line (bulleted, numbered or bare), grouped under headings ("En Tenerife:", "Signed:"), or run
 * together in one paragraph ("A, B, con las C, La D, E."). A block is judged on the weight of its
 * evidence, never on one layout: how many of its items read as names, how many carry an organization
 * word or share a head word with another item ("Casa Chile", "Casa Dominicana …" — the document teaches
 * us its own head words), a signing cue before it ("abajo firmantes", "the undersigned", "Convocan:").
 */
import { acronymOf, isOrgLike, isOrgWord, isPersonName, stripAcronym } from './names.js';
import { type Block, plain } from './normalize.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';

/** Words that announce who signs: in the lead ("las asociaciones abajo firmantes") or just above the block. */
const SIGNING_CUE =
  /\b(?:undersigned|signator(?:y|ies)|signed(?:\s+by)?|endorsed\s+by|endorsing|co-?signers?|firmantes|firman|suscriben|suscritas?|adhesiones|adherentes|convocan|convoca|organizan|organiza)\b/i;

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

/** Joiners and articles that may sit inside a name in lower case. */
const JOINER =
  /^(?:of|for|and|&|the|on|in|to|at|against|with|from|de|del|la|las|los|el|y|e|en|para|con|por|sobre|al|entre|que|a|sus|su)$/i;

/** "con las Asociaciones de …", "La Asociación de …", "and the X": the item without its run-in words. */
function itemName(raw: string): string {
  return (
    plain(raw)
      .replace(/^(?:(?:con|and|y|e|as\s+well\s+as|así\s+como|with)\s+)?(?:(?:the|la|el|los|las)\s+)?/i, '')
      .replace(/\s*[-–]\s*\p{Lu}{2,10}\s*[-–]\s*$/u, '')
      // "Unidos US and 16 other Latino Organizations", "CEJIL y otras 20 organizaciones": a count of the others
      // who joined, not part of the name.
      .replace(
        /\s+(?:(?:and|plus|\+)\s+\d+\s+other\b|(?:y|e|m[aá]s|\+)\s+(?:otr[ao]s\s+)?\d+\s+(?:otr[ao]s|organizaciones|grupos|colectivos)\b).*$/iu,
        '',
      )
      .replace(/[\s,.;]+$/, '')
      .trim()
  );
}

/**
 * "Interfaith Immigration Coalition Groups (IIC)": the acronym a list gives spells the name, so words after
 * the ones it spells ("Groups", "Partners", "Members") say who within it, not which organization.
 */
export function toAcronymEnd(name: string): string {
  const short = acronymOf(name);
  if (!short || !/^\p{Lu}{2,10}$/u.test(short)) return name;
  const ws = words(stripAcronym(name));
  const content = ws.map((w, k) => [w, k] as const).filter(([w]) => !JOINER.test(w));
  const initials = content.map(([w]) => w[0]?.toUpperCase() ?? '').join('');
  if (content.length <= short.length || !initials.startsWith(short)) return name;
  const last = (content[short.length - 1] as readonly [string, number])[1];
  return ws.slice(0, last + 1).join(' ');
}

/** A stop inside a text, except after an abbreviation or an initial ("St. Mary's", "U.S. Bishops", "Inc."). */
const SENTENCE_BREAK = /(?<!\b(?:St|Sr|Sra|Sta|Dr|Dra|Inc|Jr|Co|Mt|Ft|No|Av|Pbro|Mons|\p{Lu}))[.!?:]\s/u;

/**
 * An item reads as a name: capitalized first word, no sentence inside it, most of its words capitalized
 * (lower-case joiners and the odd common word allowed: "Centro para el desarrollo y la Integración …").
 */
function isNameItem(name: string, p: ImportParams): boolean {
  const ws = words(stripAcronym(name));
  if (ws.length === 0 || ws.length > p.orgItemMaxWords + 4) return false;
  if (!/^[“"«(]?[\p{Lu}\d]/u.test(ws[0] as string) || /^\d/.test(ws[0] as string)) return false;
  if (SENTENCE_BREAK.test(name) || /https?:|@/.test(name)) return false;
  const content = ws.filter((w) => !JOINER.test(w));
  const capital = content.filter((w) => /^[“"«(]?[\p{Lu}\d]/u.test(w)).length;
  return content.length > 0 && capital / content.length >= 0.5;
}

/**
 * "Amnesty International, Turkey", "CEDEHM – Chihuahua", "Red TDT (México)": joint letters sign with the
 * organization and where it is; the place is not part of the name.
 */
export function withoutPlace(name: string): string {
  const m = /^(.+?)(?:,\s+|\s+[–—-]\s+)(.+)$/u.exec(name);
  if (!m) return name;
  const [, org, rest] = m as unknown as [string, string, string];
  const place = words(rest).length <= 4 && !isOrgLike(rest) && words(org).length >= 1;
  return place ? org : name;
}

interface Candidate {
  names: string[];
  /** Block indices the block spans. */
  from: number;
  to: number;
}

/** A short line that heads a group of signatories: "En Tenerife:", "Desde Las Palmas de Gran Canaria:", "Signed:". */
const isHeading = (text: string) =>
  (/:$/.test(text) && words(text).length <= 7) ||
  // A letter's closing or signing word on its own line: "Signed,", "Sincerely,", "Atentamente,", "Firman".
  (/,$/.test(text) && words(text).length <= 2) ||
  (words(text).length <= 2 && SIGNING_CUE.test(text)) ||
  CLOSING.test(text);

/** A letter's closing line, after which come the signers: "FRATERNALMENTE", "Sincerely,", "En solidaridad". */
export const CLOSING =
  /^(?:atentamente|fraternalmente|solidariamente|cordialmente|respetuosamente|sinceramente|sincerely(?:\s+yours)?|respectfully(?:\s+yours)?|regards|in\s+solidarity|en\s+solidaridad|con\s+respeto)[,.!]?$/i;

/** A paragraph that is a comma-separated run of names, split into them; null when it is prose. */
function commaList(text: string, p: ImportParams): string[] | null {
  // "Endorsed by: A, B, C", "Organizaciones firmantes: A, B y C": a short label before the list is not a name.
  const parts = plain(text)
    .replace(/\.$/, '')
    .replace(/^[^:,]{2,90}:\s+(?=\p{Lu})/u, (label) => (words(label).length <= 10 ? '' : label))
    // "…, Sierra Club, among others" / "y otras organizaciones": the list's own ending, not a name.
    .replace(
      /,?\s+(?:(?:and|y)\s+)?(?:among\s+others|many\s+others|others|entre\s+otr[ao]s|otr[ao]s(?:\s+organizaciones)?|etc)\.?$/iu,
      '',
    )
    .split(/\s*[,;]\s+/);
  if (parts.length < 3) return null;
  const names = parts.map(itemName);
  // A list, not prose: every piece is a name.
  if (!names.every((n) => isNameItem(n, p) && words(n).length <= p.orgItemMaxWords + 4)) return null;
  // "…en Gran Canaria, Lanzarote y Fuerteventura": a piece with no organization word after a name that has
  // one is the rest of that name, when the other pieces start with organization words.
  const heads = names.filter((n) => isOrgWord(words(n)[0] ?? '')).length;
  if (heads < names.length / 2) return names;
  const out: string[] = [];
  for (const n of names) {
    if (out.length > 0 && !isOrgLike(n) && !isOrgWord(words(n)[0] ?? '')) out[out.length - 1] += `, ${n}`;
    else out.push(n);
  }
  return out;
}

/** Runs of name lines (with group headings and comma paragraphs) after the lead. */
function candidates(blocks: Block[], from: number, p: ImportParams): Candidate[] {
  const out: Candidate[] = [];
  let run: Candidate | null = null;
  const close = () => {
    if (run && run.names.length > 0) out.push(run);
    run = null;
  };
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const text = plain(block.text);
    const name = itemName(text);
    const line = words(text).length <= p.orgItemMaxWords + 4 && !/[.!?]$/.test(text.replace(/\b\p{Lu}\.$/u, ''));
    let names: string[] | null = null;
    // The unmarked line just above a numbered or bulleted list is the list's heading, not its first item.
    if (!block.listMarker && blocks[i + 1]?.listMarker && !run) continue;
    if ((line || block.listMarker) && isNameItem(name, p) && !isHeading(text))
      names = [withoutPlace(toAcronymEnd(name))];
    else if (!block.listMarker && !isHeading(text)) names = commaList(text, p);
    if (names) {
      run ??= { names: [], from: i, to: i };
      run.names.push(...names);
      run.to = i;
    } else if (isHeading(text) && !block.listMarker) {
      // A heading opens or continues a block; two headings in a row are a form, not signatories.
      if (run && run.to < i - 1) close();
      run ??= { names: [], from: i, to: i };
      run.to = i;
    } else close();
  }
  close();
  return out;
}

/** Head words this document uses for its own organizations: a first word that opens two or more items. */
function sharedHeads(names: string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const n of names) {
    const w = (words(n)[0] ?? '').toLowerCase();
    if (w.length >= 3) seen.set(w, (seen.get(w) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, c]) => c >= 2).map(([w]) => w));
}

/**
 * The organizations that sign, from every block whose evidence is strong enough; people among them
 * ("Jane Doe, lawyer") are left out, as the contract lists organizations.
 */
export function signatoryOrganizations(
  blocks: Block[],
  lead: number,
  leadText: string,
  p: ImportParams = DEFAULT_PARAMS,
): string[] {
  const found: string[] = [];
  // Words this document also writes in lower case are common nouns ("workers", "united"): a name made of
  // them ("Domestic Workers United") is an organization's, not a person's ("Jane Doe" never appears lower-case).
  const lowerCase = new Set(
    blocks.flatMap((b) => plain(b.text).match(/(?<![\p{L}’'-])\p{Ll}{3,}(?![\p{L}’'-])/gu) ?? []),
  );
  const common = (n: string) => words(n).some((w) => lowerCase.has(w.toLowerCase()));
  for (const c of candidates(blocks, lead + 1, p)) {
    const heads = sharedHeads(c.names);
    const names = c.names.filter(
      (n) =>
        (!isPersonName(n) || heads.has((words(n)[0] ?? '').toLowerCase()) || common(n)) &&
        // "Human Rights First Urges Senators to …" under "Human Rights First": a title about a listed
        // organization, which goes on for a clause after its name.
        !c.names.some((m) => m !== n && n.startsWith(`${m} `) && words(n).length - words(m).length >= 4),
    );
    const closing = blocks.slice(Math.max(lead, c.from - 2), c.from + 1).some((b) => CLOSING.test(plain(b.text)));
    // One signer is enough after a closing ("Atentamente," then the organization that signs).
    if (names.length < (closing ? 1 : 2)) continue;
    const orgish = names.filter((n) => isOrgLike(n) || heads.has((words(n)[0] ?? '').toLowerCase())).length;
    const above = blocks
      .slice(Math.max(lead, c.from - 2), c.from + 1)
      .map((b) => plain(b.text))
      .join(' ');
    let score = 0;
    if (orgish >= names.length * p.orgListShare) score += 2;
    else if (orgish >= names.length / 3) score += 1;
    if (SIGNING_CUE.test(above)) score += 2;
    else if (SIGNING_CUE.test(leadText)) score += 1;
    if (names.length >= 3) score += 1;
    // A long run of organization names is signers or conveners wherever it stands.
    if (names.length >= p.longListItems) score += 1;
    if (c.to >= blocks.length - 2) score += 1;
    // Every item carries an organization word: a block of organizations, however short.
    if (orgish === names.length && names.every(isOrgLike)) score += 1;
    // A closing just above ("Sincerely,", "FRATERNALMENTE"): who follows signs.
    if (closing) score += 2;
    if (score >= p.signatoryMinScore) found.push(...names);
  }
  return found;
}

/** A heading that says the next block names who convenes or signs: "Convocan:", "Organizan:", "Hosted by:". */
const CONVENING_HEADING =
  /^(?:convocan|convoca|organizan|organiza|firman|suscriben|signed(?:\s+by)?|hosted\s+by|sponsored\s+by|organized\s+by|endorsed\s+by)\s*:?$/i;

/**
 * Issuers named where the text says who signs or convenes, outside the lead: the sentence before the body
 * that introduces the signers ("Las asociaciones abajo firmantes, que conformamos la Coordinadora …", "We,
 * the undersigned …"), and the block under a convening heading ("Convocan:" then "A y B"), whose names may
 * hold lower-case words ("Caravana de Madres … que buscan a sus hijos"), so it is split only at "y"/"and"
 * and commas before a capital.
 */
export function signingParagraphOrganizations(
  blocks: Block[],
  lead: number,
  named: (text: string) => string[],
  p: ImportParams = DEFAULT_PARAMS,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const text = plain((blocks[i] as Block).text);
    if (i < lead && SIGNING_CUE.test(text) && words(text).length >= 6) out.push(...named(text));
    const next = blocks[i + 1];
    if (!CONVENING_HEADING.test(text) || !next || next.listMarker) continue;
    const items = plain(next.text)
      .replace(/\.$/, '')
      .split(/,\s+(?=\p{Lu})|\s+(?:y|and|e)\s+(?=\p{Lu})/u)
      .map(itemName);
    if (items.length <= 4 && items.every((n) => /^\p{Lu}/u.test(n) && words(n).length <= p.orgItemMaxWords + 8))
      out.push(...items);
  }
  return out;
}
