/**
 * Law as data, one model for every rule (deadlines, reimbursement): a parameter is a list of dated values, each
 * with the text it comes from and how sure we are of it, the way OpenFisca-France keeps its parameters. Code asks
 * "the value on this date" through `valueOn`, never hard-codes a number. Sources are listed in docs/sources.md.
 * See docs/decisions/0005-law-as-dated-parameters.md.
 */
import type { CalendarDate } from './calendar-date.ts';

/**
 * ✅ confirmed (read in a primary or official text), ◐ secondary source only, ❌ unconfirmed. A value that is not
 * confirmed must say so to the user next to what it feeds.
 */
export type Confidence = 'confirmed' | 'secondary' | 'unconfirmed';

export interface DatedValue<T> {
  value: T;
  /** First day the value applies (inclusive); null = in force before any date the rules handle. */
  from: CalendarDate | null;
  source: string;
  confidence: Confidence;
  /** Why the value is not settled, or what to check: shown to the user with what it feeds. */
  note?: string;
}

export interface DatedParameter<T = number, U extends string = string> {
  id: string;
  /** French label, shown in explanations. */
  label: string;
  unit: U;
  /** Sorted by `from`, ascending (null first); never empty. */
  values: readonly [DatedValue<T>, ...DatedValue<T>[]];
}

/** Builds a parameter with its values sorted by start date, so that tables can be written in any order. */
export function datedParameter<T, U extends string>(
  id: string,
  label: string,
  unit: U,
  values: readonly [DatedValue<T>, ...DatedValue<T>[]],
): DatedParameter<T, U> {
  const sorted = [...values].sort((a, b) => compareFrom(a.from, b.from)) as [
    DatedValue<T>,
    ...DatedValue<T>[],
  ];
  return { id, label, unit, values: sorted };
}

function compareFrom(a: CalendarDate | null, b: CalendarDate | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The value in force on `date`, or undefined when the date precedes the first dated value. */
export function valueOn<T>(param: DatedParameter<T>, date: CalendarDate): DatedValue<T> | undefined {
  let found: DatedValue<T> | undefined;
  for (const v of param.values) {
    if (v.from === null || v.from <= date) found = v;
    else break;
  }
  return found;
}

/**
 * The value in force on `date`, or the oldest one when the date precedes them all: for rules that apply the
 * oldest known text to older facts and warn about it in their notes (e.g. complaints before the ACPR
 * recommendation of 2022).
 */
export function valueOnOrOldest<T>(param: DatedParameter<T>, date: CalendarDate): DatedValue<T> {
  return valueOn(param, date) ?? param.values[0];
}
