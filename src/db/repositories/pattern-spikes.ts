import { mondayOf } from '../../domain/patterns/cells.ts';
import { type DetectionResult, detectSpikes } from '../../domain/patterns/detect.ts';
import { MAX_BASELINE_WEEKS } from '../../domain/patterns/expectation.ts';
import { addDays, type CalendarDate } from '../../domain/shared/calendar-date.ts';
import { fail, type Result } from '../../domain/shared/result.ts';
import type { Database } from '../client.ts';
import { weeklyCounts } from './patterns.ts';

// The weekly counts of a period and its history read here, then the pure detector: shared by the weekly job, the
// CLI and the benchmark (the server's features do not import each other; docs/architecture.md).

export interface PatternPeriod {
  from: CalendarDate;
  to: CalendarDate;
  /** Only complaints received on or before this day count, and only weeks complete by then are judged. */
  asOf: CalendarDate;
}

/** The last Sunday on or before a day: the end of the last complete week. */
export function lastCompleteWeekEnd(asOf: CalendarDate): CalendarDate {
  const monday = mondayOf(asOf);
  return asOf === addDays(monday, 6) ? asOf : addDays(monday, -1);
}

/**
 * Spikes of an organisation over a period: weekly counts from the database (SQL GROUP BY, up to three years of
 * history before the period), then the pure detector. Never loads the files.
 */
export async function computeSpikes(
  database: Database,
  organisationId: string,
  period: PatternPeriod,
): Promise<Result<DetectionResult>> {
  const end = lastCompleteWeekEnd(period.asOf);
  // Calendar dates compare as strings (AAAA-MM-JJ): the earlier of the two.
  const to = [period.to, end].sort()[0]!;
  if (to < period.from) {
    return fail(
      'PERIOD_NOT_OVER',
      'Aucune semaine complète dans la période à la date de calcul : les semaines sont jugées une fois terminées (du lundi au dimanche).',
      'to',
    );
  }
  const historyFrom = addDays(mondayOf(period.from), -7 * MAX_BASELINE_WEEKS);
  const counts = await weeklyCounts(database.db, organisationId, historyFrom, to);
  return detectSpikes({ counts, from: period.from, to });
}
