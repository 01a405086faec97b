/**
 * The release line: "FOR IMMEDIATE RELEASE" (and its Spanish forms), or an embargo ("EMBARGOED UNTIL …",
 * "EMBARGADO HASTA …", "Report under embargo until …").
 */
import { wordCount } from './normalize.js';

const RELEASE_LINE =
  /^(?:for\s+immediate\s+release|immediate\s+release|para\s+(?:su\s+)?(?:difusi[oó]n|publicaci[oó]n|distribuci[oó]n)\s+inmediata|publicaci[oó]n\s+inmediata|difusi[oó]n\s+inmediata)\b\s*[:.–—-]?\s*(.*)$/i;
const EMBARGO = /^(?:embargoed|embargo|embargad[oa])\b\s*(?:until|till|hasta)?\s*[:.–—-]?\s*(.+)$/i;
const EMBARGO_INSIDE = /\b(?:under\s+embargo|embargoed|bajo\s+embargo|embargad[oa])\s+(?:until|till|hasta)\b/i;

export interface ReleaseLine {
  /** As the release prints it: `FOR IMMEDIATE RELEASE`, `EMBARGOED UNTIL …`, `BAJO EMBARGO HASTA …`, or the line. */
  value: string;
  /** "For immediate release": the date after its label, if any, is the release's. An embargo's is when it lifts. */
  immediate: boolean;
  /** The line after its label (empty for an embargo stated inside a line). */
  rest: string;
}

/** The line as a release line, or null when it is none. */
export function readReleaseLine(text: string): ReleaseLine | null {
  const release = RELEASE_LINE.exec(text);
  const embargo = release ? null : EMBARGO.exec(text);
  // "Report under embargo until March 22, 2006, 0h01GMT.": the embargo stated inside a short line is the line.
  const embargoInside = release || embargo || wordCount(text) > 16 ? null : EMBARGO_INSIDE.exec(text);
  if (!release && !embargo && !embargoInside) return null;
  const rest = ((release ?? embargo)?.[1] ?? '').trim();
  // An embargo keeps the line's own language: its date is written in it ("EL 3 DE MARZO"), so an English
  // label before it would read as neither language. The Spanish label is the one the app prints.
  const spanish = /\b(?:hasta|embargad[oa])\b/i.test(text);
  const value = release
    ? 'FOR IMMEDIATE RELEASE'
    : embargo
      ? `${spanish ? 'BAJO EMBARGO HASTA' : 'EMBARGOED UNTIL'} ${rest}`
      : text;
  return { value, immediate: release !== null, rest };
}
