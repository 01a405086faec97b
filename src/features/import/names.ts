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
  'corps',
  'advocates',
  'defenders',
  'defensores',
  'acción',
  'action',
];
const ORG_WORD = new Set(ORG_WORDS);

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
]);

const ARTICLES = new Set(['the', 'el', 'la', 'los', 'las']);
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
  'Hoy',
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
  if (/\(\p{Lu}{2,}\)/u.test(phrase)) return true;
  if (/^[\p{L}\d-]+\.(?:org|com|net|ngo|info)$/iu.test(phrase.trim())) return true;
  return words.some((w) => isAllCaps(w) && w.length >= 4 && !NOT_ACRONYMS.has(w));
}

/** "… Center", "… Commission (WRC)": the last word is an organization word, as in most English names. */
export function endsWithOrgWord(phrase: string): boolean {
  const last = stripAcronym(phrase).split(/\s+/).at(-1) ?? '';
  return ORG_WORD.has(bare(last).toLowerCase());
}

/** Every word is capitalized or a joiner, and it starts and ends with a capitalized word (acronym in parentheses allowed). */
export function isNamePhrase(phrase: string): boolean {
  const text = stripAcronym(phrase.trim());
  if (text === '' || text.length > 120) return false;
  const words = text.split(/\s+/);
  if (words.length > 14) return false;
  const first = words[0] as string;
  const last = words.at(-1) as string;
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
  for (const raw of tokens) {
    const word = raw.replace(/^[("“‘]+/, '').replace(/[,.;:!?"”’)]+$/, (m) => (/^[’]$/.test(m) ? m : ''));
    const endsClause = /[,.;:!?"”)]$/.test(raw) && !/\.(?:org|com|net)$/i.test(raw) && !/^(?:\p{Lu}\.)+$/u.test(raw);
    const startsClause = /^[("“‘]/.test(raw);
    if (startsClause) flush();
    if (word !== '' && (isCapitalized(word) || /^\(\p{Lu}+\)$/u.test(raw))) {
      if (run.length === 0 && NOT_NAMES.has(word)) {
        if (endsClause) flush();
        continue;
      }
      run.push(...pending, word);
      pending = [];
    } else if (run.length > 0 && isConnector(word) && !endsClause) {
      // "… Center and the Women's Refugee Commission": a conjunction then an article starts another name.
      const lower = word.toLowerCase();
      // "… Center and the Women's Refugee Commission", "… Water Council and Friends of …": two names.
      if (ARTICLES.has(lower) && pending.some((p) => CONJUNCTIONS.has(p.toLowerCase()))) flush();
      else if (CONJUNCTIONS.has(lower) && pending.length === 0 && ORG_WORD.has(bare(run.at(-1) ?? '').toLowerCase()))
        flush();
      else pending.push(word);
    } else {
      flush();
    }
    if (endsClause) flush();
  }
  flush();
  return runs;
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
