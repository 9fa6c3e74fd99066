import { addMonths, type CalendarDate, daysBetween } from '../shared/calendar-date.ts';
import { ANSWER_MONTHS, acknowledgmentDueOn } from './calendar.ts';

/**
 * The KPI rules on one complaint, as plain functions: the SQL of src/db/repositories/kpi.ts computes the same
 * aggregates at scale, and its tests compare both on the same files. A fact dated after the as-of date has not
 * happened yet at that date (the figures can be recomputed as they stood on any past day).
 */
export interface KpiComplaint {
  receivedOn: CalendarDate;
  acknowledgedOn?: CalendarDate | null;
  answeredOn?: CalendarDate | null;
  mediationReferredOn?: CalendarDate | null;
  satisfaction?: number | null;
}

export type Timeliness = 'in_time' | 'late' | 'not_counted';

/** Answer due date: same day number 2 months later, or the month's last day (CPC art. 641 al. 2); no roll-over. */
export function answerDueOn(received: CalendarDate): CalendarDate {
  return addMonths(received, ANSWER_MONTHS);
}

const known = (date: CalendarDate | null | undefined, asOf: CalendarDate) =>
  date && date <= asOf ? date : undefined;

function timeliness(done: CalendarDate | undefined, due: CalendarDate, asOf: CalendarDate): Timeliness {
  if (done) return done <= due ? 'in_time' : 'late';
  return due < asOf ? 'late' : 'not_counted';
}

/** In time when the earlier of acknowledgment and answer is on or before the due date (ACPR 2024-R-02). */
export function acknowledgmentTimeliness(c: KpiComplaint, asOf: CalendarDate): Timeliness {
  const ack = known(c.acknowledgedOn, asOf);
  const answer = known(c.answeredOn, asOf);
  const first = ack && answer ? (ack < answer ? ack : answer) : (ack ?? answer);
  return timeliness(first, acknowledgmentDueOn(c.receivedOn), asOf);
}

export function answerTimeliness(c: KpiComplaint, asOf: CalendarDate): Timeliness {
  return timeliness(known(c.answeredOn, asOf), answerDueOn(c.receivedOn), asOf);
}

/** A fraction rounded to four decimals, or null when nothing was counted. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** Median with the mean of the two middle values for an even count; null on an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean2(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

export interface CoreKpis {
  count: number;
  openCount: number;
  acknowledgedInTimeRate: number | null;
  answeredInTimeRate: number | null;
  medianDaysToAnswer: number | null;
  mediationRate: number | null;
  satisfactionMean: number | null;
}

/** The core KPIs over complaints already selected by their date of receipt (the reference implementation). */
export function coreKpis(complaints: readonly KpiComplaint[], asOf: CalendarDate): CoreKpis {
  const tally = (f: (c: KpiComplaint) => Timeliness) => {
    const states = complaints.map(f);
    const inTime = states.filter((s) => s === 'in_time').length;
    return rate(inTime, inTime + states.filter((s) => s === 'late').length);
  };
  const answered = complaints.filter((c) => known(c.answeredOn, asOf));
  const scores = complaints.flatMap((c) => (c.satisfaction ? [c.satisfaction] : []));
  return {
    count: complaints.length,
    openCount: complaints.length - answered.length,
    acknowledgedInTimeRate: tally((c) => acknowledgmentTimeliness(c, asOf)),
    answeredInTimeRate: tally((c) => answerTimeliness(c, asOf)),
    medianDaysToAnswer: median(answered.map((c) => daysBetween(c.receivedOn, c.answeredOn!))),
    mediationRate: rate(answered.filter((c) => known(c.mediationReferredOn, asOf)).length, answered.length),
    satisfactionMean: mean2(scores),
  };
}
