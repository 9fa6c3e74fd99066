/**
 * Calendar days as `YYYY-MM-DD` strings. A legal period counts days in Europe/Paris, never instants:
 * arithmetic is done on UTC-noon-free integer day numbers so that no time zone can shift a day.
 */
export type CalendarDate = string & { readonly __brand?: 'CalendarDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): value is CalendarDate {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * The years a date of a file may fall in. Older or later dates are typing slips (2206 for 2026), and the
 * calendars the engines use (public holidays, dated parameters) are only defined well inside this range.
 */
export const MIN_SUPPORTED_YEAR = 1900;
export const MAX_SUPPORTED_YEAR = 2100;

/** A calendar date between 1900-01-01 and 2100-12-31. */
export function isSupportedDate(value: string): boolean {
  if (!isCalendarDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= MIN_SUPPORTED_YEAR && year <= MAX_SUPPORTED_YEAR;
}

export const UNSUPPORTED_YEAR_MESSAGE = `Année hors des bornes : une date entre ${MIN_SUPPORTED_YEAR} et ${MAX_SUPPORTED_YEAR} est attendue (vérifiez l'année saisie).`;

export function parts(date: CalendarDate): { year: number; month: number; day: number } {
  const m = PATTERN.exec(date);
  if (!m) throw new Error(`not a calendar date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function fromParts(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Days since 1970-01-01 (proleptic Gregorian), computed without Date so no zone is involved. */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * 86_400_000);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds whole months the way CPC art. 641 al. 2 counts a period in months: the period ends on the day
 * bearing the same number, or on the last day of the month when there is no such day (31/01 + 1 month = 28/02).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** `23/11/2026`, the French way. */
export function formatFrenchDate(date: CalendarDate): string {
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

// Built once: creating an Intl formatter costs far more than formatting (it showed in profiles of bulk work).
const PARIS_DAY = new Intl.DateTimeFormat('fr-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let lastMinute = Number.NaN;
let lastParisDate = '' as CalendarDate;

/**
 * The calendar day an instant falls on in Europe/Paris (the only zone whose days count here). Formatting costs
 * a few microseconds and every request asks it of nearly the same instant: the last minute's answer is kept.
 * Since 1911 Paris changes day, and offset, only on a whole minute (before, its local mean time was 9 min 21 s
 * ahead of Greenwich): instants before 1970 are always formatted.
 */
export function parisDateOf(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (!(time >= 0)) return PARIS_DAY.format(instant) as CalendarDate;
  const minute = Math.floor(time / 60_000);
  if (minute !== lastMinute) {
    lastParisDate = PARIS_DAY.format(instant) as CalendarDate;
    lastMinute = minute;
  }
  return lastParisDate;
}
