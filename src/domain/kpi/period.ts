import { addDays, type CalendarDate, daysBetween, isCalendarDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';

export interface KpiPeriod {
  from: CalendarDate;
  to: CalendarDate;
  asOf: CalendarDate;
}

/** Twenty years: enough for any history, and a bound on the calendar the database generates. */
const MAX_DAYS = 366 * 20;

/** Checks a KPI period (issue 14: « --from after --to is a French error »); `asOf` defaults to today. */
export function checkPeriod(
  input: { from: string; to: string; asOf?: string | undefined },
  today: CalendarDate,
): Result<KpiPeriod> {
  for (const [field, value, what] of [
    ['from', input.from, 'Début de période'],
    ['to', input.to, 'Fin de période'],
    ['asOf', input.asOf ?? today, 'Date d’arrêté'],
  ] as const) {
    if (!isCalendarDate(value)) {
      return fail('VALIDATION', `${what} : « ${value} » n’est pas une date AAAA-MM-JJ existante.`, field);
    }
  }
  if (input.from > input.to) {
    return fail(
      'VALIDATION',
      `Le début de période (${input.from}) est après la fin (${input.to}) : inversez les deux dates.`,
      'from',
    );
  }
  if (daysBetween(input.from, input.to) > MAX_DAYS) {
    return fail('VALIDATION', 'Période trop longue : vingt ans au plus.', 'to');
  }
  return ok({ from: input.from, to: input.to, asOf: input.asOf ?? today });
}

/** The period of the same length just before: the dashboard's « évolution » beside each tile. */
export function previousPeriod(p: { from: CalendarDate; to: CalendarDate }): {
  from: CalendarDate;
  to: CalendarDate;
} {
  const length = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}
