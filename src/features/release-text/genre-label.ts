/**
 * The label that names a document's genre on a line of its own ("Media Advisory", "AVISO DE PRENSA",
 * "PRONUNCIAMIENTO PÚBLICO"): never the title, though a title may start with one.
 */

const LABEL =
  'for\\s+planning\\s+purposes(?:\\s+only)?|(?:joint\\s+)?(?:press|news|media)\\s+(?:release|advisory|statement|call\\s+advisory|alert|conference|call)|joint\\s+statement|statement|open\\s+letter|comunicado(?:\\s+(?:de\\s+prensa|conjunto|p[uú]blico))?|nota\\s+de\\s+prensa|aviso\\s+(?:de\\s+prensa|a\\s+(?:los\\s+)?medios)|conferencia\\s+de\\s+prensa|pronunciamiento(?:\\s+p[uú]blico)?|carta\\s+abierta|declaraci[oó]n(?:\\s+(?:conjunta|p[uú]blica))?|bolet[ií]n(?:\\s+de\\s+prensa)?';
// …also numbered: "Comunicado No. 15-2021", "Press Release #23", "Boletín 045".
const GENRE = new RegExp(
  `^(?:${LABEL})(?:\\s*(?:n[°º.]?|no\\.?|nro\\.?|#)?\\s*\\d{1,4}(?:[/-]\\d{2,4})?)?\\s*:?$`,
  'i',
);
/** "Media Advisory: May 26, 12:00 PM ET": a label carrying only a date or a time is still a label. */
const GENRE_WITH_TIME = new RegExp(`^(?:${LABEL})\\s*[:|–—-]\\s*(?=.*\\d)(?:\\S+(?:\\s+|$)){1,7}$`, 'i');
/** A title that names its own genre ("Press release: Launching …", "Comunicado de prensa de la Coordinadora …"). */
export const GENRE_TITLE = new RegExp(
  `^(?:${LABEL})\\s*(?::\\s*\\S|\\s+(?:de|del|of|from|by|on|sobre|ante|a)\\s)`,
  'i',
);

/** The line is a genre label, alone, numbered, or with a date or time after it (but no words of a sentence). */
export function isGenreLabel(text: string): boolean {
  return (
    GENRE.test(text) || (GENRE_WITH_TIME.test(text) && !/\p{Ll}{4,}\s+\p{Ll}{4,}/u.test(text.replace(/^[^:]*:/, '')))
  );
}
