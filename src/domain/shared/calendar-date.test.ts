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

describe('parisDateOf keeps the last minute', () => {
  it.each([
    // Midnight in Paris, winter (UTC+1) and summer (UTC+2): the minute before and the minute of the change.
    ['2026-01-14T22:59:59.999Z', '2026-01-14'],
    ['2026-01-14T23:00:00.000Z', '2026-01-15'],
    ['2026-07-14T21:59:30.000Z', '2026-07-14'],
    ['2026-07-14T22:00:00.000Z', '2026-07-15'],
    ['2026-07-14T22:00:59.000Z', '2026-07-15'],
    // Paris mean time (before 1911) was 9 min 21 s ahead of UTC: not on a minute.
    ['1900-01-01T23:50:38.000Z', '1900-01-01'],
    ['1900-01-01T23:50:40.000Z', '1900-01-02'],
  ])('%s is %s in Paris', (instant, day) => {
    expect(parisDateOf(new Date(instant))).toBe(day);
  });
});
