import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../snapshot.ts';

export interface AuditPackScope {
  organisationId: string;
  from: string;
  to: string;
  asOf: string;
}

export interface LateFile {
  reference: string;
  receivedOn: string;
  ackDueOn: string;
  ackOn: string | null;
  ackLate: boolean;
  answerDueOn: string;
  answerOn: string | null;
  answerLate: boolean;
}

/**
 * The files of the period late on either ACPR clock, judged exactly as the KPIs judge them (kpi_calendar for the
 * 10 working days, month arithmetic for the 2 months: src/db/repositories/kpi.ts), oldest first, at most `limit`,
 * with their total. The caller has filled kpi_calendar for the period (ensureKpiCalendar).
 */
export async function lateFiles(db: Db, scope: AuditPackScope, limit: number) {
  const asOf = sql`${scope.asOf}::date`;
  const judged = sql`
    with base as (
      select d.reference, d.received_on,
        case when d.acknowledged_on <= ${asOf} then d.acknowledged_on end as ack,
        case when d.answered_on <= ${asOf} then d.answered_on end as ans,
        c.acknowledgment_due_on as ack_due,
        (d.received_on + interval '2 months')::date as ans_due
      from dossiers d
      join kpi_calendar c on c.day = d.received_on
      where d.organisation_id = ${scope.organisationId}
        and d.received_on between ${scope.from}::date and ${scope.to}::date
        and d.status <> 'draft'
    ), judged as (
      select *,
        coalesce(case when least(ack, ans) is not null then least(ack, ans) > ack_due else ack_due < ${asOf} end, false) as ack_late,
        coalesce(case when ans is not null then ans > ans_due else ans_due < ${asOf} end, false) as ans_late
      from base
    )`;
  const [rows, total] = await Promise.all([
    db.execute(sql`${judged}
      select reference, received_on::text, ack_due::text, least(ack, ans)::text as ack_on, ack_late,
        ans_due::text, ans::text as ans_on, ans_late
      from judged where ack_late or ans_late
      order by received_on, reference limit ${limit}`),
    db.execute(sql`${judged} select count(*)::int as n from judged where ack_late or ans_late`),
  ]);
  return {
    total: rowsOf<{ n: number }>(total)[0]?.n ?? 0,
    files: rowsOf<Record<string, string | boolean | null>>(rows).map(
      (r): LateFile => ({
        reference: r.reference as string,
        receivedOn: r.received_on as string,
        ackDueOn: r.ack_due as string,
        ackOn: r.ack_on as string | null,
        ackLate: r.ack_late as boolean,
        answerDueOn: r.ans_due as string,
        answerOn: r.ans_on as string | null,
        answerLate: r.ans_late as boolean,
      }),
    ),
  };
}

/**
 * Unfavourable or partial answers of the period, and how many named the mediator: an answer written in Recours
 * records the mediator it named in its `dossier.decided` event; an answer recorded otherwise (imported history,
 * answer sent outside Recours) cannot be checked and is listed as such.
 */
export async function mediatorInAnswers(db: Db, scope: AuditPackScope, limit: number) {
  const base = sql`
    select d.reference, d.answered_on, d.decision,
      exists (select 1 from audit_events e
        where e.dossier_id = d.id and e.type = 'dossier.decided' and e.payload ? 'mediator') as named
    from dossiers d
    where d.organisation_id = ${scope.organisationId}
      and d.received_on between ${scope.from}::date and ${scope.to}::date
      and d.answered_on <= ${scope.asOf}::date
      and d.decision in ('rejected', 'partial')
      and d.status <> 'draft'`;
  const [counts, unchecked] = await Promise.all([
    db.execute(sql`with a as (${base})
      select count(*)::int as answers, count(*) filter (where named)::int as named from a`),
    db.execute(sql`with a as (${base})
      select reference, answered_on::text, decision from a where not named
      order by answered_on, reference limit ${limit}`),
  ]);
  const c = rowsOf<{ answers: number; named: number }>(counts)[0] ?? { answers: 0, named: 0 };
  return {
    answers: c.answers,
    named: c.named,
    unchecked: rowsOf<{ reference: string; answered_on: string; decision: string }>(unchecked).map((r) => ({
      reference: r.reference,
      answeredOn: r.answered_on,
      decision: r.decision,
    })),
  };
}

/** Ethics committee cases opened in the period on the organisation's files (reference and dates: no free text). */
export async function ethicsCases(db: Db, scope: AuditPackScope, limit: number) {
  const result = await db.execute(sql`
    select d.reference, (r.created_at at time zone 'Europe/Paris')::date::text as opened_on, r.status,
      (r.decided_at at time zone 'Europe/Paris')::date::text as decided_on
    from ethics_reviews r join dossiers d on d.id = r.dossier_id
    where d.organisation_id = ${scope.organisationId}
      and (r.created_at at time zone 'Europe/Paris')::date between ${scope.from}::date and ${scope.to}::date
    order by r.created_at, d.reference limit ${limit}`);
  return rowsOf<{ reference: string; opened_on: string; status: string; decided_on: string | null }>(
    result,
  ).map((r) => ({
    reference: r.reference,
    openedOn: r.opened_on,
    status: r.status,
    decidedOn: r.decided_on,
  }));
}
