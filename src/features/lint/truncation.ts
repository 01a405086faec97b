/**
 * A text that stops mid-sentence was cut (copied from a page that kept only its opening, or pasted in
 * part): what "is missing" after the cut — a website, an "About" paragraph, a contact's e-mail — may be in
 * the part that was lost, so the rules that report absences say nothing about it.
 */
import type { Extraction } from '../release-text/index.js';
import { isNamePhrase, plain } from '../release-text/index.js';

/** Sentence-final punctuation, optionally closed by quotes, brackets or Markdown emphasis. */
const ENDS_A_SENTENCE = /[.!?…:;]['"”’»)\]*_]*$/u;
/** A paragraph that ends with its web address or e-mail ("… visit www.afsc.org") ends complete. */
const ENDS_WITH_ADDRESS = /(?:[\p{L}\d-]+\.)+\p{L}{2,}\/?['"”’»)\]*_]*$/u;
/** A short line ("Signatories", "Canada") or a list item has no sentence to finish. */
const MIN_WORDS = 6;

/** The index of the last block when the text stops in the middle of it, else null. */
export function cutBlock(x: Extraction): number | null {
  const index = x.blocks.length - 1;
  const last = x.blocks[index];
  if (!last || last.listMarker !== null) return null;
  const text = plain(last.text).trim();
  if (text.split(/\s+/).length < MIN_WORDS) return null;
  // A closing signature ("Secretaría de Migraciones de Comisiones Obreras") is a name, not a sentence.
  if (isNamePhrase(text)) return null;
  return ENDS_A_SENTENCE.test(text) || ENDS_WITH_ADDRESS.test(text) ? null : index;
}
