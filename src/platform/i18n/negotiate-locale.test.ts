import { describe, expect, it } from 'vitest';
import { negotiateLocale, splitLocalePath } from './negotiate-locale.js';

describe('negotiateLocale', () => {
  it.each([
    ['es-GT,es;q=0.9,en;q=0.8', 'es'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,es;q=0.5', 'es'],
    ['de', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('splitLocalePath', () => {
  it('separates the language prefix from the page', () => {
    expect(splitLocalePath('/es/organizations/cejil')).toEqual({ locale: 'es', rest: '/organizations/cejil' });
    expect(splitLocalePath('/en')).toEqual({ locale: 'en', rest: '/' });
    expect(splitLocalePath('/en/')).toEqual({ locale: 'en', rest: '/' });
  });

  it('refuses languages we do not have', () => {
    expect(splitLocalePath('/fr/')).toBeNull();
    expect(splitLocalePath('/assets/style.css')).toBeNull();
  });
});
