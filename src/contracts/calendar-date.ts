import { z } from 'zod';
import '../domain/shared/zod-french.ts';
import {
  type CalendarDate,
  isCalendarDate,
  isSupportedDate,
  UNSUPPORTED_YEAR_MESSAGE,
} from '../domain/shared/calendar-date.ts';

export type { CalendarDate };

/** A calendar day `YYYY-MM-DD` that exists (2026-02-30 and 2026-13-01 are refused), between 1900 and 2100. */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date attendue au format AAAA-MM-JJ (par exemple 2026-03-15).' })
  .refine(isCalendarDate, {
    error: (issue) => `Date impossible : ${String(issue.input)} n'existe pas dans le calendrier.`,
  })
  .refine((value) => !isCalendarDate(value) || isSupportedDate(value), { error: UNSUPPORTED_YEAR_MESSAGE })
  .meta({ format: 'date', example: '2026-03-15' });
