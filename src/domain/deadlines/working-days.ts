import { addDays, type CalendarDate, dayOfWeek, formatFrenchDate } from '../shared/calendar-date.ts';
import type { HolidayCalendar } from './holidays.ts';

/**
 * Jours ouvrables: every day except the weekly rest day (Sunday) and public holidays (code.travail.gouv.fr).
 * Jours ouvrés: the days actually worked, Monday to Friday except public holidays (◐, docs/sources.md §7).
 */
export type DayKind = 'ouvrables' | 'ouvres';

export interface SkippedDay {
  date: CalendarDate;
  reason: string;
}

const WEEKDAY_NAMES = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

export function weekdayName(date: CalendarDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)]!;
}

/** Why a day does not count, or undefined when it is a working day of that kind. */
export function nonWorkingReason(
  date: CalendarDate,
  kind: DayKind,
  calendar: HolidayCalendar,
): string | undefined {
  const holiday = calendar.holidayName(date);
  if (holiday) return `${holiday}, jour férié`;
  const weekday = dayOfWeek(date);
  if (weekday === 0) return 'dimanche';
  if (weekday === 6 && kind === 'ouvres') return 'samedi';
  return undefined;
}

/**
 * The date on which a period of `count` working days ends. The starting day never counts (CPC art. 641 al. 1),
 * even when it is itself a working day; each following day counts only if it is a working day of `kind`.
 */
export function addWorkingDays(
  start: CalendarDate,
  count: number,
  kind: DayKind,
  calendar: HolidayCalendar,
): { date: CalendarDate; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  let date = start;
  let counted = 0;
  while (counted < count) {
    date = addDays(date, 1);
    const reason = nonWorkingReason(date, kind, calendar);
    if (reason) skipped.push({ date, reason });
    else counted += 1;
  }
  return { date, skipped };
}

/**
 * CPC art. 642 al. 2: a period that would expire on a Saturday, a Sunday or a public holiday is prorogued to the
 * next working day.
 */
export function rollOverToWorkingDay(
  date: CalendarDate,
  calendar: HolidayCalendar,
): { date: CalendarDate; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  let current = date;
  for (;;) {
    const reason = nonWorkingReason(current, 'ouvres', calendar);
    if (!reason) return { date: current, skipped };
    skipped.push({ date: current, reason });
    current = addDays(current, 1);
  }
}

/** "03/05/2026 (dimanche), 08/05/2026 (Victoire des alliés, jour férié)" */
export function describeSkipped(skipped: readonly SkippedDay[]): string {
  return skipped.map((s) => `${formatFrenchDate(s.date)} (${s.reason})`).join(', ');
}
