import { createHash } from 'node:crypto';
import { LOCALES, type Locale } from '../i18n/locales.js';

/**
 * A translatable field: per locale, the text and where it came from.
 * Stored as one JSONB value per field (see docs/decisions/0003-bilingual-text-as-jsonb-localizedtext.md).
 *
 * A translation remembers a fingerprint of the original it was made from, so we can tell
 * that it went stale when the original changed, without storing "stale" anywhere.
 */
export type TextOrigin = 'original' | 'translation';

export interface LocalizedEntry {
  text: string;
  origin: TextOrigin;
  /** For translations: fingerprint of the original text at translation time. */
  sourceFingerprint?: string;
}

export type LocalizedText = Partial<Record<Locale, LocalizedEntry>>;

export type TranslationState = 'original' | 'translation' | 'stale' | 'missing';

export function fingerprint(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 16);
}

export function originalOf(value: LocalizedText | null | undefined): { locale: Locale; entry: LocalizedEntry } | null {
  for (const locale of LOCALES) {
    const entry = value?.[locale];
    if (entry && entry.origin === 'original' && entry.text.trim() !== '') return { locale, entry };
  }
  return null;
}

export function translationState(value: LocalizedText | null | undefined, locale: Locale): TranslationState {
  const entry = value?.[locale];
  if (!entry || entry.text.trim() === '') return 'missing';
  if (entry.origin === 'original') return 'original';
  const original = originalOf(value);
  if (original && entry.sourceFingerprint && entry.sourceFingerprint !== fingerprint(original.entry.text)) {
    return 'stale';
  }
  return 'translation';
}

/** Build a value with one original text and translations made from it. */
export function localized(
  originalLocale: Locale,
  text: string,
  translations: Partial<Record<Locale, string>> = {},
): LocalizedText {
  // Hashed only when a translation needs it: most values an import builds have none.
  let source: string | undefined;
  const value: LocalizedText = { [originalLocale]: { text, origin: 'original' } };
  for (const [locale, translated] of Object.entries(translations) as [Locale, string][]) {
    if (locale === originalLocale || !translated) continue;
    source ??= fingerprint(text);
    value[locale] = { text: translated, origin: 'translation', sourceFingerprint: source };
  }
  return value;
}

export interface ResolvedText {
  text: string;
  /** The language the text is actually in; differs from the requested one on fallback. */
  locale: Locale;
  state: TranslationState;
  isFallback: boolean;
}

/**
 * The text to show for a locale. When that locale is missing we fall back to the original
 * (or any text) and say so, so the page can mark it with its real `lang` and a visible note.
 */
export function resolveText(value: LocalizedText | null | undefined, locale: Locale): ResolvedText | null {
  const state = translationState(value, locale);
  const entry = value?.[locale];
  if (entry && state !== 'missing') return { text: entry.text, locale, state, isFallback: false };
  const original = originalOf(value);
  if (original) return { text: original.entry.text, locale: original.locale, state: 'missing', isFallback: true };
  for (const other of LOCALES) {
    const e = value?.[other];
    if (e && e.text.trim() !== '') return { text: e.text, locale: other, state: 'missing', isFallback: true };
  }
  return null;
}

export interface ResolvedName {
  text: string;
  /** The language of the text, or null for an own name whose language is not recorded. */
  locale: Locale | null;
  isFallback: boolean;
}

/**
 * A name kept two ways: `own`, as its bearer writes it (an organization's `name`: the original,
 * its language not recorded), and `value`, its form per language. The rule of resolveText with
 * `own` as the original: the reader's language when the value has it, else the original, and only
 * when that is empty another language.
 */
export function resolveName(value: LocalizedText | null | undefined, locale: Locale, own: string): ResolvedName | null {
  const entry = value?.[locale];
  if (entry && translationState(value, locale) !== 'missing') return { text: entry.text, locale, isFallback: false };
  if (own.trim() !== '') {
    const same = LOCALES.find((other) => value?.[other]?.text === own) ?? null;
    return { text: own, locale: same, isFallback: true };
  }
  const other = resolveText(value, locale);
  return other ? { text: other.text, locale: other.locale, isFallback: true } : null;
}

/** The collation of a language, for lists sorted by the text a reader sees. */
export function collatorFor(locale: Locale): Intl.Collator {
  return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
}
