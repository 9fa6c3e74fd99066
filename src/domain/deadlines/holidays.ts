import joursFeries from '@socialgouv/jours-feries';
import { addDays, type CalendarDate, fromParts } from '../shared/calendar-date.ts';

export type Zone = 'metropole' | 'alsace_moselle';

export interface HolidayCalendarOptions {
  zone: Zone;
  /**
   * ⚠ Good Friday is a holiday in Alsace-Moselle only in communes with a Protestant temple or a mixed church
   * (docs/sources.md §7). Default true: most deadlines are then one day later, which is what local courts apply.
   */
  goodFridayInAlsace: boolean;
}

export interface Holiday {
  date: CalendarDate;
  name: string;
}

export interface HolidayCalendar {
  readonly options: HolidayCalendarOptions;
  /** The holiday's French name, or undefined on an ordinary day. */
  holidayName(date: CalendarDate): string | undefined;
  holidaysOfYear(year: number): readonly Holiday[];
}

const GOOD_FRIDAY = 'Vendredi Saint';

/**
 * The library builds each Date at local midnight, then moves the movable feasts by multiples of 24 hours. Across a
 * daylight-saving change that lands one hour off midnight: in Pacific/Auckland, Easter Monday 2021 comes out as
 * 4 April 23:00. Reading the local day of the nearest midnight gives the intended calendar day in every zone.
 */
function calendarDayOf(date: Date): CalendarDate {
  const day = fromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
  return date.getHours() >= 12 ? addDays(day, 1) : day;
}

function computeYear(year: number, options: HolidayCalendarOptions): Holiday[] {
  const alsace = options.zone === 'alsace_moselle';
  const raw = joursFeries(year, { alsace });
  return Object.entries(raw)
    .filter(([name]) => !(alsace && name === GOOD_FRIDAY && !options.goodFridayInAlsace))
    .map(([name, date]) => ({ date: calendarDayOf(date), name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

type Year = { list: Holiday[]; byDate: Map<CalendarDate, string> };

// A year's holidays depend only on the year and the options: computed once per process and shared by every
// calendar (the engine builds one per run; recomputing them was a large part of each run).
const YEARS = new Map<string, Year>();

function yearFor(year: number, options: HolidayCalendarOptions): Year {
  const key = `${options.zone}:${options.goodFridayInAlsace}:${year}`;
  let entry = YEARS.get(key);
  if (!entry) {
    const list = computeYear(year, options);
    Object.freeze(list);
    for (const h of list) Object.freeze(h);
    entry = { list, byDate: new Map(list.map((h) => [h.date, h.name])) };
    if (YEARS.size < 2_000) YEARS.set(key, entry);
  }
  return entry;
}

/** French public holidays (C. trav. L3133-1, plus Good Friday and 26 December in Alsace-Moselle). */
export function holidayCalendar(options: HolidayCalendarOptions): HolidayCalendar {
  const frozen = { zone: options.zone, goodFridayInAlsace: options.goodFridayInAlsace };
  return {
    options,
    holidayName: (date) => yearFor(Number(date.slice(0, 4)), frozen).byDate.get(date),
    holidaysOfYear: (year) => yearFor(year, frozen).list,
  };
}
