import { sql } from 'drizzle-orm';
import { BACKLOG_BUCKETS, HANDLING_TIME_BUCKETS } from '../../domain/kpi/definitions.ts';
import type { Db } from '../client.ts';
import { bucketSql, type KpiDimension, type KpiGroup, type KpiScope, NO_COUNTS, rowsOf } from './kpi.ts';

/**
 * The KPI groups of `kpiGroups` (src/db/repositories/kpi.ts, the file scan, which stays the reference) read from the
 * daily aggregates of migration 0019: a few rows per day of the period instead of every file. Exact when
 * `dailyAggregatesExact` says so: the aggregates hold the files as they stand now, which are the files as they stood at
 * the as-of date when none of their dates is after it.
 */
export async function dailyAggregatesExact(db: Db, scope: KpiScope): Promise<boolean> {
  const result = await db.execute(sql`
    select coalesce(max(max_fact_on) <= ${scope.asOf}::date, true) as dated_ok,
      coalesce(sum(unjudged), 0)::int as unjudged
    from kpi_daily
    where organisation_id = ${scope.organisationId}
      and received_on between ${scope.from}::date and ${scope.to}::date
  `);
  const row = rowsOf<{ dated_ok: boolean; unjudged: number }>(result)[0];
  return row !== undefined && row.dated_ok === true && Number(row.unjudged) === 0;
}

/**
 * Folds the slots of the days before `before` into one row per key (migration 0021): concurrent writers spread a
 * day's counts over up to 8 rows so as not to wait on each other; those days are rebuilt from their files, one row
 * per key again. Returns the days rebuilt.
 */
export async function foldKpiDailySlots(db: Db, before: string): Promise<number> {
  const result = await db.execute(sql`select kpi_daily_fold_slots(${before}::date) as folded`);
  return Number(rowsOf<{ folded: number }>(result)[0]?.folded ?? 0);
}

function bucketOf(days: number, buckets: readonly { key: string; min: number; max: number | null }[]) {
  return buckets.find((b) => days >= b.min && (b.max === null || days <= b.max))?.key;
}

