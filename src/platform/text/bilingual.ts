/**
 * Saving a bilingual field: which language is the original and which are translations of it.
 * A translation keeps the fingerprint of the original it was made from, so it shows as out of date
 * when the original changes later (see platform/text/localized-text.ts).
 */

import type { Locale } from '../i18n/locales.js';
import { anyText, mergeTyped } from './localized-input.js';
import type { LocalizedText } from './localized-text.js';

/** What a form sent for one bilingual field: a value per language (absent or empty = not typed). */
export type LocaleValues = Partial<Record<Locale, string>>;

/**
 * The stored value after a form save.
 * - The original stays in its language; if it was emptied, the first language with text becomes it.
 * - A translation whose text did not change keeps its old fingerprint (so it stays "out of date"
 *   if it was), unless `confirmed` says the editor checked it against the current original.
 * - Changed or new text in another language is a translation of the current original.
 */
export function mergeLocalized(
  before: LocalizedText | null | undefined,
  submitted: LocaleValues,
  confirmed: readonly Locale[] = [],
): LocalizedText {
  // A language the form did not send keeps its stored text.
  const typed = (locale: Locale) => (submitted[locale] ?? before?.[locale]?.text ?? '').trim();
  return mergeTyped(before, typed, undefined, confirmed);
}

/** Whether a field has text in at least one language. */
export const hasAnyText: (values: LocaleValues) => boolean = anyText;
