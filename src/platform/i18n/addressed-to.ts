/**
 * "to the Government of Guatemala" / "al Gobierno de Guatemala": addressees named after a preposition.
 * Addressee names are stored bare ("Gobierno de Guatemala"), so the article comes from here: Spanish
 * fuses "a" + "el" into "al", and the article comes from the institution noun the name starts with
 * (`aName()` in spanish-names.ts, the one place that knows them). People and acronyms take no article; a
 * name shown in another language (no translation yet) takes none either.
 */
import { aName } from './spanish-names.js';

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

/** "al Gobierno de Guatemala y a la Vicepresidencia de los Estados Unidos". */
export function addressedToEs(addressees: AddresseeName[]): string {
  const phrases = addressees.map((a) => (bare(a, /^(el|la|los|las)$/i) ? `a ${a.text}` : aName(a.text)));
  return listEs.format(phrases);
}
