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
  { re: new RegExp(`${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}`, 'i'), order: 'mdy' },
  { re: new RegExp(`${WEEKDAY}${DAY}\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+|del\\s+)?${YEAR}`, 'i'), order: 'dmy' },
  { re: /(\d{4})-(\d{2})-(\d{2})/, order: 'ymd' },
];

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** The first date in the text, if any. */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { re, order } of PATTERNS) {
    const m = re.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    const iso = toIso(m, order);
    if (iso) best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

/** The whole text is a date (a date line in the header), give or take punctuation. */
export function parseDateLine(text: string): string | null {
  const found = findDate(text);
  if (!found) return null;
  const rest = (text.slice(0, found.index) + text.slice(found.index + found.length)).replace(/[\s,.:;*_|–—-]/g, '');
  return rest.length <= 2 ? found.iso : null;
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
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || d < 1 || y < 1900 || y > 2200 || date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
