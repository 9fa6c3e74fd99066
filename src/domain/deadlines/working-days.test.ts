import { describe, expect, it } from 'vitest';
import { holidayCalendar, type Zone } from './holidays.ts';
import { addWorkingDays, type DayKind, rollOverToWorkingDay } from './working-days.ts';

const calendar = (zone: Zone = 'metropole') => holidayCalendar({ zone, goodFridayInAlsace: true });

describe('addWorkingDays (start day not counted, CPC art. 641; jours ouvrables / ouvrés, docs/sources.md §7)', () => {
  it.each<[string, string, number, DayKind, Zone, string]>([
    // Tue 28/04/2026: skips Fri 01/05 (holiday), Sun 03/05, Fri 08/05 (holiday), Sun 10/05 → Tue 12/05.
    ['May holidays, ouvrables (ACPR default)', '2026-04-28', 10, 'ouvrables', 'metropole', '2026-05-12'],
    // Same start in jours ouvrés: Saturdays skipped too, and Ascension Thu 14/05 → Fri 15/05.
    ['May holidays + Ascension, ouvrés', '2026-04-28', 10, 'ouvres', 'metropole', '2026-05-15'],
    // Thu 02/04/2026: Easter Monday 06/04 and two Sundays skipped → Wed 15/04.
    ['Easter, metropole', '2026-04-02', 10, 'ouvrables', 'metropole', '2026-04-15'],
    // Alsace-Moselle: Good Friday 03/04 skipped as well → Thu 16/04.
    ['Easter, Alsace-Moselle Good Friday', '2026-04-02', 10, 'ouvrables', 'alsace_moselle', '2026-04-16'],
    // Wed 23/12/2026: 25/12, Sun 27/12, 01/01, Sun 03/01 skipped → Wed 06/01/2027.
    ['Christmas and New Year, metropole', '2026-12-23', 10, 'ouvrables', 'metropole', '2027-01-06'],
    // Alsace-Moselle: Sat 26/12 is a holiday there → Thu 07/01/2027.
    ['Christmas, Alsace-Moselle 26/12', '2026-12-23', 10, 'ouvrables', 'alsace_moselle', '2027-01-07'],
    // Start on a holiday (Fri 01/05/2026): the start is not counted anyway; 08/05 and 14/05 skipped → Fri 15/05.
    ['period starting on a holiday', '2026-05-01', 10, 'ouvrables', 'metropole', '2026-05-15'],
    // Start on Sunday 01/03/2026: Mon 02 is day 1; Sun 08 skipped → Wed 11/03.
    ['period starting on a Sunday', '2026-03-01', 9, 'ouvrables', 'metropole', '2026-03-11'],
    // Leap year: Fri 25/02/2028 + 3 ouvrables: Sat 26, (Sun 27), Mon 28, Tue 29/02.
    ['leap day', '2028-02-25', 3, 'ouvrables', 'metropole', '2028-02-29'],
  ])('%s: %s + %i %s (%s) = %s', (_label, start, count, kind, zone, expected) => {
    expect(addWorkingDays(start, count, kind, calendar(zone)).date).toBe(expected);
  });

  it('reports each skipped day with its reason', () => {
    const { skipped } = addWorkingDays('2026-04-28', 10, 'ouvrables', calendar());
    expect(skipped).toEqual([
      { date: '2026-05-01', reason: 'Fête du travail, jour férié' },
      { date: '2026-05-03', reason: 'dimanche' },
      { date: '2026-05-08', reason: 'Victoire des alliés, jour férié' },
      { date: '2026-05-10', reason: 'dimanche' },
    ]);
  });
});

describe('rollOverToWorkingDay (CPC art. 642: Saturday, Sunday, holiday → next working day)', () => {
  it.each<[string, string, Zone, string]>([
    ['a working Tuesday stays', '2026-05-12', 'metropole', '2026-05-12'],
    ['Saturday 16/05/2026 → Monday 18/05', '2026-05-16', 'metropole', '2026-05-18'],
    ['Ascension Thu 14/05/2026 → Fri 15/05', '2026-05-14', 'metropole', '2026-05-15'],
    ['Sat 23/05/2026 → Sun → Whit Monday 25/05 → Tue 26/05', '2026-05-23', 'metropole', '2026-05-26'],
    ['Good Friday 26/03/2027 is worked in metropole', '2027-03-26', 'metropole', '2027-03-26'],
    [
      'Good Friday 26/03/2027 in Alsace-Moselle → Tue 30/03 (after Easter Monday)',
      '2027-03-26',
      'alsace_moselle',
      '2027-03-30',
    ],
    ['Fri 26/12/2025 is worked in metropole', '2025-12-26', 'metropole', '2025-12-26'],
    ['Fri 26/12/2025 in Alsace-Moselle → Mon 29/12', '2025-12-26', 'alsace_moselle', '2025-12-29'],
  ])('%s', (_label, date, zone, expected) => {
    expect(rollOverToWorkingDay(date, calendar(zone)).date).toBe(expected);
  });
});
