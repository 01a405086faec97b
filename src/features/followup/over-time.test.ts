import { describe, expect, it } from 'vitest';
import { transitionDeltas, yearSnapshots } from './over-time.js';
import { wholeYears } from './rollup-service.js';

describe('status over time from yearly transitions', () => {
  // Three recommendations: A none → in_progress (2021) → implemented (2023); B none → reversed (2022); C never updated.
  const deltas = transitionDeltas([
    { year: 2021, status: 'in_progress', previous: null, n: 1 },
    { year: 2022, status: 'reversed', previous: null, n: 1 },
    { year: 2023, status: 'implemented', previous: 'in_progress', n: 1 },
  ]);

  it('starts at the first year with a change and carries each snapshot to the last year', () => {
    const years = yearSnapshots(3, deltas, 0, 2024);
    expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(years[0]!.counts).toMatchObject({ none: 2, in_progress: 1, implemented: 0 });
    expect(years[1]!.counts).toMatchObject({ none: 1, in_progress: 1, reversed: 1 });
    expect(years[2]!.counts).toMatchObject({ none: 1, in_progress: 0, reversed: 1, implemented: 1 });
    expect(years[3]!.counts).toEqual(years[2]!.counts);
  });

  it('shows only the years from the first one asked for, counting the changes before it', () => {
    const years = yearSnapshots(3, deltas, 2023, 2023);
    expect(years).toEqual([{ year: 2023, counts: expect.objectContaining({ none: 1, reversed: 1, implemented: 1 }) }]);
  });

  it('ignores years after the last one and answers nothing when no change is left', () => {
    expect(yearSnapshots(3, deltas, 0, 2020)).toEqual([]);
    // Changes that cancel out (taken back because they are dated after today) are no change at all.
    const cancelled = [
      ...deltas.filter((d) => d.year === 2021),
      { year: 2021, status: 'none' as const, delta: 1 },
      { year: 2021, status: 'in_progress' as const, delta: -1 },
    ];
    expect(yearSnapshots(3, cancelled, 0, 2024)).toEqual([]);
  });
});

describe('the whole statement years a date range covers', () => {
  it('counts a year only from 1 January or up to 31 December', () => {
    expect(wholeYears({})).toEqual({ first: null, last: null });
    expect(wholeYears({ from: '2018-01-01' })).toEqual({ first: 2018, last: null });
    expect(wholeYears({ from: '2018-01-02' })).toEqual({ first: 2019, last: null });
    expect(wholeYears({ to: '2020-12-31' })).toEqual({ first: null, last: 2020 });
    expect(wholeYears({ to: '2020-12-30' })).toEqual({ first: null, last: 2019 });
    expect(wholeYears({ from: '2021-02-01', to: '2024-02-01' })).toEqual({ first: 2022, last: 2023 });
  });

  it('answers none when the range sits inside one year', () => {
    expect(wholeYears({ from: '2021-02-01', to: '2021-11-30' })).toBeNull();
    expect(wholeYears({ from: '2021-02-01', to: '2022-01-31' })).toBeNull();
  });
});
