/** The lead's dateline: "WASHINGTON, June 3, 2021 — …", "Tegucigalpa, 5 de abril de 2011.- …", "Montreal. The …". */
import { findDate } from './dates.js';
import { wordCount } from './normalize.js';

export interface Dateline {
  place: string | null;
  date: string | null;
  /** The lead's text after the dateline. */
  rest: string;
}

// "Tegucigalpa, 5 de abril de 2011.- El …": Latin American releases close the dateline with ".-".
const DASH = /\s+(?:—|–|-{1,2})\s*|\s*(?:—|–)\s+|(?<=\p{Lu}{2,})\s*[—–]\s*|(?<=\d{4})\s*\.\s*[-–—]\s*(?=\p{Lu})/u;

/** "Guatemala, June 3, 2021 — In light of …", "WASHINGTON — …", "WASHINGTONThe …", "Washington, D.C.The …". */
export function dateline(text: string): Dateline | null {
  const dash = DASH.exec(text.slice(0, 90));
  if (dash && dash.index > 1) {
    // "NEW YORK, NY (June 3, 2021) /PRNewswire/ --": the date may sit in parentheses; wire tags are not places.
    const head = text
      .slice(0, dash.index)
      .replace(/\/[^/]{2,30}\/\s*$/, '')
      .trim();
    const date = findDate(head);
    const place = (date ? head.slice(0, date.index) + head.slice(date.index + date.length) : head)
      .replace(/\(\s*\)|\([^)]*\)\s*$/g, '')
      .replace(/,\s*(?:a|el|on|this)\s*$/i, '')
      .replace(/[\s,.(]+$/, '')
      .replace(/^[\s,]+/, '')
      .trim();
    // A date alone before the dash opens a paragraph: "Friday, June 4, 2021, 10 a.m. – 12 p.m." is a schedule.
    const opensProse = wordCount(text.slice(dash.index + dash[0].length)) >= 4;
    let rest = text.slice(dash.index + dash[0].length);
    // "For Planning Purposes — Thursday, October 7, 2021": a label and a date; a dateline opens a sentence.
    const restDate = date ? null : findDate(rest);
    const onlyDate =
      restDate !== null && restDate.index <= 1 && rest.trim().length - (restDate.index + restDate.length) <= 2;
    if (!onlyDate && (isPlace(place) || (place === '' && date && opensProse))) {
      // "MIAMI, FL – June 3, 2021 – Today …": the date between two dashes belongs to the dateline.
      const between = date ? null : /^([^—–]{6,40}?)\s+[—–]\s+/.exec(rest);
      const second = between ? findDate(between[1] as string) : null;
      if (
        between &&
        second &&
        second.index === 0 &&
        second.length >= (between[1] as string).replace(/[\s.,]+$/, '').length - 1
      ) {
        rest = rest.slice(between[0].length);
      }
      return { place: place === '' ? null : place, date: date?.iso ?? second?.iso ?? null, rest };
    }
  }
  // "San Salvador, 3 de junio de 2021. Las organizaciones …": place, comma, date, full stop.
  const placeDate = /^([^,.;:]{2,45}),\s*([^.;:]{6,40}?\d{4})\.\s+(?=\p{Lu})/u.exec(text);
  if (placeDate && isPlace((placeDate[1] as string).trim())) {
    const date = findDate(placeDate[2] as string);
    if (date && date.index <= 5 && date.index + date.length >= (placeDate[2] as string).length - 1) {
      return { place: (placeDate[1] as string).trim(), date: date.iso, rest: text.slice(placeDate[0].length) };
    }
  }
  // "Montreal. The Canadian Council …": a one- to three-word place closed by a full stop.
  const stop = /^(\p{Lu}[\p{L}’'-]+(?:[ ,]+\p{Lu}[\p{L}’'.-]+){0,2})\.\s+(?=\p{Lu})/u.exec(text);
  if (
    stop &&
    isPlace(stop[1] as string) &&
    !NOT_PLACES.test(stop[1] as string) &&
    wordCount(stop[1] as string) <= 3 &&
    wordCount(text.slice(stop[0].length)) >= 8
  ) {
    return { place: stop[1] as string, date: null, rest: text.slice(stop[0].length) };
  }
  const glued = /^(\p{Lu}{3,}(?:[ ,]+\p{Lu}{2,}\.?)*|\p{Lu}[\p{L}]+(?:,? (?:\p{Lu}\.)+))(?=\p{Lu}\p{Ll})/u.exec(text);
  if (glued && isPlace((glued[1] as string).replace(/[,]$/, ''))) {
    return { place: (glued[1] as string).trim(), date: null, rest: text.slice((glued[1] as string).length) };
  }
  return null;
}

const NOT_PLACES =
  /^(?:sr|sra|srta|dr|dra|lic|ing|mr|mrs|ms|hon|st|today|yesterday|tomorrow|hoy|ayer|mañana|however|sin\s+embargo|thus|also|además|finally|finalmente|no|yes|s[ií])$/i;

function isPlace(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const parts = text.split(/[\s,]+/).filter((w) => w !== '');
  if (parts.length > 6) return false;
  return (
    parts.every((w) => /^[\p{Lu}][\p{L}.’'-]*$/u.test(w) || /^(?:de|del|la|el|of|los|las)$/.test(w)) &&
    /^\p{Lu}/u.test(text)
  );
}
