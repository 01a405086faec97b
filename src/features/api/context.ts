/** What every part of the API's read side shares: where its links point and how it shows a text. */
import type { Db } from '../../platform/db/client.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import type { ApiLocalized } from './schemas.js';

/** Where the API's links point: the site's public address (PUENTE_BASE_URL), without a trailing slash. */
export interface ApiContext {
  db: Db;
  now: Date;
  baseUrl: string;
}

/** A LocalizedText as the API shows it: each language's text and whether it is the original or a translation. */
export function apiText(value: LocalizedText | null | undefined): ApiLocalized {
  const out: ApiLocalized = {};
  for (const locale of ['en', 'es'] as const) {
    const entry = value?.[locale];
    if (entry && entry.text.trim() !== '') out[locale] = { text: entry.text, origin: entry.origin };
  }
  return out;
}

/** The public page of an API item in each language. */
export function htmlLinks(base: string, path: string): { en: string; es: string } {
  return { en: `${base}/en${path}`, es: `${base}/es${path}` };
}
