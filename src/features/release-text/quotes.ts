/**
 * Quotes and who said them. Recognized shapes (English and Spanish):
 *   “…,” said NAME, ROLE.        “…,” NAME said.       “…”, dijo NAME, ROLE.
 *   “… (several paragraphs) …”  followed by a line "– NAME, ROLE"
 *   NAME, ROLE, issued the following statement: / ha emitido la siguiente declaración:  “…
 *   ROLE NAME urged “…           (a quote inside a sentence)
 * A quote with no recognizable speaker is not reported: it would be a guess.
 */
import type { ImportedQuote } from './contract.js';
import { capitalizedRuns, isPersonName as looksLikeName } from './names.js';
import { type Block, plain } from './normalize.js';

// Verbs that introduce or close a quotation, in the tenses releases use: past ("said", "dijo"), present
// ("says", "reclama") and the narrative imperfect ("manifestaba"). Spanish forms are built from the stem.
const EN_VERBS =
  'said|says|added|adds|stated|states|explained|explains|noted|notes|urged|urges|warned|warns|declared|declares|commented|emphasized|emphasised|emphasizes|affirmed|asserted|remarked|continued|continues|concluded|argued|argues|observed|pointed out|points out|insisted|insists|stressed|stresses|told|wrote|writes|reflected|demanded|demands|reiterated|cautioned|highlighted|underscored|acknowledged|shared|announced|recalled';
const ES_AR = [
  'afirm',
  'señal',
  'declar',
  'expres',
  'indic',
  'explic',
  'manifest',
  'asegur',
  'coment',
  'subray',
  'destac',
  'enfatiz',
  'inst',
  'apunt',
  'precis',
  'recalc',
  'mencion',
  'reclam',
  'denunci',
  'agreg',
  'lament',
  'critic',
  'record',
  'reiter',
  'aclar',
  'puntualiz',
  'resalt',
  'alert',
  'exhort',
  'plante',
  'cuestion',
  'conden',
];
const ES_ER_IR = ['añad', 'exig', 'insist', 'escrib', 'respond'];
const spanishForms = (stem: string, ar: boolean) =>
  ar ? [`${stem}ó`, `${stem}a`, `${stem}aba`] : [`${stem}ió`, `${stem}e`, `${stem}ía`];
const ES_VERBS = [
  ...ES_AR.flatMap((stem) => spanishForms(stem, true)),
  ...ES_ER_IR.flatMap((stem) => spanishForms(stem, false)),
  ...['dijo', 'dice', 'decía', 'sostuvo', 'sostiene', 'advirtió', 'advierte', 'pidió', 'pide', 'concluyó', 'concluye'],
];
const VERBS = [...EN_VERBS.split('|'), ...ES_VERBS].sort((a, b) => b.length - a.length).join('|');
const OPEN = '“"«„';
const CLOSE = '”"»';

const AFTER_CLOSE = new RegExp(
  `[${CLOSE}]\\s*,?\\s*(?:(?:${VERBS})\\s+([^“”"«»]+)|([^“”"«»]{2,80}?)\\s+(?:${VERBS})\\b)`,
  'gu',
);
const VERB_COLON = new RegExp(`^(.+?)\\s+(?:${VERBS})\\s*:$`, 'u');
// "…, said:", "… señaló que “…": the verb just before an opening mark hands the quote to the words before it.
const VERB_BEFORE = new RegExp(
  `\\s+(?:${VERBS})(?:(?:\\s+(?:que|that))?\\s*[:,]?|\\s+(?:in|at|on|during|en|durante|a|to)\\s[^${OPEN}${CLOSE}:.;]{2,50}:)\\s*$`,
  'u',
);
/** "According to NAME, ROLE, “…" / "Según NAME, “…" / "Para NAME, de ORG: “…" (a person's name must follow). */
const ACCORDING = /(?:^|[.;!?]\s+)(?:according\s+to|seg[uú]n|para)\s+([^.;!?]+?)[,:]?\s*$/iu;
/** "Quote from NAME, ROLE:" / "Statement by NAME:" / "Declaración de NAME:" on the line above the quote. */
const QUOTE_LABEL =
  /^(?:quotes?|statement|remarks|cita|declaraci[oó]n|palabras)\s+(?:from|by|of|de|del)\s+(.+?)\s*:$/iu;
