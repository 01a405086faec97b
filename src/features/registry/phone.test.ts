import { describe, expect, it } from 'vitest';
import { Invalid } from '../../platform/errors.js';
import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it('writes national and international forms as E.164', () => {
    expect(normalizePhone('(443) 396-3317', 'US')).toBe('+14433963317');
    expect(normalizePhone('+1 786 201 8958')).toBe('+17862018958');
    expect(normalizePhone('+502 2414 7444')).toBe('+50224147444');
  });

  it('says which field is wrong and how to write it', () => {
    expect(() => normalizePhone('12', 'US')).toThrow(Invalid);
    let caught: unknown;
    try {
      normalizePhone('call me', 'US');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Invalid);
    expect((caught as Invalid).problems[0]).toMatchObject({ field: 'phone' });
    expect((caught as Invalid).problems[0]?.problem).toMatch(/country code/);
  });
});
