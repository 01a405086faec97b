/**
 * A title hard-wrapped over two lines of the header, with no blank line between: when the second line goes on
 * with the first rather than being a deck under it.
 */
import { findDate } from './dates.js';
import { CHROME, titleCased } from './headline-score.js';
import { type Block, wordCount } from './normalize.js';
import type { ImportParams } from './params.js';

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

/** The header's candidate title lines, as `joinMidPhraseWraps` leaves them. */
export interface TitleLines {
  /** Block index of each entry's first line. */
  usable: number[];
  /** Each entry's text. */
  texts: string[];
  /** How many lines of the text each entry spans. */
  lines: number[];
}

/**
 * A title hard-wrapped mid-phrase ("…DENUNCIAN DESALOJO VIOLENTO" / "DE COMUNIDAD …") is read as one line
 * before anything is weighed, so its first half is not taken for a letterhead nor its second for the title.
 */
export function joinMidPhraseWraps(blocks: Block[], usable: number[], texts: string[], p: ImportParams): TitleLines {
  const joined: TitleLines = { usable: [...usable], texts: [...texts], lines: usable.map(() => 1) };
  for (let n = joined.usable.length - 2; n >= 0; n--) {
    const [a, b] = [joined.texts[n] as string, joined.texts[n + 1] as string];
    const second = blocks[joined.usable[n + 1] as number] as Block;
    if (
      joined.usable[n + 1] === (joined.usable[n] as number) + 1 &&
      second.blankBefore === 0 &&
      !second.listMarker &&
      !/[.!?:;,|]$/.test(a) &&
      sameCase(a, b) &&
      (WRAP_JOINER.test(b.split(/\s+/)[0] ?? '') || WRAP_JOINER.test(a.split(/\s+/).at(-1) ?? '')) &&
      wordCount(`${a} ${b}`) <= p.headlineMaxWords &&
      !CHROME.test(b) &&
      findDate(b) === null
    ) {
      joined.texts.splice(n, 2, `${a} ${b}`);
      joined.usable.splice(n + 1, 1);
      joined.lines.splice(n, 2, (joined.lines[n] as number) + (joined.lines[n + 1] as number));
    }
  }
  return joined;
}

/**
 * The chosen title goes on in the next line (the caller checks the lines touch): the same casing, the first line
 * not finished by punctuation, and a break where a wrap would put it (a joining word, the width) or, in a
 * sentence-case title, a next line that starts in lower case (see `sameCase`).
 */
export function continuesTitle(title: string, next: string, p: ImportParams): boolean {
  return (
    !/[.!?:;,]$/.test(title) &&
    sameCase(title, next) &&
    (/^\p{Ll}/u.test(next) ||
      WRAP_JOINER.test(title.split(/\s+/).at(-1) ?? '') ||
      WRAP_JOINER.test(next.split(/\s+/)[0] ?? '') ||
      fitsHardWrap(title, next)) &&
    next.toLowerCase() !== title.toLowerCase() &&
    !CHROME.test(next) &&
    findDate(next) === null &&
    wordCount(`${title} ${next}`) <= p.headlineMaxWords
  );
}