const STATEMENT_INTRO =
  /^(.+?),?\s+(?:ha\s+emitido|emiti[oó]|issued|released|made|gave|shared|ofreci[oó]|expres[oó])\s+(?:the\s+|la\s+|el\s+)?(?:following|siguiente)\b.*:$/iu;

/** Courtesy titles are not part of the name we match against the registry. */
const HONORIFIC = /^(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Srta|Lic|Licda|Ing|Rev|Fr|Msgr|Mons|Pbro|Hon|Prof)\.\s+/u;

/** Titles that come before a name ("Senator Bob Menendez"): a role, not part of the name. */
const TITLES =
  /^(?:senator|sen\.|representative|rep\.|congressman|congresswoman|congressmember|governor|gov\.|mayor|president|vice\s+president|secretary|ambassador|bishop|father|sister|reverend|rev\.|dr\.|judge|commissioner|minister|senador[a]?|diputad[oa]|gobernador[a]?|alcalde(?:sa)?|president[ea]|obispo|monseñor|padre|hermana|ministr[oa]|embajador[a]?|secretari[oa]|jueza?)$/i;

export interface FoundQuote {
  quote: ImportedQuote;
  /** Block index of the quote's first paragraph. */
  index: number;
  /** Block index where the attribution was read. */
  attributionIndex: number;
}

export function extractQuotes(blocks: Block[], from: number, to: number): FoundQuote[] {
  const found: FoundQuote[] = [];
  // Speakers named in full earlier, so a later "“…,” Chacón said." finds Óscar Chacón.
  const known: Known = new Map();
  const push = (f: FoundQuote) => {
    found.push(f);
    if (f.quote.speaker && !known.has(f.quote.speaker)) known.set(f.quote.speaker, f.quote.role_or_org);
  };
  for (let i = from; i < to; i++) {
    const block = blocks[i] as Block;
    if (block.listMarker) continue;
    const text = plain(block.text);
    if (new RegExp(`^[${OPEN}]`, 'u').test(text)) {
      const run = quoteRun(blocks, i, to);
      const combined = run.texts.join(' ');
      let who = attributionAfterClose(combined, known);
      let attributionIndex = run.end;
      const next = blocks[run.end + 1];
      // "– NAME, ROLE" on the line after the quote (a lone "- NAME" reads as a one-item list).
      const dashLine =
        next &&
        (/^[–—-]{1,2}\s*\S/.test(plain(next.text)) || (next.listMarker === '-' && !blocks[run.end + 2]?.listMarker));
      if (!who && next && dashLine) {
        who = splitSpeaker(plain(next.text).replace(/^[–—-]{1,2}\s*/, ''), 'line', known);
        attributionIndex = run.end + 1;
      }
      const previous = blocks[i - 1];
      if (!who && previous && i - 1 >= from) {
        // "…, NAME issued the following statement:" or "… NAME reclama:" closing the paragraph above.
        const previousText = plain(previous.text);
        const label = QUOTE_LABEL.exec(previousText);
        const labelled = label ? splitSpeaker(label[1] as string, 'line', known) : null;
        const intro = labelled ? null : (STATEMENT_INTRO.exec(previousText) ?? VERB_COLON.exec(previousText));
        if (labelled) {
          who = labelled;
          attributionIndex = i - 1;
        } else if (intro) {
          who = speakerBefore(intro[1] as string, known);
          attributionIndex = i - 1;
        }
      }
      if (who) {
        push({ quote: { ...who, text: quotedText(combined) }, index: i, attributionIndex });
        i = Math.max(i, attributionIndex);
      }
      continue;
    }
    const inline = inlineQuote(text, known);
    if (inline) push({ quote: inline, index: i, attributionIndex: i });
  }
  return found;
}

