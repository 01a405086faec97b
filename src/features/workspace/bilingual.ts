/**
 * Saving a bilingual field: which language is the original and which are translations of it.
 * A translation keeps the fingerprint of the original it was made from, so it shows as out of date
 * when the original changes later (see lib/localized-text.ts).
 */
import { LOCALES, type Locale } from '../../lib/locales.js';
import { fingerprint, type LocalizedText, originalOf } from '../../lib/localized-text.js';
import type { LocaleValues } from './form.js';

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
  const textOf = (locale: Locale) => (submitted[locale] ?? before?.[locale]?.text ?? '').trim();
  const previousOriginal = originalOf(before)?.locale;
  const originalLocale =
    previousOriginal && textOf(previousOriginal) !== '' ? previousOriginal : LOCALES.find((l) => textOf(l) !== '');
  if (!originalLocale) return {};
  const originalText = textOf(originalLocale);
  const next: LocalizedText = { [originalLocale]: { text: originalText, origin: 'original' } };
  for (const locale of LOCALES) {
    if (locale === originalLocale) continue;
    const text = textOf(locale);
    if (text === '') continue;
    const old = before?.[locale];
    const unchanged = old && old.origin === 'translation' && old.text.trim() === text;
    next[locale] =
      unchanged && !confirmed.includes(locale)
        ? old
        : { text, origin: 'translation', sourceFingerprint: fingerprint(originalText) };
  }
  return next;
}

/** Whether a field has text in at least one language. */
export function hasAnyText(values: LocaleValues): boolean {
  return LOCALES.some((l) => (values[l] ?? '').trim() !== '');
}
