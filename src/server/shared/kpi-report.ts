import { DOSSIER_CATEGORIES } from '../../contracts/categories.ts';
import type { Db } from '../../db/client.ts';
import {
  type KpiCounts,
  type KpiGroup,
  kpiGroups,
  NO_COUNTS,
  reopenedCount,
  staffNames,
} from '../../db/repositories/kpi.ts';
import { ensureKpiCalendar } from '../../db/repositories/kpi-calendar.ts';
import { dailyAggregatesExact, kpiGroupsFromDaily } from '../../db/repositories/kpi-daily.ts';
import { BACKLOG_BUCKETS, HANDLING_TIME_BUCKETS } from '../../domain/kpi/definitions.ts';
import type { KpiPeriod } from '../../domain/kpi/period.ts';
import { mean2, rate } from '../../domain/kpi/rules.ts';

export interface Compliance {
  count: number;
  openCount: number;
  acknowledgedInTimeRate: number | null;
  answeredInTimeRate: number | null;
}

function compliance(c: KpiCounts): Compliance {
  return {
    count: c.count,
    openCount: c.open,
    acknowledgedInTimeRate: rate(c.ackInTime, c.ackInTime + c.ackLate),
    answeredInTimeRate: rate(c.answerInTime, c.answerInTime + c.answerLate),
  };
}

/**
 * Where the figures are read: `auto` reads the daily aggregates (migration 0019) when they are exact for the as-of
 * date, else the files; `files` always scans the files (the reference, and the bench's comparison).
 */
export type KpiSource = 'auto' | 'files';

/**
 * The KPIs of an organisation for a period (issue 14), with exactly the key names of the issue, then the
 * breakdowns a manager expects and the series the dashboard draws. The figures come from the daily aggregates,
 * or from one scan of the period's files when a date of the period is after the as-of date (decision 0008).
 */
export async function kpiReport(
  db: Db,
  organisationId: string,
  period: KpiPeriod,
  source: KpiSource = 'auto',
) {
  await ensureKpiCalendar(db, Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4)) + 1);
  const scope = { organisationId, ...period };
  const fromDaily = source === 'auto' && (await dailyAggregatesExact(db, scope));
  const [groups, reopened] = await Promise.all([
    fromDaily ? kpiGroupsFromDaily(db, scope) : kpiGroups(db, scope),
    reopenedCount(db, scope),
  ]);
  const of = (...dims: string[]) => groups.filter((g) => g.by.join('+') === dims.join('+'));
  const total = of()[0] ?? { ...NO_COUNTS, by: [], key: {} };
  const counts = (dim: string, keyOf: (g: KpiGroup) => string | null | undefined = (g) => g.key[g.by[0]!]) =>
    Object.fromEntries(
      of(dim)
        .filter((g) => keyOf(g) != null)
        .map((g) => [keyOf(g)!, g.count]),
    );
  const handlerGroups = of('handler');
  const names = await staffNames(
    db,
    handlerGroups.flatMap((g) => (g.key.handler ? [g.key.handler] : [])),
  );
  const byCategory = Object.fromEntries(DOSSIER_CATEGORIES.map((c) => [c, 0]));
  Object.assign(byCategory, counts('category'));
  const backlog = new Map(of('backlog').map((g) => [g.key.backlog, g.count]));
  const handling = new Map(of('handling').map((g) => [g.key.handling, g.count]));
  const outcomes = { accepted: 0, partial: 0, rejected: 0, unspecified: 0 };
  for (const g of of('outcome')) {
    const k = (g.key.outcome ?? 'unspecified') as keyof typeof outcomes;
    if (k in outcomes) outcomes[k] += g.answered;
  }
  const satisfaction = Object.fromEntries([1, 2, 3, 4, 5].map((s) => [String(s), 0]));
  for (const g of of('satisfaction')) if (g.key.satisfaction) satisfaction[g.key.satisfaction] = g.count;

  return {
    organisationId,
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    count: total.count,
    openCount: total.open,
    byCategory,
    acknowledgedInTimeRate: rate(total.ackInTime, total.ackInTime + total.ackLate),
    answeredInTimeRate: rate(total.answerInTime, total.answerInTime + total.answerLate),
    medianDaysToAnswer: total.medianDaysToAnswer,
    mediationRate: rate(total.mediated, total.answered),
    satisfactionMean: mean2Of(total),
    byChannel: counts('channel'),
    byProduct: counts('product'),
    byRegion: counts('region'),
    byHandler: handlerGroups
      .map((g) => ({
        handlerId: g.key.handler ?? null,
        name: g.key.handler ? (names.get(g.key.handler) ?? 'Compte supprimé') : 'Non attribué',
        ...compliance(g),
        medianDaysToAnswer: g.medianDaysToAnswer,
      }))
      .sort((a, b) => b.count - a.count),
    backlogByAge: BACKLOG_BUCKETS.map((b) => ({
      bucket: b.key,
      label: b.label,
      count: backlog.get(b.key) ?? 0,
    })),
    outcomes,
    reopenings: reopened,
    series: {
      // Dimensions in KPI_DIMENSIONS order (category before week), as kpiGroups names them.
      weeklyByCategory: of('category', 'week')
        .map((g) => ({ week: g.key.week!, category: g.key.category!, count: g.count }))
        .sort((a, b) =>
          a.week === b.week ? a.category.localeCompare(b.category) : a.week < b.week ? -1 : 1,
        ),
      monthlyCompliance: of('month')
        .map((g) => ({ month: g.key.month!, ...compliance(g) }))
        .sort((a, b) => (a.month < b.month ? -1 : 1)),
      handlingTime: HANDLING_TIME_BUCKETS.map((b) => ({
        bucket: b.key,
        label: b.label,
        count: handling.get(b.key) ?? 0,
      })),
      satisfaction,
    },
  };
}
export type KpiReport = Awaited<ReturnType<typeof kpiReport>>;

function mean2Of(c: KpiCounts): number | null {
  if (c.satisfactionCount === 0) return null;
  // The exact mean (sum / count), rounded once, as mean2 does on the list of scores.
  return mean2([c.satisfactionSum / c.satisfactionCount]);
}
