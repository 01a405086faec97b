/**
 * Words that make a capitalized phrase an organization's name, in English and Spanish, and the small
 * helpers that find such phrases. General to the genre (civil-society releases), never to one document.
 */

const ORG_WORDS = [
  'association',
  'asociación',
  'asociacion',
  'center',
  'centre',
  'centro',
  'coalition',
  'coalición',
  'committee',
  'comité',
  'commission',
  'comisión',
  'conference',
  'council',
  'consejo',
  'alliance',
  'alianza',
  'network',
  'red',
  'initiative',
  'iniciativa',
  'project',
  'proyecto',
  'campaign',
  'campaña',
  'foundation',
  'fundación',
  'institute',
  'instituto',
  'fund',
  'fondo',
  'forum',
  'foro',
  'group',
  'grupo',
  'platform',
  'plataforma',
  'union',
  'unión',
  'league',
  'liga',
  'organization',
  'organisation',
  'organización',
  'federation',
  'federación',
  'service',
  'services',
  'servicio',
  'servicios',
  'church',
  'iglesia',
  'hub',
  'movement',
  'movimiento',
  'collective',
  'colectivo',
  'partnership',
  'caucus',
  'agency',
  'university',
  'universidad',
  'faculty',
  'facultad',
  'clinic',
  'clínica',
  'pastoral',
  'diocese',
  'diócesis',
  'lawyers',
  'abogados',
  'watch',
  'international',
  'internacional',
  'trust',
  'society',
  'cooperative',
  'cooperativa',
  'mesa',
  'frente',
  'consortium',
  'consorcio',
  'observatory',
  'observatorio',
  'friends',
  'amigos',
  'program',
  'programa',
  'fellowship',
  'club',
  'corps',
  'advocates',
  'defenders',
  'defensores',
  'acción',
  'action',
];
const ORG_WORD = new Set(ORG_WORDS);
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const FOLDED_ORG_WORD = new Set(ORG_WORDS.map(fold));

/** An organization word, in either language, singular or plural, with or without accents ("Asociaciones"). */
export function isOrgWord(word: string): boolean {
  const w = fold(bare(word));
  return FOLDED_ORG_WORD.has(w) || FOLDED_ORG_WORD.has(w.replace(/e?s$/, ''));
}
/** Organization words that head a name ("Center …", "… Commission"); adjectives like "International" do not. */
const HEAD_WORD = new Set(
  ORG_WORDS.filter(
    (w) =>
      ![
        'international',
        'internacional',
        'friends',
        'amigos',
        'acción',
        'action',
        'watch',
        'advocates',
        'defenders',
        'defensores',
        'services',
        'servicios',
      ].includes(w),
  ),
);

/** Joiners inside a name ("Center for Justice and International Law", "Red de Liderazgo de Chicago"). */
const CONNECTORS = new Set([
  'of',
  'for',
  'and',
  '&',
  'the',
  'on',
  'in',
  'to',
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'y',
  'e',
  'en',
  'para',
  'con',
  'por',
  'sobre',
  'at',
  'against',
  'with',
  'from',
  'al',
  'entre',
  'across',
]);

const CONJUNCTIONS = new Set(['and', 'y', 'e', '&']);

/** Capitalized words that start sentences or name places and times, never organizations by themselves. */
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'As',
  'At',
  'By',
  'For',
  'With',
  'This',
  'That',
  'These',
  'Those',
  'We',
  'Our',
  'It',
  'El',
  'La',
  'Los',
  'Las',
  'Un',
  'Una',
  'En',
  'Con',
  'Por',
  'Para',
  'Desde',
  'Ante',
  'Este',
  'Esta',
  'Estos',
  'Nosotros',
  'Today',
  'Yesterday',
  'Tomorrow',
  'Hoy',
  'Ayer',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'Meanwhile',
  'However',
  'Additionally',
  'Además',
  'And',
  'Y',
  'But',
  'Pero',
  'If',
  'Si',
  'When',
  'Cuando',
]);

/** All-caps words that are not organizations. */
const NOT_ACRONYMS = new Set([
  'COVID',
  'DACA',
  'USA',
  'TPS',
  'HIV',
  'AIDS',
  'NOTE',
  'NOTA',
  'WHO',
  'WHEN',
  'WHERE',
  'WHAT',
]);

