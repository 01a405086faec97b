import { describe, expect, it } from 'vitest';
import { mergeLocalized } from './localized-input.js';
import { localized, translationState } from './localized-text.js';

describe('typed texts → LocalizedText', () => {
  it('a new value: the editor’s language is the original, the other a translation of it', () => {
    const v = mergeLocalized({}, { en: ' Hello ', es: 'Hola' }, 'en');
    expect(v.en).toEqual({ text: 'Hello', origin: 'original' });
    expect(translationState(v, 'es')).toBe('translation');
  });

  it('only one language typed: that one is the original, whatever the editor’s language', () => {
    const v = mergeLocalized({}, { en: '', es: 'Hola' }, 'en');
    expect(translationState(v, 'es')).toBe('original');
    expect(translationState(v, 'en')).toBe('missing');
  });

  it('the original stays the original; an untouched translation goes stale when it changes', () => {
    const before = localized('es', 'Hola', { en: 'Hello' });
    const v = mergeLocalized(before, { es: 'Hola a todas', en: 'Hello' }, 'en');
    expect(translationState(v, 'es')).toBe('original');
    expect(translationState(v, 'en')).toBe('stale');
    const fixed = mergeLocalized(v, { es: 'Hola a todas', en: 'Hello everyone' }, 'en');
    expect(translationState(fixed, 'en')).toBe('translation');
  });

  it('clearing the original makes the remaining text the original; clearing all leaves nothing', () => {
    const before = localized('es', 'Hola', { en: 'Hello' });
    expect(translationState(mergeLocalized(before, { es: '', en: 'Hello' }, 'es'), 'en')).toBe('original');
    expect(mergeLocalized(before, { es: ' ', en: '' }, 'es')).toEqual({});
  });
});

describe('a confirmed translation', () => {
  it('is current again without retyping it', () => {
    const stale = mergeLocalized(localized('en', 'Hello', { es: 'Hola' }), { en: 'Hello all', es: 'Hola' }, 'en');
    expect(translationState(stale, 'es')).toBe('stale');
    const confirmed = mergeLocalized(stale, { en: 'Hello all', es: 'Hola', confirmed: ['es'] }, 'en');
    expect(translationState(confirmed, 'es')).toBe('translation');
  });
});
