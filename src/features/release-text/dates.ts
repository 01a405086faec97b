import * as chrono from 'chrono-node';

/**
 * Calendar dates as releases write them, in English and Spanish: "June 3, 2021", "3 June 2021",
 * "06 AUG 2022", "15 de septiembre de 2022", "2021-06-03", with or without a weekday. Numeric
 * day/month dates ("03/06/2021") are ambiguous between the two languages' habits and are not guessed.
 */
const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  enero: 1,
  ene: 1,
  february: 2,
  feb: 2,
  febrero: 2,
  march: 3,
  mar: 3,
  marzo: 3,
  april: 4,
  apr: 4,
  abril: 4,
  abr: 4,
  may: 5,
  mayo: 5,
  june: 6,
  jun: 6,
  junio: 6,
  july: 7,
  jul: 7,
  julio: 7,
  august: 8,
  aug: 8,
  agosto: 8,
  ago: 8,
  september: 9,
  sept: 9,
  sep: 9,
  septiembre: 9,
  setiembre: 9,
  october: 10,
  oct: 10,
  octubre: 10,
  november: 11,
  nov: 11,
  noviembre: 11,
  december: 12,
  dec: 12,
  diciembre: 12,
  dic: 12,
};

const MONTH = `\\b(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\b\\.?`;
const WEEKDAY =
  '(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo),?\\s+)?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|º|°)?';
const YEAR = '(\\d{4})';

/** Each pattern with the order of its groups: month-day-year, day-month-year, or ISO. */
const PATTERNS: { re: RegExp; order: 'mdy' | 'dmy' | 'ymd' }[] = [
  // "junio 3 de 2021": Central American Spanish puts the month first too.
  { re: new RegExp(`${WEEKDAY}${MONTH}\\s+${DAY}(?:,?\\s+|\\s+del?\\s+)${YEAR}`, 'i'), order: 'mdy' },
  { re: new RegExp(`${WEEKDAY}${DAY}\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+|del\\s+)?${YEAR}`, 'i'), order: 'dmy' },
  { re: /(\d{4})-(\d{2})-(\d{2})/, order: 'ymd' },
];

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/**
 * The first fully stated date in the text (day, month and a written four-digit year), if any.
 * chrono-node reads the many ways English and Spanish write dates ("May, 24 2018", "Issued January 13,
 * 2023", "a 6 de septiembre de 2024", "30/03/2020") better than our patterns did; we keep only results it
 * is certain of and whose text shows the year, so "today", "Friday" or "30 de marzo" alone are never
 * turned into a date. Numeric dates follow the document's language (day first in Spanish). Our patterns
 * stay as the fallback.
 */
export function findDate(text: string, language?: 'en' | 'es'): FoundDate | null {
  // Only a written year makes a date we keep: skip the (slow) parser when there is none.
  if (!/(?:^|\D)(?:1[89]|2[0-2])\d\d(?:\D|$)/.test(text)) return null;
  const parsers = language === 'es' ? [chrono.es, chrono.en] : [chrono.en, chrono.es];
  let found: FoundDate | null = null;
  for (const parser of parsers) {
    for (const r of parser.parse(text.slice(0, 400), REFERENCE)) {
      const certain = r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day');
      if (!certain || !/\d{4}/.test(r.text) || (found && found.index <= r.index)) continue;
      const y = r.start.get('year') ?? 0;
      if (y < 1900 || y > 2200) continue;
      const iso = `${y}-${String(r.start.get('month')).padStart(2, '0')}-${String(r.start.get('day')).padStart(2, '0')}`;
      // Times and time zones after the date are not part of it.
      const dateText = r.text.replace(/,?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|h)?\b.*$/i, (m) =>
        /\d{4}/.test(m) ? m : '',
      );
      found = { iso, index: r.index, length: dateText.length };
      break;
    }
  }
  return found ?? findPatternDate(text);
}

const REFERENCE = new Date(Date.UTC(2000, 0, 1));

function findPatternDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { re, order } of PATTERNS) {
    const m = re.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    const iso = toIso(m, order);
    if (iso) best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

const DATE_LABEL =
  /^(?:issued|released|published|posted|for\s+release|dated?(?:\s+of\s+(?:release|publication))?|updated|release\s+date|fecha(?:\s+de\s+(?:publicaci[oó]n|emisi[oó]n))?|publicado|emitido)\b\s*(?:on|el|:)?\s*/i;
const CLOCK = /\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|h(?:rs)?\b|horas\b)|\b\d{1,2}:\d{2}\b/gi;
const TIME = /\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|h|hrs)?(?:\s*(?:[ECMP][SD]?T|GMT|UTC|ET|CT|PT))?\b/gi;

/**
 * The whole text is a date (a date line in the header), give or take punctuation, a label ("Issued …",
 * "Fecha: …") or a time ("12:00am EDT").
 */
export function parseDateLine(text: string, language?: 'en' | 'es'): string | null {
  // "June 3, 2021 | Press Releases": a page's date and its section, side by side.
  const parts = text.split(/\s+[|•·]\s+/);
  if (parts.length > 1) {
    const dated = parts.filter((part) => parseDateLine(part, language) !== null);
    const others = parts.filter((part) => !dated.includes(part));
    if (dated.length === 1 && others.every((o) => o.split(/\s+/).length <= 3 && !/\d/.test(o))) {
      return parseDateLine(dated[0] as string, language);
    }
  }
  const line = text.replace(DATE_LABEL, '');
  // "Friday, June 4, 2021, 10 a.m. – 12 p.m.": a schedule (two times) is an event's, not the release's date.
  if ((line.match(CLOCK) ?? []).length >= 2) return null;
  const found = findDate(line, language) ?? spacedNumericDate(line, language);
  if (!found) return null;
  const rest = (line.slice(0, found.index) + line.slice(found.index + found.length))
    .replace(TIME, '')
    .replace(/[\s,.:;*_|–—-]/g, '');
  return rest.length <= 2 ? found.iso : null;
}

/**
 * "24 04 2009": day, month and year separated by spaces, which the parser does not read. Only as a whole
 * line (never inside prose, where such numbers are more often phone numbers); the order follows the
 * language unless the first number cannot be a month.
 */
function spacedNumericDate(line: string, language?: 'en' | 'es'): FoundDate | null {
  const m = /^(\d{1,2}) (\d{1,2}) (\d{4})[\s.]*$/.exec(line.trim());
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const dayFirst = language !== 'en' || a > 12;
  const iso = isoDate(Number(m[3]), dayFirst ? b : a, dayFirst ? a : b);
  return iso ? { iso, index: line.indexOf(m[0].trim()), length: m[0].trim().length } : null;
}

/** "México, 7 de abril de 2019", "Montreal, June 20, 2003": a place, then the date, alone on a line. */
export function parsePlaceDateLine(text: string, language?: 'en' | 'es'): { place: string; iso: string } | null {
  if (text.split(/\s+/).length > 14) return null;
  const found = findDate(text, language);
  if (!found || found.index === 0) return null;
  const after = text.slice(found.index + found.length).replace(/[\s,.:;*_|–—-]/g, '');
  if (after.length > 2) return null;
  const place = text
    .slice(0, found.index)
    .replace(/,?\s*(?:a|el|on|this)\s*$/i, '')
    .replace(/[\s,.(–—-]+$/, '')
    .trim();
  const parts = place.split(/[\s,]+/).filter((w) => w !== '');
  const placeLike =
    parts.length >= 1 &&
    parts.length <= 5 &&
    /^\p{Lu}/u.test(place) &&
    parts.every((w) => /^[\p{Lu}][\p{L}.’'-]*$/u.test(w) || /^(?:de|del|la|el|of|los|las)$/.test(w));
  return placeLike ? { place, iso: found.iso } : null;
}

function toIso(m: RegExpExecArray, order: 'mdy' | 'dmy' | 'ymd'): string | null {
  const [a, b, c] = [m[1], m[2], m[3]] as [string, string, string];
  const month = (s: string) => MONTHS[s.toLowerCase()] ?? 0;
  const [y, mo, d] =
    order === 'mdy'
      ? [Number(c), month(a), Number(b)]
      : order === 'dmy'
        ? [Number(c), month(b), Number(a)]
        : [Number(a), Number(b), Number(c)];
  return isoDate(y, mo, d);
}

/** "YYYY-MM-DD" for a real calendar day in our range, else null. */
function isoDate(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || d < 1 || y < 1900 || y > 2200 || date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
