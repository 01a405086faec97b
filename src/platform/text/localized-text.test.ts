import { describe, expect, it } from 'vitest';
import { fingerprint, localized, resolveText, translationState } from './localized-text.js';

describe('translationState', () => {
  const value = localized('en', 'Guarantee family reunification.', { es: 'Garantizar la reunificación familiar.' });

  it('tells the original from its translation', () => {
    expect(translationState(value, 'en')).toBe('original');
    expect(translationState(value, 'es')).toBe('translation');
  });

  it('marks a translation stale once the original changes', () => {
    const edited = { ...value, en: { text: 'Guarantee the non-separation of families.', origin: 'original' as const } };
    expect(translationState(edited, 'es')).toBe('stale');
  });

  it('treats an absent or blank text as missing', () => {
    expect(translationState(localized('en', 'Only English'), 'es')).toBe('missing');
    expect(translationState({ es: { text: '  ', origin: 'translation' } }, 'es')).toBe('missing');
    expect(translationState(null, 'en')).toBe('missing');
  });

  it('ignores whitespace and Unicode normalization when fingerprinting', () => {
    expect(fingerprint(' Treviño ')).toBe(fingerprint('Trevin\u0303o'));
  });
});

describe('resolveText', () => {
  it('falls back to the original and says in which language it is', () => {
    const resolved = resolveText(localized('es', 'Red Jesuita Con Migrantes'), 'en');
    expect(resolved).toEqual({ text: 'Red Jesuita Con Migrantes', locale: 'es', state: 'missing', isFallback: true });
  });

  it('returns the requested language when present', () => {
    const resolved = resolveText(localized('en', 'Network', { es: 'Red' }), 'es');
    expect(resolved).toMatchObject({ text: 'Red', locale: 'es', isFallback: false, state: 'translation' });
  });

  it('returns null when there is no text at all', () => {
    expect(resolveText({}, 'en')).toBeNull();
  });
});