export const isCapitalized = (word: string): boolean => /^[#@]?[\p{Lu}\d][\p{L}\p{N}’'.&-]*$/u.test(word);
export const isAllCaps = (word: string): boolean => /^\p{Lu}[\p{Lu}\d&-]{2,}$/u.test(word);
const isConnector = (word: string): boolean => CONNECTORS.has(word.toLowerCase());
const bare = (word: string): string => word.replace(/^[("“'‘]+|[)"”'’,.;:!?]+$/g, '');

/** A phrase looks like an organization: a keyword, an acronym, a domain ("Presente.org"). */
export function isOrgLike(phrase: string): boolean {
  const words = phrase.split(/\s+/).map(bare);
  if (words.some((w) => ORG_WORD.has(w.toLowerCase()))) return true;
  // A capitalized plural inside a name ("Coordinadora de Asociaciones …", "Federation of Unions"); a plural
  // that opens the phrase is a sentence's subject ("Groups Challenge …", "Organizaciones sociales rechazamos").
  if (words.slice(1).some((w) => /^\p{Lu}/u.test(w) && isOrgWord(w))) return true;
  if (/\(\p{Lu}{2,}\)/u.test(phrase)) return true;
  if (/^[\p{L}\d-]+\.(?:org|com|net|ngo|info)$/iu.test(phrase.trim())) return true;
  // Acronyms are short ("CIVICUS", "COFADEH"); a long word in capitals is a shouted word ("IMMIGRATION").
  return words.some((w) => isAllCaps(w) && w.length >= 4 && w.length <= 8 && !NOT_ACRONYMS.has(w));
}

/** "… Center", "… Commission (WRC)": the last word is an organization word, as in most English names. */
export function endsWithOrgWord(phrase: string): boolean {
  const last = stripAcronym(phrase).split(/\s+/).at(-1) ?? '';
  return HEAD_WORD.has(bare(last).toLowerCase());
}

export function startsWithOrgWord(phrase: string): boolean {
  return HEAD_WORD.has(bare(phrase.split(/\s+/)[0] ?? '').toLowerCase());
}

/** Every word is capitalized or a joiner, and it starts and ends with a capitalized word (acronym in parentheses allowed). */
export function isNamePhrase(phrase: string): boolean {
  const text = stripAcronym(phrase.trim());
  if (text === '' || text.length > 120) return false;
  const words = text.split(/\s+/);
  if (words.length > 14) return false;
  const first = words[0] as string;
  const last = words.at(-1) as string;
  if (words.length === 1 && NOT_NAMES.has(bare(first))) return false;
  if (!isCapitalized(first) && first.toLowerCase() !== 'the') return false;
  if (!isCapitalized(last)) return false;
  return words.every((w) => isCapitalized(w) || isConnector(w));
}

/** "Center for Justice and International Law (CEJIL)" → "Center for Justice and International Law"; also "Foro … FONGI". */
export function stripAcronym(name: string): string {
  let text = name.replace(/\s*\(\s*[\p{Lu}\p{Ll}\d&.-]{2,12}\s*\)?\s*$/u, '').replace(/\s+[\p{Lu}]{2,10}\)\s*$/u, '');
  const words = text.split(/\s+/);
  const last = words.at(-1) ?? '';
  if (words.length > 2 && isAllCaps(last) && !words.slice(0, -1).every(isAllCaps) && !NOT_ACRONYMS.has(last)) {
    text = words.slice(0, -1).join(' ');
  }
  return text.trim();
}

/** The acronym given in parentheses after a name, if any. */
export function acronymOf(name: string): string | null {
  return /\(\s*([\p{Lu}][\p{Lu}\p{Ll}\d&.-]{1,11})\s*\)/u.exec(name)?.[1] ?? null;
}

/** An organization's name as a list entry: without a leading "the"/"la", the acronym, or trailing punctuation. */
export function cleanOrgName(name: string): string {
  return stripAcronym(name.replace(/^(?:the|el|la|los|las)\s+/i, '').replace(/[\s,.;:]+$/, ''))
    .replace(/[\s,.;:]+$/, '')
    .trim();
}

/**
 * Maximal runs of capitalized words (with joiners inside) in a sentence, e.g. organization names.
 * Joiners are kept only between capitalized words, so "Campaign for asylum rights" yields "Campaign".
 */
export function capitalizedRuns(text: string): string[] {
  const tokens = text.split(/\s+/);
  const runs: string[] = [];
  let run: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run.join(' '));
    run = [];
    pending = [];
  };
  const clean = (raw: string) => raw.replace(/^[("“‘]+/, '').replace(/[,.;:!?"”)]+$/, '');
  tokens.forEach((raw, k) => {
    const word = clean(raw);
    const endsClause = /[,.;:!?"”)]$/.test(raw) && !/\.(?:org|com|net)$/i.test(raw) && !/^(?:\p{Lu}\.)+$/u.test(raw);
    if (/^[("“‘]/.test(raw)) flush();
    if (word !== '' && (isCapitalized(word) || /^\(\p{Lu}+\)$/u.test(raw))) {
      if (run.length === 0 && NOT_NAMES.has(word)) {
        if (endsClause) flush();
        return;
      }
      run.push(...pending, word);
      pending = [];
    } else if (run.length > 0 && isConnector(word) && !endsClause) {
      if (startsAnotherName(run, pending, word, tokens, k)) flush();
      else pending.push(word);
    } else {
      flush();
    }
    if (endsClause) flush();
  });
  flush();
  return runs;
}

/**
 * "… Justice Center and the Women's Refugee Commission" (English: the name so far ends with an organization
 * word) and "… Red Solidaria y la Asociación Tierra Viva" (Spanish: the next name starts with one) are two
 * names; "Centro por la Justicia y el Derecho Internacional" is one.
 */
function startsAnotherName(run: string[], pending: string[], word: string, tokens: string[], k: number): boolean {
  const joiners = [...pending, word].map((w) => w.toLowerCase());
  if (!joiners.some((w) => CONJUNCTIONS.has(w))) return false;
  let n = k + 1;
  while (n < tokens.length && isConnector(tokens[n] as string)) n++;
  const next = bare(tokens[n] ?? '').toLowerCase();
  const endsWithOrg = HEAD_WORD.has(bare(run.at(-1) ?? '').toLowerCase());
  return endsWithOrg || (HEAD_WORD.has(next) && HEAD_WORD.has(bare(run[0] ?? '').toLowerCase()));
}

/** A person's name: two to four capitalized words, particles allowed ("María de la Cruz"). */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (isOrgLike(text)) return false;
  const capitalized = words.filter((w) => /^\p{Lu}[\p{L}’'.-]*\p{Ll}[\p{L}’'.-]*$/u.test(w) || /^\p{Lu}\.$/u.test(w));
  const particles = words.filter((w) => /^(?:de|del|la|las|los|van|von|da|dos|y|e|di)$/.test(w));
  return capitalized.length >= 2 && capitalized.length + particles.length === words.length;
}

/**
 * Public authorities, national and international: the addressees and targets of civil-society releases ("the U.S. Forest Service",
 * "la Asamblea Legislativa"), almost never their issuers, so a name in the lead's prose that reads as one
 * is not taken as an issuer. Signatory lists are not filtered: there the list itself is the evidence.
 */
const GOVERNMENT =
  /\b(?:Department|Dept\.|Ministry|Ministerio|Secretar[ií]a\s+de\s+(?:Estado|Gobernaci[oó]n|Relaciones)|Administration|Congress|Senate|Environmental\s+Protection\s+Agency|Agencia\s+de\s+Protecci[oó]n\s+Ambiental|(?:City|Town|County)\s+Council|Board\s+of\s+Supervisors|Legislature|Legislatura|Ayuntamiento|Alcald[ií]a|Municipalidad|Concejo\s+Municipal|Senado|Parliament|Parlamento|Asamblea\s+Legislativa|Congreso|Court|Corte|Suprema|Government|Gobierno|Police|Polic[ií]a|Embassy|Embajada|Army|Ej[eé]rcito|Forest\s+Service|Park\s+Service|Border\s+Patrol|Customs|Fiscal[ií]a|Procuradur[ií]a|White\s+House|Casa\s+Blanca|Bureau|Guardia\s+Nacional|National\s+Guard|United\s+Nations|Naciones\s+Unidas|ONU|OEA|OAS|Inter-?American\s+Commission|Comisi[oó]n\s+Interamericana|CIDH|IACHR|High\s+Commissioner|Alto\s+Comisionado|Human\s+Rights\s+Council|Consejo\s+de\s+Derechos\s+Humanos|European\s+Union|Uni[oó]n\s+Europea|World\s+Bank|Banco\s+Mundial)\b/u;

export function isGovernmentBody(name: string): boolean {
  return GOVERNMENT.test(name);
}
