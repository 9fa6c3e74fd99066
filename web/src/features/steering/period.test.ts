import { describe, expect, it } from 'vitest';
import { periodLength, presetPeriod, previousPeriod, weekRange } from './period.ts';

describe('dashboard periods', () => {
  it.each([
    // A month of 30 days is compared with the 30 days before it (not with the calendar month before).
    [
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-10-02', to: '2026-10-31' },
    ],
    // A leap year's first quarter (91 days) against the 91 days before.
    [
      { from: '2028-01-01', to: '2028-03-31' },
      { from: '2027-10-02', to: '2027-12-31' },
    ],
    // A single day against the day before.
    [
      { from: '2026-03-01', to: '2026-03-01' },
      { from: '2026-02-28', to: '2026-02-28' },
    ],
  ])('compares %o with %o', (period, previous) => {
    expect(previousPeriod(period)).toEqual(previous);
    expect(periodLength(previous)).toBe(periodLength(period));
  });

  it.each([
    ['month', '2026-11-23', { from: '2026-11-01', to: '2026-11-23' }],
    ['quarter', '2026-11-23', { from: '2026-10-01', to: '2026-11-23' }],
    ['quarter', '2026-03-31', { from: '2026-01-01', to: '2026-03-31' }],
    ['year', '2026-11-23', { from: '2026-01-01', to: '2026-11-23' }],
    ['last12', '2026-11-23', { from: '2025-11-24', to: '2026-11-23' }],
  ] as const)('preset %s on %s', (key, today, expected) => {
    expect(presetPeriod(key, today)).toEqual(expected);
  });

  it('gives the Sunday that ends a week', () => {
    expect(weekRange('2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});
