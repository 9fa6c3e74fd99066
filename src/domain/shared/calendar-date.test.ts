import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfWeek,
  formatFrenchDate,
  isCalendarDate,
  parisDateOf,
} from './calendar-date.ts';

describe('calendar dates', () => {
  it.each([
    // CPC art. 641 al. 2: same-numbered day, or the last day of the month when it has none.
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-15', 2, '2026-05-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s (CPC 641)', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('adds days across a year end and a leap day', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-11-23')).toBe(1); // a Monday
    expect(dayOfWeek('2026-11-22')).toBe(0);
  });

  it('rejects impossible dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('23/11/2026')).toBe(false);
  });

  it('formats and reads Paris days', () => {
    expect(formatFrenchDate('2026-11-23')).toBe('23/11/2026');
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(parisDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
