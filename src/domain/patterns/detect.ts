import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import {
  buildCellTable,
  type CellTable,
  type Dimensions,
  dimensionsOf,
  mondayOf,
  type WeeklyCountRow,
  weekIndex,
  weekStartOf,
} from './cells.ts';
import { designsFor, type Expectation, expectationOf, MIN_BASELINE_WEEKS, surprise } from './expectation.ts';
import { spikeExplanation } from './explanation.ts';
import { keepMostSpecific, type TestedCell } from './hierarchy.ts';
import { holmCut } from './multiple-testing.ts';

/** The alert of the JSON contract (`npx recours patterns`), plus what the dashboard needs to sort. */
export interface SpikeAlert {
  dimensions: Dimensions;
  weekStart: CalendarDate;
  observed: number;
  expected: number;
  /** −log₁₀ of the probability of at least this count under the expectation (3 = one chance in 1 000). */
  score: number;
  explanation: string;
}

export interface DetectionOptions {
  /** Probability of at least one false alert in a week (Holm's procedure over all cells of the week). */
  weeklyAlpha: number;
  /** A cell is tested only with at least this many complaints in the week (and no alert shows fewer: privacy). */
  minObserved: number;
  /** Level of the tests that decide whether a combination is explained by another (docs/patterns.md). */
  explainAlpha: number;
}

export const DEFAULT_DETECTION: DetectionOptions = {
  weeklyAlpha: 0.01,
  minObserved: 5,
  explainAlpha: 0.001,
};

export interface DetectionInput {
  /** Weekly counts from the first week of history up to `to` (GROUP BY week and the four dimensions). */
  counts: readonly WeeklyCountRow[];
  /** First and last day of the analysed period; every week whose Monday falls in it is analysed. */
  from: CalendarDate;
  to: CalendarDate;
}

export interface DetectionResult {
  alerts: SpikeAlert[];
  /** Weeks analysed and the number of cells tested in each. */
  weeks: { weekStart: CalendarDate; cellsTested: number; alerts: number }[];
  /** Weeks of the period that could not be analysed, with the French reason. */
  skipped: { weekStart: CalendarDate; reason: string }[];
}

/** The cell of every complaint (no dimension fixed). */
const TOTAL_KEY = 0;

/** The week's other complaints (every complaint but the cell's), up to week `t`: the denominator of its share. */
function restOf(
  total: Int32Array | undefined,
  cell: Int32Array,
  key: number,
  t: number,
): Float64Array | undefined {
  if (!total || key === TOTAL_KEY) return undefined;
  const rest = new Float64Array(t + 1);
  for (let s = 0; s <= t; s++) rest[s] = total[s]! - cell[s]!;
  return rest;
}

function insufficientHistory(table: CellTable | undefined, from: CalendarDate): string {
  const needed = `au moins ${MIN_BASELINE_WEEKS} semaines de réclamations avant la première semaine analysée`;
  if (!table) {
    return `Aucune réclamation enregistrée avant le ${formatFrenchDate(from)} : la détection des pics compare chaque semaine à ce que l’historique laisse attendre et demande ${needed}. Importez l’historique du registre ou choisissez une période plus tardive.`;
  }
  return `L’historique commence la semaine du ${formatFrenchDate(table.firstWeek)} : la détection des pics demande ${needed} (six mois), et une saisonnalité n’est prise en compte qu’avec plus d’un an. Importez l’historique du registre ou choisissez une période commençant après le ${formatFrenchDate(weekStartOf(table, MIN_BASELINE_WEEKS))}.`;
}

/**
 * Weekly spike detection over every combination of up to three dimensions (docs/patterns.md): one expectation
 * per cell and week (Farrington flexible, expectation.ts), Holm's step-down Bonferroni over the cells of each week, then one
 * alert per phenomenon (hierarchy.ts). Pure: the counts come from the database, the period from the caller.
 */
export function detectSpikes(
  input: DetectionInput,
  options: DetectionOptions = DEFAULT_DETECTION,
): Result<DetectionResult> {
  if (input.from > input.to) {
    return fail('INVALID_PERIOD', 'La date de début doit précéder la date de fin de la période.', 'from');
  }
  const lastWeek = mondayOf(input.to);
  const table = buildCellTable(
    input.counts.filter((r) => r.weekStart <= lastWeek),
    lastWeek,
  );
  const firstAnalysed = mondayOf(input.from);
  if (!table || firstAnalysed > lastWeek) {
    return fail('INSUFFICIENT_HISTORY', insufficientHistory(undefined, input.from), 'from');
  }
  const result: DetectionResult = { alerts: [], weeks: [], skipped: [] };
  const start = Math.max(0, weekIndex(table, firstAnalysed));
  for (let t = start; t < table.weekCount; t++) {
    const weekStart = weekStartOf(table, t);
    const designs = designsFor(t, 0);
    if (!designs) {
      result.skipped.push({ weekStart, reason: insufficientHistory(table, input.from) });
      continue;
    }
    const cache = new Map<number, Expectation | undefined>();
    const total = table.series.get(TOTAL_KEY);
    const expectation = (key: number) => {
      if (!cache.has(key)) {
        const s = table.series.get(key);
        cache.set(key, s ? expectationOf(s, designs, restOf(total, s, key, designs.t)) : undefined);
      }
      return cache.get(key);
    };
    const tested: TestedCell[] = [];
    for (const [key, series] of table.series) {
      const observed = series[t]!;
      if (observed < options.minObserved) continue;
      const e = expectation(key);
      if (!e) continue;
      tested.push({ key, observed, expectation: e, pValue: surprise(observed, e) });
    }
    const cut = holmCut(
      tested.map((c) => c.pValue),
      options.weeklyAlpha,
      table.series.size,
    );
    const significant = tested.filter((c) => c.pValue <= cut);
    const observedOf = (key: number) => table.series.get(key)?.[t] ?? 0;
    const kept = keepMostSpecific(
      significant,
      { observedOf, expectationOf: expectation },
      options.explainAlpha,
    );
    for (const cell of kept) {
      const dimensions = dimensionsOf(table, cell.key);
      result.alerts.push({
        dimensions,
        weekStart,
        observed: cell.observed,
        expected: Math.round(cell.expectation.expected * 10) / 10,
        score: Math.round(Math.min(99, -Math.log10(Math.max(cell.pValue, 1e-99))) * 10) / 10,
        explanation: spikeExplanation(dimensions, weekStart, cell.observed, cell.expectation, cell.pValue),
      });
    }
    result.weeks.push({ weekStart, cellsTested: tested.length, alerts: kept.length });
  }
  if (result.weeks.length === 0) {
    return fail('INSUFFICIENT_HISTORY', insufficientHistory(table, input.from), 'from');
  }
  result.alerts.sort((a, b) =>
    a.weekStart === b.weekStart ? b.score - a.score : a.weekStart < b.weekStart ? -1 : 1,
  );
  return ok(result);
}