/** Paragraphs from an opening mark until one that closes it (nested “…” inside are allowed). */
function quoteRun(blocks: Block[], start: number, to: number): { texts: string[]; end: number } {
  const texts: string[] = [];
  let depth = 0;
  for (let j = start; j < Math.min(to, start + 8); j++) {
    const block = blocks[j] as Block;
    if (j > start && (block.listMarker || /^[–—-]{1,2}\s*\S/.test(block.text))) return { texts, end: j - 1 };
    const text = plain(block.text);
    texts.push(text);
    for (const ch of text) {
      if (ch === '“' || ch === '«' || ch === '„') depth++;
      else if (ch === '”' || ch === '»') depth--;
      else if (ch === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    }
    if (depth <= 0 || attributionAfterClose(text, new Map())) return { texts, end: j };
  }
  return { texts, end: start + texts.length - 1 };
}

type Known = Map<string, string | null>;

function attributionAfterClose(text: string, known: Known): Omit<ImportedQuote, 'text'> | null {
  // "“…” — Jane Doe, director of X": a dash after the closing mark, in the same paragraph.
  const dash = new RegExp(`[${CLOSE}]\\s*[—–]\\s*([^${OPEN}${CLOSE}]{4,120})$`, 'u').exec(text);
  if (dash) {
    const who = splitSpeaker(dash[1] as string, 'line', known);
    if (who) return who;
  }
  for (const m of text.matchAll(AFTER_CLOSE)) {
    const who =
      m[1] !== undefined
        ? splitSpeaker(m[1], 'sentence', known)
        : (m[2] as string).trim().split(/\s+/).length <= 12
          ? splitSpeaker((m[2] as string).trim(), 'sentence', known)
          : null;
    if (who) return who;
  }
  return null;
}

/** "Earlier this week, Senator Bob Menendez urged “all Democrats …" */
function inlineQuote(text: string, known: Known): ImportedQuote | null {
  // Look back from each opening mark for "… VERB" rather than scanning every position with one regex.
  for (const open of text.matchAll(new RegExp(`[${OPEN}]`, 'gu'))) {
    const start = open.index ?? 0;
    const before = text.slice(Math.max(0, start - 160), start);
    const verb = VERB_BEFORE.exec(before);
    const according = verb ? null : ACCORDING.exec(before);
    if (!verb && !according) continue;
    const who = speakerBefore(verb ? before.slice(0, verb.index) : (according?.[1] as string), known);
    if (who) return { ...who, text: quotedText(text.slice(start)) };
  }
  const after = new RegExp(`[${OPEN}]([^${CLOSE}]{20,})[${CLOSE}]\\s*,?\\s*(?:${VERBS})\\s+(.+)`, 'u').exec(text);
  if (after) {
    const who = splitSpeaker(after[2] as string, 'sentence', known);
    if (who) return { ...who, text: quotedText(text.slice(after.index)) };
  }
  return null;
}

/** The words inside the quote marks, several quoted stretches joined; the text itself if it never closes. */
export function quotedText(text: string): string {
  const parts = [...text.matchAll(/[“"«„]((?:[^“”"«»„]|[“«„][^“”"«»„]*[”»])+)(?:[”"»]|$)/gu)].map((m) =>
    (m[1] as string).trim(),
  );
  // "A,” said X. “B.” reads as "A. B.": the comma belonged to the attribution.
  const kept = parts.filter((p) => p.split(/\s+/).length >= 3);
  const joined = kept.map((p, i) => (i < kept.length - 1 ? p.replace(/,$/, '.') : p)).join(' ');
  return (joined || text.replace(/^[“"«„]/, '')).replace(/[,]$/, '').trim();
}

/**
 * Words that name a post ("directora", "President", "portavoz"): what tells a title before a name
 * ("SEIU International President Mary Kay Henry") or an appositive ("la Secretaria de Mujeres de CCOO, Elena
 * Blasco") from any other words there.
 */
const ROLE_WORDS = new Set(
  (
    'president presidenta presidente director directora directors executive ejecutivo ejecutiva coordinator ' +
    'coordinadora coordinador secretary secretaria secretario chair chairman chairwoman chairperson founder ' +
    'cofounder co-founder fundador fundadora ceo organizer organizadora organizador manager gerente attorney ' +
    'abogado abogada lawyer advocate spokesperson spokesman spokeswoman vocero vocera portavoz representative ' +
    'representante member miembro integrante head jefe jefa leader líder lideresa officer counsel analyst ' +
    'researcher investigador investigadora fellow campaigner activist activista senator senador senadora ' +
    'congressman congresswoman diputado diputada governor gobernador gobernadora mayor alcalde alcaldesa ' +
    'commissioner comisionada comisionado minister ministra ministro ambassador embajador embajadora bishop ' +
    'obispo pastor priest sacerdote sister hermana rector rectora dean decano decana professor profesor ' +
    'profesora editor associate asociado asociada general vicepresident vicepresidente vicepresidenta delegate ' +
    'delegado delegada superintendent responsable defensor defensora defensoría'
  ).split(' '),
);
export const isRoleWord = (word: string | undefined) =>
  word !== undefined && ROLE_WORDS.has(word.toLowerCase().replace(/[^\p{L}-]/gu, ''));
/** Role words that are also given names or surnames ("Dean Baker", "Ana Pastor"). */
const ALSO_NAMES = new Set(['dean', 'pastor', 'mayor', 'general', 'head', 'rector', 'sister', 'member', 'fellow']);

/** A person's name, and not a post written in capitals ("Executive Director", "Secretaria General"). */
function isPersonName(text: string): boolean {
  return (
    looksLikeName(text) &&
    !text.split(/\s+/).some((w) => isRoleWord(w) && !ALSO_NAMES.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')))
  );
}

/**
 * The speaker named just before the verb that introduces a quote, with the role written around the name:
 * "…, SEIU International President Mary Kay Henry issued …", "la Secretaria confederal de Mujeres de CCOO, Elena
 * Blasco Martín reclama:", "Jane Doe, director of X, said:", "La directora de Y, Z, dijo:".
 */
function speakerBefore(head: string, known: Known): Omit<ImportedQuote, 'text'> | null {
  // The clause closing the head: after its last sentence end or dash.
  const clause = head
    .replace(/[\s,]+$/, '')
    .replace(/^.*(?:[.;!?]\s|\s[—–]\s)/su, '')
    .trim();
  const run = capitalizedRuns(clause).at(-1);
  // "…, president of Voces Unidas": a name after "of"/"de" belongs to the role before it.
  const object =
    run !== undefined &&
    /\b(?:of|at|from|for|with|de|del|en|para)\s+(?:the\s+|la\s+|el\s+)?$/i.test(
      clause.slice(0, clause.length - run.length),
    );
  if (run && !object && clause.endsWith(run)) {
    const who = splitSpeaker(run, 'sentence', known);
    if (who?.role_or_org) return who;
    if (who) {
      // An appositive naming the post just before the name: "…, la directora de Y, NAME".
      const before = clause.slice(0, clause.length - run.length);
      const appositive = /(?:^|,)\s*([^,]+?),\s*$/u.exec(before)?.[1]?.replace(/^(?:the|el|la|los|las)\s+/i, '') ?? '';
      const lead = appositive.split(/\s+/).slice(0, 3);
      if (appositive && lead.some(isRoleWord) && appositive.split(/\s+/).length <= 15) {
        return { ...who, role_or_org: appositive.trim() };
      }
      return who;
    }
  }
  // "NAME, ROLE" closing the head: the last two or three comma-separated parts.
  const parts = clause.split(/,\s+/);
  for (const k of [2, 3]) {
    if (parts.length < k) break;
    const first = parts[parts.length - k] as string;
    const name = capitalizedRuns(first).at(-1);
    if (!name || !first.endsWith(name)) continue;
    const who = splitSpeaker([name, ...parts.slice(parts.length - k + 1)].join(', '), 'sentence', known);
    if (who) return who;
  }
  return null;
}

/** "NAME, ROLE", "NAME of ORG", "TITLE NAME", "ROLE NAME" → speaker and role; null if no person's name is there. */
export function splitSpeaker(
  raw: string,
  mode: 'sentence' | 'line',
  known: Known = new Map(),
): Omit<ImportedQuote, 'text'> | null {
  let s = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|el|la)\s+(?=\S+\.\s)/i, '')
    .replace(HONORIFIC, '');
  const end =
    /(?<![\s.](?:Dr|Mr|Mrs|Ms|Sr|Sra|Srta|Lic|Ing|Rev|St|Jr|Sen|Rep|Gov|Mons|Dra))(?<=[\p{Ll})\d])\.(?:\s|$)|[.:]$/u.exec(
      ` ${s}`,
    );
  if (end) s = s.slice(0, end.index - 1);
  s = s.replace(/^(.{0,40}?,\s)(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Lic|Ing)\.\s/u, '$1');
  if (mode === 'sentence') {
    s = s.replace(
      /,?\s+(?:who|which|that|where|while|when|during|at\s+a|in\s+a|que|quien|quienes|durante|en\s+una?|una?|an?|ha|han|has|have|had|during)\s.*$/iu,
      '',
    );
  }
  s = s.replace(/[\s,;]+$/, '').replace(/^(?:the|el|la)\s+/i, '');
  const comma = s.indexOf(', ');
  if (comma > 0) {
    // "el padre Alejandro Solalinde, fundador de …": a courtesy title before the name is neither name nor post.
    const titled = s.slice(0, comma).trim().split(' ');
    const name =
      titled.length >= 3 && TITLES.test(titled[0] as string) && isPersonName(titled.slice(1).join(' '))
        ? titled.slice(1).join(' ')
        : s.slice(0, comma).trim();
    // "Marta Sánchez, de la Mesa Nacional …": the organization without the preposition, as "NAME of ORG" gives it.
    const role = s
      .slice(comma + 2)
      .trim()
      .replace(/^(?:of|from|with|de|del)\s+(?:the\s+|la\s+|el\s+)?(?=\p{Lu})/u, '');
    if (isPersonName(name)) return { speaker: name, role_or_org: role || null };
    // "the director of Y, Jane Doe": the post first, then the name.
    const after = s.slice(comma + 2).trim();
    if (isPersonName(after) && isRoleWord(name.split(/\s+/)[0])) return { speaker: after, role_or_org: name };
  }
  const of = /^(.+?)\s+(?:of|from|with|at|de|del)\s+(?:the\s+|la\s+|el\s+)?(\p{Lu}.*)$/u.exec(s);
  if (of && isPersonName(of[1] as string))
    return { speaker: (of[1] as string).trim(), role_or_org: (of[2] as string).trim() };
  // "Bishop Mark Seitz of the Diocese of El Paso": the title before the name and the body after it are the post.
  const titledOf = of ? (of[1] as string).trim().split(' ') : [];
  if (of && titledOf.length >= 3 && TITLES.test(titledOf[0] as string) && isPersonName(titledOf.slice(1).join(' '))) {
    return {
      speaker: titledOf.slice(1).join(' '),
      role_or_org: `${titledOf[0]} ${s.slice((of[1] as string).length).trim()}`,
    };
  }
  const words = s.split(' ');
  if (TITLES.test(words[0] as string) && isPersonName(words.slice(1).join(' '))) {
    return { speaker: words.slice(1).join(' '), role_or_org: words[0] as string };
  }
  // The same speaker quoted again keeps the role given earlier.
  if (isPersonName(s)) return { speaker: s, role_or_org: known.get(s) ?? null };
  const surname = [...known.keys()].find((name) => /^\p{Lu}[\p{L}’'-]+$/u.test(s) && name.split(' ').at(-1) === s);
  if (surname) return { speaker: surname, role_or_org: known.get(surname) ?? null };
  // "ROLE NAME": of the ways to cut, the one whose role ends in a post ("… President Mary Kay Henry") wins.
  let cut: Omit<ImportedQuote, 'text'> | null = null;
  for (const size of [2, 3, 4]) {
    const name = words.slice(-size).join(' ');
    const role = words.slice(0, -size).join(' ');
    // A role cannot end on a joiner: "Bishop Mark Seitz of the Diocese of" + "El Paso" cut a place off a body.
    if (
      role === '' ||
      !isPersonName(name) ||
      !/^[\p{Lu}#]/u.test(role) ||
      /\s(?:of|for|the|and|de|del|la|las|los|el|y|en|para)$/i.test(role)
    )
      continue;
    if (TITLES.test(role) || isRoleWord(words.at(-size - 1))) return { speaker: name, role_or_org: role };
    if (size < 4) cut ??= { speaker: name, role_or_org: role };
  }
  return cut;
}
