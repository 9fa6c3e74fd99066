import { addDays, type CalendarDate, dayOfWeek, toDayNumber } from '../shared/calendar-date.ts';

/**
 * The cells of the spike detector: every combination of up to three of the four dimensions (and the total), with
 * one weekly series each. Values are coded as small integers so that a cell key is a number (a register of a
 * million files gives a few hundred thousand count rows; string keys were the slowest part).
 */

export const DIMENSIONS = ['category', 'product', 'region', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Dimensions = Partial<Record<Dimension, string>>;

/** Up to three dimensions per combination (issue 15); the empty set is the organisation's total. */
export const MAX_COMBINATION = 3;

/** One row of the weekly counts the database returns (GROUP BY week and the four dimensions). */
export interface WeeklyCountRow {
  /** Monday of the week (ISO week, as PostgreSQL's date_trunc('week', …)). */
  weekStart: CalendarDate;
  category: string | null;
  product: string | null;
  region: string | null;
  channel: string | null;
  count: number;
}

/** The Monday of the week a day falls in (weeks start on Monday, ISO 8601). */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** Every subset of the dimensions with at most MAX_COMBINATION members, as bit masks (bit i = DIMENSIONS[i]). */
export const DIMENSION_SETS: readonly number[] = Array.from({ length: 16 }, (_, mask) => mask).filter(
  (mask) => popCount(mask) <= MAX_COMBINATION,
);

export function popCount(mask: number): number {
  let n = 0;
  for (let m = mask; m > 0; m >>= 1) n += m & 1;
  return n;
}

/** Values of one dimension, coded 1…1023 (0 = the dimension is not part of the cell). */
const RADIX = 1024;

export interface CellTable {
  /** Monday of week 0. */
  firstWeek: CalendarDate;
  weekCount: number;
  /** Per dimension, value → code (1-based) and code → value. */
  codes: Map<string, number>[];
  values: string[][];
  /** Cell key → weekly counts. */
  series: Map<number, Int32Array>;
}

export function weekIndex(table: Pick<CellTable, 'firstWeek'>, weekStart: CalendarDate): number {
  return (toDayNumber(weekStart) - toDayNumber(table.firstWeek)) / 7;
}

export function weekStartOf(table: Pick<CellTable, 'firstWeek'>, index: number): CalendarDate {
  return addDays(table.firstWeek, index * 7);
}

/** Key of a cell from its four codes (0 = dimension absent). */
export function cellKey(codes: readonly number[]): number {
  return codes[0]! + RADIX * (codes[1]! + RADIX * (codes[2]! + RADIX * codes[3]!));
}

export function codesOf(key: number): number[] {
  const out: number[] = [];
  let k = key;
  for (let i = 0; i < DIMENSIONS.length; i++) {
    out.push(k % RADIX);
    k = Math.floor(k / RADIX);
  }
  return out;
}

export function dimensionsOf(table: CellTable, key: number): Dimensions {
  const codes = codesOf(key);
  const out: Dimensions = {};
  DIMENSIONS.forEach((d, i) => {
    if (codes[i]! > 0) out[d] = table.values[i]![codes[i]! - 1]!;
  });
  return out;
}

/**
 * Builds every cell's weekly series from the count rows. Rows must not be after `lastWeek`; weeks without any row
 * count zero (the register existed, nothing came in). A value missing (product unknown…) only drops the cells
 * that use that dimension.
 */
export function buildCellTable(
  rows: readonly WeeklyCountRow[],
  lastWeek: CalendarDate,
): CellTable | undefined {
  if (rows.length === 0) return undefined;
  let firstWeek = rows[0]!.weekStart;
  for (const r of rows) if (r.weekStart < firstWeek) firstWeek = r.weekStart;
  firstWeek = mondayOf(firstWeek);
  const weekCount = (toDayNumber(mondayOf(lastWeek)) - toDayNumber(firstWeek)) / 7 + 1;
  const codes = DIMENSIONS.map(() => new Map<string, number>());
  const values: string[][] = DIMENSIONS.map(() => []);
  const series = new Map<number, Int32Array>();
  const table: CellTable = { firstWeek, weekCount, codes, values, series };
  const rowCodes = [0, 0, 0, 0];
  const cell = [0, 0, 0, 0];
  for (const r of rows) {
    const w = weekIndex(table, mondayOf(r.weekStart));
    if (w < 0 || w >= weekCount || r.count <= 0) continue;
    const raw = [r.category, r.product, r.region, r.channel];
    for (let i = 0; i < 4; i++) {
      const v = raw[i];
      if (v === null || v === undefined || v === '') {
        rowCodes[i] = 0;
        continue;
      }
      let c = codes[i]!.get(v);
      if (c === undefined) {
        // Beyond 1023 values a "dimension" is an identifier, not a category: those values are left out.
        if (values[i]!.length >= RADIX - 1) {
          rowCodes[i] = 0;
          continue;
        }
        values[i]!.push(v);
        c = values[i]!.length;
        codes[i]!.set(v, c);
      }
      rowCodes[i] = c;
    }
    for (const mask of DIMENSION_SETS) {
      let usable = true;
      for (let i = 0; i < 4; i++) {
        if (mask & (1 << i)) {
          if (rowCodes[i] === 0) {
            usable = false;
            break;
          }
          cell[i] = rowCodes[i]!;
        } else cell[i] = 0;
      }
      if (!usable) continue;
      const key = cellKey(cell);
      let s = series.get(key);
      if (!s) {
        s = new Int32Array(weekCount);
        series.set(key, s);
      }
      s[w]! += r.count;
    }
  }
  return table;
}

/** A is a strict ancestor of B: fewer dimensions, same values on A's dimensions. */
export function isAncestor(a: number, b: number): boolean {
  if (a === b) return false;
  const ca = codesOf(a);
  const cb = codesOf(b);
  for (let i = 0; i < 4; i++) if (ca[i]! !== 0 && ca[i] !== cb[i]) return false;
  return true;
}

/** The cell both A and B contain (their intersection), null when disjoint, undefined beyond three dimensions. */
export function intersection(a: number, b: number): number | null | undefined {
  const ca = codesOf(a);
  const cb = codesOf(b);
  const out = [0, 0, 0, 0];
  let dims = 0;
  for (let i = 0; i < 4; i++) {
    if (ca[i]! !== 0 && cb[i]! !== 0 && ca[i] !== cb[i]) return null;
    out[i] = ca[i]! || cb[i]!;
    if (out[i]! !== 0) dims++;
  }
  if (dims > MAX_COMBINATION) return undefined;
  return cellKey(out);
}

export function dimensionCount(key: number): number {
  return codesOf(key).filter((c) => c !== 0).length;
}
