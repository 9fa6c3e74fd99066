import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { insertRun, latestRun, weeklyCounts } from '../../db/repositories/patterns.ts';
import { organisations, users } from '../../db/schema.ts';
import { mondayOf } from '../../domain/patterns/cells.ts';
import { type DetectionResult, detectSpikes } from '../../domain/patterns/detect.ts';
import { MAX_BASELINE_WEEKS } from '../../domain/patterns/expectation.ts';
import { addDays, type CalendarDate, parisDateOf } from '../../domain/shared/calendar-date.ts';
import { fail, type Result } from '../../domain/shared/result.ts';
import type { AppContext } from '../context.ts';
import { notifyInTransaction, queueEmails } from '../notifications/notify.ts';

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

/**
 * The weekly job for one organisation: the last complete week is analysed, the run and its alerts stored, and the
 * organisation's supervisors notified of each alert, in one transaction; e-mails are queued after the commit.
 * Notification keys (organisation, week, combination) make a second run of the same week harmless.
 */
export async function runWeeklyPatterns(
  ctx: AppContext,
  organisationId: string,
): Promise<{ alerts: number }> {
  const started = performance.now();
  const asOf = parisDateOf(ctx.now());
  const end = lastCompleteWeekEnd(asOf);
  const period = { from: mondayOf(end), to: end, asOf };
  const result = await computeSpikes(ctx.database, organisationId, period);
  const computedAt = ctx.now();
  const durationMs = Math.round(performance.now() - started);
  const supervisors = await ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), eq(users.organisationId, organisationId)));
  const notificationIds = await ctx.database.db.transaction(async (tx) => {
    if (!result.ok) {
      await insertRun(
        tx,
        {
          organisationId,
          periodFrom: period.from,
          periodTo: period.to,
          asOf,
          status: 'insufficient_history',
          message: result.error.message,
          weeks: [],
          durationMs,
          computedAt,
        },
        [],
      );
      return [];
    }
    const { alerts, weeks, skipped } = result.value;
    await insertRun(
      tx,
      {
        organisationId,
        periodFrom: period.from,
        periodTo: period.to,
        asOf,
        status: 'done',
        message: null,
        weeks: { analysed: weeks, skipped },
        durationMs,
        computedAt,
      },
      alerts,
    );
    return notifyInTransaction(
      tx,
      alerts.flatMap((alert) =>
        supervisors.map((s) => ({
          userId: s.id,
          dossierId: null,
          kind: 'patterns.spike',
          title: 'Pic de réclamations détecté',
          body: alert.explanation,
          dedupeKey: `patterns:${organisationId}:${alert.weekStart}:${JSON.stringify(alert.dimensions)}:${s.id}`,
          createdAt: computedAt,
        })),
      ),
    );
  });
  await queueEmails(ctx, notificationIds);
  return { alerts: result.ok ? result.value.alerts.length : 0 };
}

/** Every organisation, one after the other (the job runs weekly; each organisation's work is bounded). */
export async function runWeeklyPatternsForAll(ctx: AppContext): Promise<void> {
  const rows = await ctx.database.db.select({ id: organisations.id }).from(organisations);
  for (const row of rows) await runWeeklyPatterns(ctx, row.id);
}

export async function storedPatterns(database: Database, organisationId: string) {
  return latestRun(database.db, organisationId);
}
