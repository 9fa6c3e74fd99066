import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../shared/calendar-date.ts';
import { holidayCalendar } from './holidays.ts';

const metropole = () => holidayCalendar({ zone: 'metropole', goodFridayInAlsace: true });
const alsace = (goodFridayInAlsace = true) => holidayCalendar({ zone: 'alsace_moselle', goodFridayInAlsace });

describe('holiday calendar (C. trav. L3133-1; Alsace-Moselle: Good Friday and 26/12)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('lists the 11 national holidays of 2026 (Easter 05/04/2026, checked with dateutil.easter)', () => {
    expect(
      metropole()
        .holidaysOfYear(2026)
        .map((h) => h.date),
    ).toEqual([
      '2026-01-01',
      '2026-04-06', // Easter Monday
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension, Easter + 39
      '2026-05-25', // Whit Monday, Easter + 50
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it.each([
    // Alsace-Moselle adds Good Friday (03/04/2026) and Saint-Étienne (26/12) — docs/sources.md §7.
    ['alsace_moselle, Good Friday on', alsace(true), ['2026-04-03', '2026-12-26'], 13],
    // ⚠ Good Friday is a holiday only in communes with a Protestant temple: option goodFridayInAlsace=false.
    ['alsace_moselle, Good Friday off', alsace(false), ['2026-12-26'], 12],
  ])('%s', (_label, calendar, extra, count) => {
    const dates = calendar.holidaysOfYear(2026).map((h) => h.date);
    expect(dates).toHaveLength(count);
    for (const d of extra) expect(dates).toContain(d);
    if (count === 12) expect(dates).not.toContain('2026-04-03');
  });

  it('does not count the Alsace days in metropole', () => {
    expect(metropole().holidayName('2026-04-03')).toBeUndefined();
    expect(metropole().holidayName('2026-12-26')).toBeUndefined();
    expect(alsace().holidayName('2026-12-26')).toBe('Saint Étienne');
  });

  // The library shifts Dates by 24 h steps: across a DST change (Auckland, 04/04/2021) that used to give Easter
  // Monday on Sunday. Each zone below must read the same calendar days.
  it.each([
    'UTC',
    'Pacific/Auckland',
    'Europe/Paris',
    'America/Los_Angeles',
    'Pacific/Kiritimati',
    'America/Santiago',
  ])('is zone-proof under TZ=%s', (tz) => {
    process.env.TZ = tz;
    const calendar = alsace();
    // Easter Sundays from dateutil.easter (an independent implementation).
    const easter: Record<number, string> = {
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2021: '2021-04-04',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2027: '2027-03-28',
      2038: '2038-04-25',
    };
    expect(calendar.holidayName('2021-04-05')).toBe('Lundi de Pâques');
    expect(calendar.holidayName('2021-04-04')).toBeUndefined();
    expect(calendar.holidayName('2021-05-13')).toBe('Ascension');
    expect(calendar.holidayName('2021-05-24')).toBe('Lundi de Pentecôte');
    for (const [year, sunday] of Object.entries(easter)) {
      const list = calendar.holidaysOfYear(Number(year));
      const byName = Object.fromEntries(list.map((h) => [h.name, h.date]));
      expect(byName['Lundi de Pâques'], `${year} in ${tz}`).toBe(addDays(sunday, 1));
      expect(byName['Vendredi Saint'], `${year} in ${tz}`).toBe(addDays(sunday, -2));
      expect(dayOfWeek(byName['Vendredi Saint']!)).toBe(5);
      expect(dayOfWeek(byName.Ascension!)).toBe(4);
      expect(dayOfWeek(byName['Lundi de Pentecôte']!)).toBe(1);
      expect(byName["Jour de l'an"]).toBe(`${year}-01-01`);
      expect(byName['Saint Étienne']).toBe(`${year}-12-26`);
    }
  });
});
