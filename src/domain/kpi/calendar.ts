import { holidayCalendar } from '../deadlines/holidays.ts';
import { addWorkingDays } from '../deadlines/working-days.ts';
import { addDays, type CalendarDate, fromParts } from '../shared/calendar-date.ts';

/**
 * KPIs count the acknowledgment period on the calendar of metropolitan France for every complaint (issue 14's
 * definition), whatever the file's zone: a register-wide figure must be comparable from one organisation to another.
 */
const METROPOLE = holidayCalendar({ zone: 'metropole', goodFridayInAlsace: false });

/** ACPR 2024-R-02: acknowledgment within 10 jours ouvrables (reference §1). */
export const ACKNOWLEDGMENT_WORKING_DAYS = 10;
/** ACPR 2024-R-02: answer within 2 months at most (reference §1). */
export const ANSWER_MONTHS = 2;

/**
 * The acknowledgment due date of a complaint received on `received`: 10 jours ouvrables (Monday to Saturday, public
 * holidays of metropolitan France excluded, C. trav. L3133-1), the day of receipt not counted (CPC art. 641), no
 * roll-over (the period ends on a working day by construction).
 */
export function acknowledgmentDueOn(received: CalendarDate): CalendarDate {
  return addWorkingDays(received, ACKNOWLEDGMENT_WORKING_DAYS, 'ouvrables', METROPOLE).date;
}

/** Every day of a year with its acknowledgment due date: the rows of the `kpi_calendar` table. */
export function calendarYear(year: number): { day: CalendarDate; acknowledgmentDueOn: CalendarDate }[] {
  const rows: { day: CalendarDate; acknowledgmentDueOn: CalendarDate }[] = [];
  for (let day = fromParts(year, 1, 1); day.startsWith(String(year)); day = addDays(day, 1)) {
    rows.push({ day, acknowledgmentDueOn: acknowledgmentDueOn(day) });
  }
  return rows;
}