/** Median of a histogram (value → count): the mean of the two middle values for an even count, as percentile_cont. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = values.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, n] of values) {
      seen += n;
      if (rank < seen) return v;
    }
    return values.at(-1)![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export async function kpiGroupsFromDaily(db: Db, scope: KpiScope): Promise<KpiGroup[]> {
  const asOf = sql`${scope.asOf}::date`;
  const period = sql`organisation_id = ${scope.organisationId}
    and received_on between ${scope.from}::date and ${scope.to}::date`;
  // Judged when read: files with neither acknowledgment nor answer, and files without answer, are late once their
  // due date is strictly before the as-of date; open files fall in a backlog bucket by their age at the as-of date.
  const days = db.execute(sql`
    with days as (
      select k.*, c.acknowledgment_due_on as ack_due, (k.received_on + interval '2 months')::date as ans_due,
        to_char(k.received_on, 'YYYY-MM') as month,
        ${bucketSql(sql`(${asOf} - k.received_on)`, BACKLOG_BUCKETS)} as backlog
      from kpi_daily k join kpi_calendar c on c.day = k.received_on
      where ${period}
    )
    select grouping(handler, month, backlog)::int as g, handler, month, backlog,
      sum(files)::int as count, sum(files - answered)::int as open,
      sum(ack_in_time)::int as ack_in_time,
      (sum(ack_late) + coalesce(sum(ack_none) filter (where ack_due < ${asOf}), 0))::int as ack_late,
      sum(answer_in_time)::int as answer_in_time,
      (sum(answer_late) + coalesce(sum(files - answered) filter (where ans_due < ${asOf}), 0))::int as answer_late,
      sum(answered)::int as answered, sum(mediated)::int as mediated,
      sum(satisfaction_sum)::int as satisfaction_sum, sum(satisfaction_count)::int as satisfaction_count
    from days
    group by grouping sets ((), (handler), (month), (backlog))
  `);
  const dims = db.execute(sql`
    select grouping(week)::int as g, dim, key, week, sum(files)::int as files
    from (
      select dim, key, files, case when dim = 'category'
        then to_char(date_trunc('week', received_on), 'YYYY-MM-DD') end as week
      from kpi_daily_dims where ${period}
    ) d
    group by grouping sets ((dim, key), (dim, key, week))
  `);
  const answers = db.execute(sql`
    select handler, days, sum(files)::int as files from kpi_daily_answers where ${period}
    group by handler, days
  `);
  const [dayRows, dimRows, answerRows] = await Promise.all([days, dims, answers]);

  const total = new Map<number, number>();
  const byHandler = new Map<string, Map<number, number>>();
  for (const r of rowsOf<{ handler: string; days: number; files: number }>(answerRows)) {
    const n = Number(r.files);
    if (n === 0) continue;
    total.set(Number(r.days), (total.get(Number(r.days)) ?? 0) + n);
    const h = byHandler.get(r.handler) ?? new Map<number, number>();
    h.set(Number(r.days), (h.get(Number(r.days)) ?? 0) + n);
    byHandler.set(r.handler, h);
  }

  const groups: KpiGroup[] = [];
  for (const r of rowsOf<Record<string, unknown>>(dayRows)) {
    const g = Number(r.g);
    const counts = {
      count: Number(r.count),
      open: Number(r.open),
      ackInTime: Number(r.ack_in_time),
      ackLate: Number(r.ack_late),
      answerInTime: Number(r.answer_in_time),
      answerLate: Number(r.answer_late),
      answered: Number(r.answered),
      mediated: Number(r.mediated),
      satisfactionSum: Number(r.satisfaction_sum),
      satisfactionCount: Number(r.satisfaction_count),
    };
    if (g === 0b111) {
      groups.push({ by: [], key: {}, ...counts, medianDaysToAnswer: histogramMedian(total) });
    } else if (counts.count === 0) {
      // Rows left at zero by deletions or moves: the file scan has no group for them.
    } else if (g === 0b011) {
      const handler = r.handler === '' ? null : String(r.handler);
      groups.push({
        by: ['handler'],
        key: { handler },
        ...counts,
        medianDaysToAnswer: histogramMedian(byHandler.get(String(r.handler)) ?? new Map()),
      });
    } else if (g === 0b101) {
      groups.push({ by: ['month'], key: { month: String(r.month) }, ...counts, medianDaysToAnswer: null });
    } else if (g === 0b110 && r.backlog !== null && counts.open > 0) {
      // The file scan groups open files only by their age: a day with no open file has no backlog group.
      groups.push({ by: ['backlog'], key: { backlog: String(r.backlog) }, ...NO_COUNTS, count: counts.open });
    }
  }
  for (const r of rowsOf<{ g: number; dim: string; key: string; week: string | null; files: number }>(
    dimRows,
  )) {
    const files = Number(r.files);
    if (files === 0) continue;
    if (Number(r.g) === 0) {
      if (r.dim !== 'category') continue;
      groups.push({
        by: ['category', 'week'],
        key: { category: r.key, week: r.week },
        ...NO_COUNTS,
        count: files,
      });
      continue;
    }
    const dim = r.dim as KpiDimension;
    if (dim === 'outcome') {
      groups.push({
        by: [dim],
        key: { outcome: r.key === '' ? null : r.key },
        ...NO_COUNTS,
        count: files,
        answered: files,
      });
    } else {
      groups.push({ by: [dim], key: { [dim]: r.key }, ...NO_COUNTS, count: files });
    }
  }
  const handling = new Map<string, number>();
  for (const [d, n] of total) {
    const key = bucketOf(d, HANDLING_TIME_BUCKETS);
    if (key) handling.set(key, (handling.get(key) ?? 0) + n);
  }
  for (const [key, n] of handling)
    groups.push({ by: ['handling'], key: { handling: key }, ...NO_COUNTS, count: n });
  return groups;
}
