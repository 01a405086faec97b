/**
 * The current ISO 3166-1 alpha-2 countries (249), for the country pickers (computed once): the
 * two-letter regions Intl can name, less those CLDR replaces by a current code (DD → DE, YU and
 * CS → RS, SU → RU, ZR → CD…: Intl.Locale canonicalizes them), so no country appears twice.
 */
import type { Locale } from './locales.js';

let codes: string[] | undefined;

export function countryCodes(): string[] {
  if (!codes) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const found: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        // Private-use and exceptionally reserved codes (not countries) are left out, named or not.
        if (/^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN|AC|CP|CQ|DG|EA|IC|TA)$/.test(code)) continue;
        const name = names.of(code);
        if (name && name !== code && isCurrent(code)) found.push(code);
      }
    }
    codes = found;
  }
  return codes;
}

/** False for an obsolete code that CLDR maps onto a current one. */
function isCurrent(code: string): boolean {
  return new Intl.Locale(`und-${code}`).region === code;
}

const optionsByLocale = new Map<Locale, { value: string; label: string }[]>();

/**
 * Country options sorted by their name in the page's language (built once per language: 249 names).
 * A stored code that is no longer current (`kept`) is offered too, so the form still shows it.
 */
export function countryOptions(locale: Locale, kept?: string | null): { value: string; label: string }[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const collator = new Intl.Collator(locale);
    options = countryCodes()
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.label, b.label));
    optionsByLocale.set(locale, options);
  }
  // Only a stored code (two capital letters) is kept; anything else typed into a form is refused by the
  // service and is no option.
  if (kept && /^[A-Z]{2}$/.test(kept) && !countryCodes().includes(kept))
    return [{ value: kept, label: countryLabel(kept, locale) }, ...options];
  return options;
}

/** The country's name in the page's language, or '' when none is set. */
export function countryLabel(code: string | null, locale: Locale): string {
  if (!code) return '';
  // Intl throws on what is not a region code: such a value is shown as it is, never a 500.
  if (!/^[A-Z]{2}$/.test(code)) return code;
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}
