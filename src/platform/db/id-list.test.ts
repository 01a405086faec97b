import { describe, expect, it } from 'vitest';
import { idSlices } from './bulk-write.js';
import { IdList } from './id-list.js';

describe('IdList', () => {
  it('keeps every id pushed, in order, past its first capacity', () => {
    const list = new IdList();
    const ids = Array.from({ length: 2500 }, (_, k) => 3 * k + 1);
    for (const id of ids.slice(0, 1000)) list.push(id);
    list.push(...ids.slice(1000));
    expect(list.length).toBe(2500);
    expect([...list]).toEqual(ids);
    expect(Array.from(list.view())).toEqual(ids);
  });

  it('refuses what is not a row id rather than storing it truncated', () => {
    const list = new IdList();
    expect(() => list.push(0)).toThrow('an id is a whole number from 1 to 2147483647, not 0');
    expect(() => list.push(2.5)).toThrow('not 2.5');
    expect(() => list.push(2 ** 31)).toThrow(`not ${2 ** 31}`);
    expect(() => list.push(4, -1)).toThrow('not -1');
    expect(list.length).toBe(0);
  });

  it('is sliced by idSlices as a list of numbers is, rising or not', () => {
    const rising = new IdList();
    rising.push(1, 2, 3, 7, 9);
    expect(idSlices(rising, 2)).toEqual(['{1,2}', '{3,7}', '{9}']);
    const mixed = new IdList();
    mixed.push(5, 1, 5, 2, 9, 1, 7);
    expect(idSlices(mixed, 2)).toEqual(['{5,1}', '{2,9}', '{7}']);
    expect(idSlices(new IdList(), 2)).toEqual([]);
  });
});
