/**
 * "to the Government of Guatemala" / "al Gobierno de Guatemala": addressees named after a preposition.
 * Addressee names are stored bare ("Gobierno de Guatemala"), so the article comes from here: Spanish
 * fuses "a" + "el" into "al" and the article follows the first noun's gender and number, which we
 * read from its ending (with the exceptions an addressee's name is likely to start with). People and
 * acronyms take no article; a name shown in another language (no translation yet) takes none either.
 */

export interface AddresseeName {
  /** The name as shown. */
  text: string;
  /** The addressee's kind (`person` takes no article). */
  kind: string;
  /** False when the name is shown in another language than the page's. */
  inPageLanguage: boolean;
}

const listEn = new Intl.ListFormat('en', { type: 'conjunction' });
const listEs = new Intl.ListFormat('es', { type: 'conjunction' });

function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** Names that bring their own article or need none: people, acronyms, names starting with an article. */
function bare(a: AddresseeName, articles: RegExp): boolean {
  const word = firstWord(a.text);
  return a.kind === 'person' || !a.inPageLanguage || articles.test(word) || /^[\p{Lu}\d.&-]{2,}$/u.test(word);
}

/** "to the Government of Guatemala and the Vice President of the United States". */
export function addressedToEn(addressees: AddresseeName[]): string {
  const phrases = addressees.map((a) =>
    bare(a, /^the$/i) || /['’]s$/.test(firstWord(a.text)) ? a.text : `the ${a.text}`,
  );
  return `to ${listEn.format(phrases)}`;
}

// Nouns ending like feminine ones that are masculine, and the other way round.
const MASCULINE = new Set(['sistema', 'programa', 'problema', 'tema', 'día', 'mapa', 'clima', 'planeta', 'poeta']);
const FEMININE = new Set(['corte', 'sede', 'gente', 'fuente', 'parte', 'clase', 'red', 'ley', 'mujer', 'cárcel']);

function feminine(singular: string): boolean {
  const w = singular.toLowerCase();
  if (MASCULINE.has(w)) return false;
  if (FEMININE.has(w)) return true;
  return /(a|ión|ion|dad|tad|tud|umbre|triz|sis)$/.test(w);
}

/** The Spanish article for a name, from its first word: "el", "la", "los" or "las". */
export function spanishArticle(name: string): 'el' | 'la' | 'los' | 'las' {
  const word = firstWord(name).replace(/[,;:]$/, '');
  const lower = word.toLowerCase();
  // Plurals: "Estados Unidos", "Naciones Unidas", "Autoridades de…"; a singular ending in -s is rare here.
  if (/[^aeiouáéíóú]es$/.test(lower) && !/(is|us)$/.test(lower)) return feminine(lower.slice(0, -2)) ? 'las' : 'los';
  if (/[aeiouáéíóú]s$/.test(lower) && !/(is|us)$/.test(lower)) return feminine(lower.slice(0, -1)) ? 'las' : 'los';
  return feminine(lower) ? 'la' : 'el';
}

/** "al Gobierno de Guatemala y a la Vicepresidencia de los Estados Unidos". */
export function addressedToEs(addressees: AddresseeName[]): string {
  const phrases = addressees.map((a) => {
    if (bare(a, /^(el|la|los|las)$/i)) return `a ${a.text}`;
    const article = spanishArticle(a.text);
    return article === 'el' ? `al ${a.text}` : `a ${article} ${a.text}`;
  });
  return listEs.format(phrases);
}
