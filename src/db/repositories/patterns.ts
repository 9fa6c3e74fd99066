import { and, desc, eq, sql } from 'drizzle-orm';
import type { WeeklyCountRow } from '../../domain/patterns/cells.ts';
import type { SpikeAlert } from '../../domain/patterns/detect.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';
import type { Db } from '../client.ts';
import { organisations, patternAlerts, patternRuns } from '../schema.ts';

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/**
 * Weekly counts of an organisation's complaints by the four dimensions, computed in the database: one row per
 * week and combination that occurred (a few hundred thousand at most for two years of a million files), never
 * the files themselves. Weeks start on Monday (date_trunc('week') is ISO). Reads `dossiers.received_on`,
 * `product` and `region`, added by the history import (issue 14); an index on (organisation_id, received_on)
 * keeps the scan to the period. Drafts are the member's own until sent (issue 16): never counted.
 */
export async function weeklyCounts(
  db: Db,
  organisationId: string,
  from: CalendarDate,
  to: CalendarDate,
): Promise<WeeklyCountRow[]> {
  const result = await db.execute(sql`
    select to_char(date_trunc('week', d.received_on::timestamp), 'YYYY-MM-DD') as "weekStart",
           d.category, d.product, d.region, d.channel, count(*)::int as count
      from dossiers d
     where d.organisation_id = ${organisationId}
       and d.received_on >= ${from}::date
       and d.received_on <= ${to}::date
       and d.status <> 'draft'
     group by 1, 2, 3, 4, 5`);
  return rowsOf<WeeklyCountRow>(result);
}

export async function organisationIdByName(db: Db, name: string): Promise<string | undefined> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name))
    .limit(1);
  return rows[0]?.id;
}

export interface StoredRun {
  organisationId: string;
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  asOf: CalendarDate;
  status: 'done' | 'insufficient_history';
  message: string | null;
  weeks: unknown;
  durationMs: number;
  computedAt: Date;
}

/** One run and its alerts, in the caller's transaction. */
export async function insertRun(tx: Db, run: StoredRun, alerts: readonly SpikeAlert[]): Promise<string> {
  const [row] = await tx.insert(patternRuns).values(run).returning({ id: patternRuns.id });
  if (alerts.length > 0) {
    await tx.insert(patternAlerts).values(
      alerts.map((a) => ({
        runId: row!.id,
        organisationId: run.organisationId,
        weekStart: a.weekStart,
        dimensions: a.dimensions,
        observed: a.observed,
        expected: a.expected,
        score: a.score,
        explanation: a.explanation,
      })),
    );
  }
  return row!.id;
}

/** The latest run of an organisation with its alerts (bounded: a run holds a few weeks of alerts). */
export async function latestRun(db: Db, organisationId: string) {
  const [run] = await db
    .select()
    .from(patternRuns)
    .where(eq(patternRuns.organisationId, organisationId))
    .orderBy(desc(patternRuns.computedAt))
    .limit(1);
  if (!run) return undefined;
  const alerts = await db
    .select()
    .from(patternAlerts)
    .where(and(eq(patternAlerts.runId, run.id), eq(patternAlerts.organisationId, organisationId)))
    .orderBy(desc(patternAlerts.weekStart), desc(patternAlerts.score))
    .limit(500);
  return { run, alerts };
}
