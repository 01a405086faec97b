import type { Catalog } from './catalog.js';
import type { Locale } from './locales.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';

const catalogs: Record<Locale, Catalog> = { en, es };

export function messages(locale: Locale): Catalog {
  return catalogs[locale];
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) in the reader's language, e.g. "June 3, 2021" / "3 de junio de 2021". */
export function formatDate(isoDate: string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** A country's name from its ISO code, in the reader's language. */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * An instant as a date and time in the reader's language, in UTC and saying so (the server does not
 * know the reader's time zone): "December 5, 2026 at 08:00 AM UTC" / "5 de diciembre de 2026, 8:00 UTC".
 */
export function formatDateTime(at: Date, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(at);
}
