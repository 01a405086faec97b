/** ISO 3166-1 alpha-2 regions that Intl can name, for the country pickers (computed once). */
import type { Locale } from './locales.js';

let codes: string[] | undefined;

export function countryCodes(): string[] {
  if (!codes) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const found: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        // Private-use and exceptionally reserved codes have no name, or echo the code back.
        if (/^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/.test(code)) continue;
        const name = names.of(code);
        if (name && name !== code) found.push(code);
      }
    }
    codes = found;
  }
  return codes;
}

const optionsByLocale = new Map<Locale, { value: string; label: string }[]>();

/** Country options sorted by their name in the page's language (built once per language: ~250 names). */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const collator = new Intl.Collator(locale);
    options = countryCodes()
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.label, b.label));
    optionsByLocale.set(locale, options);
  }
  return options;
}

/** The country's name in the page's language, or '' when none is set. */
export function countryLabel(code: string | null, locale: Locale): string {
  return code ? (new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code) : '';
}
