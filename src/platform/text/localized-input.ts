/**
 * Turning what an editor typed in each language into a LocalizedText, keeping the translation
 * bookkeeping right (docs/decisions/0003-bilingual-text-as-jsonb-localizedtext.md):
 * - the original stays the original while it has text; a new value's original is the language the
 *   editor says they wrote in;
 * - a translation whose text did not change keeps its old source fingerprint, so it shows as stale
 *   when the original changed; a translation typed or edited now is a translation of today's original.
 */
import { LOCALES, type Locale } from '../i18n/locales.js';
import { fingerprint, type LocalizedText, originalOf } from './localized-text.js';

/**
 * Text per language as typed in a form; a missing or blank language means "no text". `confirmed`:
 * languages whose unchanged translation the editor ticked as matching the current original (the
 * shell's "This translation matches the current original" box), so it is no longer out of date.
 */
export type TextInput = Partial<Record<Locale, string>> & { confirmed?: readonly Locale[] };

/** Whether any language has text. */
export function anyText(input: TextInput): boolean {
  return LOCALES.some((l) => (input[l] ?? '').trim() !== '');
}

/** The languages whose text is longer than `max`. */
export function tooLong(input: TextInput, max: number): Locale[] {
  return LOCALES.filter((l) => (input[l] ?? '').length > max);
}

/** A form save of a statement's text; `originalLocale`: the language the editor says they wrote in. */
export function mergeLocalized(before: LocalizedText, input: TextInput, originalLocale: Locale): LocalizedText {
  const typed = (l: Locale) => (input[l] ?? '').replace(/\r\n/g, '\n').trim();
  return mergeTyped(before, typed, originalLocale, input.confirmed ?? []);
}

/**
 * The rule both the statements and the workspace shell's forms save by. `typed(locale)`: the text now
 * in that language, trimmed ('' for none). The original stays in its language while it has text; else
 * `preferred` if it has text; else the first language with text.
 */
export function mergeTyped(
  before: LocalizedText | null | undefined,
  typed: (locale: Locale) => string,
  preferred: Locale | undefined,
  confirmed: readonly Locale[],
): LocalizedText {
  const previous = originalOf(before)?.locale;
  const originLocale =
    previous && typed(previous) !== ''
      ? previous
      : preferred && typed(preferred) !== ''
        ? preferred
        : LOCALES.find((l) => typed(l) !== '');
  const next: LocalizedText = {};
  if (!originLocale) return next;
  const originalText = typed(originLocale);
  for (const locale of LOCALES) {
    const text = typed(locale);
    if (text === '') continue;
    const old = before?.[locale];
    if (locale === originLocale) next[locale] = { text, origin: 'original' };
    else if (old && old.origin === 'translation' && old.text.trim() === text && !confirmed.includes(locale))
      next[locale] = old;
    else next[locale] = { text, origin: 'translation', sourceFingerprint: fingerprint(originalText) };
  }
  return next;
}

/** The typed texts of a stored value, for filling a form. */
export function textInputOf(value: LocalizedText | null | undefined): TextInput {
  const out: TextInput = {};
  for (const locale of LOCALES) out[locale] = value?.[locale]?.text ?? '';
  return out;
}

export function hasText(value: LocalizedText): boolean {
  return LOCALES.some((l) => (value[l]?.text ?? '').trim() !== '');
}
