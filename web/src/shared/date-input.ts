import { isCalendarDate } from '../../../src/domain/shared/calendar-date.ts';

/** The date fields of every form read their text here: the same formats accepted, the same refusals, in French. */

export const DATE_MESSAGE =
  'Date invalide\u00a0: saisissez le jour, le mois et l’année (exemple\u00a0: 23/11/2026).';

/** Years a dispute's dates fall in: a year typed 0202 or 2206 is a slip, said as such rather than computed. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** `2026-11-23`, or `23/11/2026` typed where the browser has no date picker. */
export function calendarDateOf(input: string): string | null {
  const text = input.trim();
  if (isCalendarDate(text)) return text;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!fr) return null;
  const iso = `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * A date typed in a form: the calendar day, or the French reason it is refused (not a date, a year out of range,
 * after `notAfter` when the fact cannot be in the future).
 */
export function readDateText(
  raw: string,
  options: { notAfter?: { date: string; message: string } } = {},
): { date: string } | { error: string } {
  const date = calendarDateOf(raw);
  if (!date) return { error: DATE_MESSAGE };
  const year = Number(date.slice(0, 4));
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    return {
      error: `L’année ${year} est hors de la plage possible (${YEAR_RANGE.min} à ${YEAR_RANGE.max})\u00a0: vérifiez la date.`,
    };
  }
  if (options.notAfter && date > options.notAfter.date) return { error: options.notAfter.message };
  return { date };
}
