import { isNull, lt, or, sql } from 'drizzle-orm';
import { colourDaysOf } from '../../domain/register/colour-days.ts';
import {
  type DeadlineProjection,
  PROJECTION_VERSION,
  type ProjectedFile,
  projectDeadlines,
} from '../../domain/register/projection.ts';
import { type CalendarDate, parisDateOf } from '../../domain/shared/calendar-date.ts';
import type { Db } from '../client.ts';
import { dossiers } from '../schema.ts';
import { rowsOf } from './kpi.ts';

/** The projection columns of `dossiers`, as the one deadline engine fills them. */
export type ProjectionColumns = Pick<
  typeof dossiers.$inferInsert,
  | 'complaintOn'
  | 'slaAckDueOn'
  | 'slaAckStatus'
  | 'slaAckDone'
  | 'slaAckActionable'
  | 'slaAnswerDueOn'
  | 'slaAnswerStatus'
  | 'slaAnswerDone'
  | 'slaAnswerActionable'
  | 'nextDueOn'
  | 'nextDueClock'
  | 'nextDueParty'
  | 'mediationOpensOn'
  | 'mediationDueOn'
  | 'slaAmberOn'
  | 'slaRedOn'
  | 'projectionVersion'
>;

export function projectionColumns(p: DeadlineProjection): ProjectionColumns {
  return {
    complaintOn: p.complaintOn,
    slaAckDueOn: p.acknowledgment.dueOn,
    slaAckStatus: p.acknowledgment.status,
    slaAckDone: p.acknowledgment.done,
    slaAckActionable: p.acknowledgment.actionable,
    slaAnswerDueOn: p.answer.dueOn,
    slaAnswerStatus: p.answer.status,
    slaAnswerDone: p.answer.done,
    slaAnswerActionable: p.answer.actionable,
    nextDueOn: p.nextDueOn,
    nextDueClock: p.nextDueClock,
    nextDueParty: p.nextDueParty,
    mediationOpensOn: p.mediationOpensOn,
    mediationDueOn: p.mediationDueOn,
    slaAmberOn: p.colourDays?.amberOn ?? null,
    slaRedOn: p.colourDays?.redOn ?? null,
    projectionVersion: PROJECTION_VERSION,
  };
}

type FileFields = Pick<
  typeof dossiers.$inferSelect,
  'facts' | 'organisationKind' | 'zone' | 'status' | 'createdAt'
>;

/** The projection columns of a file on the Paris day of `at` (the day of the change). */
export function projectionOf(file: FileFields, at: Date): ProjectionColumns {
  const input: ProjectedFile = {
    facts: file.facts,
    organisationKind: file.organisationKind,
    zone: file.zone,
    status: file.status,
    openedOn: parisDateOf(file.createdAt),
  };
  return projectionColumns(projectDeadlines(input, parisDateOf(at)));
}

/** The projection's columns, as `projectionColumns` fills them. */
export const PROJECTION_KEYS: readonly (keyof ProjectionColumns)[] = Object.keys(
  projectionColumns(
    projectDeadlines(
      { facts: {}, organisationKind: 'mutuelle', zone: 'metropole', status: 'draft', openedOn: '2026-01-01' },
      '2026-01-01' as CalendarDate,
    ),
  ),
) as (keyof ProjectionColumns)[];

/** True when the stored columns differ from `next` (the second UPDATE is skipped when nothing moved). */
export function projectionChanged(row: Partial<ProjectionColumns>, next: ProjectionColumns): boolean {
  return PROJECTION_KEYS.some((k) => (row[k] ?? null) !== (next[k] ?? null));
}

/**
 * Projects files written before the projection existed (migration 0005), or by an older PROJECTION_VERSION, in
 * batches: SQL cannot run the engine, so this runs in JavaScript at start and at `recours db migrate`. Files of
 * version 1 are completed from their stored clocks first (`completeFromClocks`), without running the engine.
 */
export async function backfillProjections(db: Db, now: Date, batchSize = 500): Promise<number> {
  let done = await completeFromClocks(db);
  for (;;) {
    const rows = await db
      .select({
        id: dossiers.id,
        facts: dossiers.facts,
        organisationKind: dossiers.organisationKind,
        zone: dossiers.zone,
        status: dossiers.status,
        createdAt: dossiers.createdAt,
      })
      .from(dossiers)
      .where(or(isNull(dossiers.projectionVersion), lt(dossiers.projectionVersion, PROJECTION_VERSION)))
      .limit(batchSize);
    if (rows.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        await tx.update(dossiers).set(projectionOf(row, now)).where(sql`${dossiers.id} = ${row.id}`);
      }
    });
    done += rows.length;
  }
}

/**
 * Version 1 stored the engine's clocks but not the colour days (version 2): they follow from the stored clocks
 * alone (`colourDaysOf`, the same function the projection calls), so a million files are completed by batches of
 * one SELECT and one UPDATE each, in id order, instead of running the engine again on each file. Returns how many
 * files were completed. Versions are literal: a later version completes from 2, whatever this step did.
 */
export async function completeFromClocks(db: Db, batchSize = 5000): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const rows = rowsOf<{
      id: string;
      ack_status: string | null;
      ack_due: string | null;
      answer_status: string | null;
      answer_due: string | null;
    }>(
      await db.execute(sql`
        select id::text as id, sla_ack_status as ack_status, sla_ack_due_on::text as ack_due,
          sla_answer_status as answer_status, sla_answer_due_on::text as answer_due
        from dossiers where projection_version = 1 and id > ${after}::uuid order by id limit ${batchSize}`),
    );
    if (rows.length === 0) return done;
    const completed = rows.map((r) => {
      const days = colourDaysOf([
        { id: 'complaint.acknowledgment', status: r.ack_status ?? 'absent', dueOn: r.ack_due },
        { id: 'complaint.answer', status: r.answer_status ?? 'absent', dueOn: r.answer_due },
      ]);
      return { id: r.id, amber: days?.amberOn ?? null, red: days?.redOn ?? null };
    });
    // A file written meanwhile by this version is left as written (projection_version no longer 1).
    await db.execute(sql`
      update dossiers d set sla_amber_on = r.amber, sla_red_on = r.red, projection_version = 2
      from jsonb_to_recordset(${JSON.stringify(completed)}::jsonb) as r(id uuid, amber date, red date)
      where d.id = r.id and d.projection_version = 1`);
    done += rows.length;
    after = rows.at(-1)!.id;
  }
}

/**
 * After an UPDATE that may have moved facts or status: projects the written row again (same transaction) and
 * writes the columns only if they moved. Returns the row as stored.
 */
export async function reproject<R extends FileFields & Partial<ProjectionColumns> & { id: string }>(
  db: Db,
  row: R,
  at: Date,
): Promise<R> {
  const next = projectionOf(row, at);
  if (!projectionChanged(row, next)) return row;
  await db.update(dossiers).set(next).where(sql`${dossiers.id} = ${row.id}`);
  return { ...row, ...next };
}

/** Keys whose change can move the projection. */
export const PROJECTED_INPUTS = ['facts', 'status', 'organisationKind', 'zone'] as const;
export function touchesProjection(values: object): boolean {
  return PROJECTED_INPUTS.some((k) => k in values);
}
