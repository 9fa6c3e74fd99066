import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type ProjectionColumns, projectionOf } from './deadline-projection.ts';
import { rowsOf } from './kpi.ts';

export interface ImportedRow {
  reference: string;
  category: string;
  title: string;
  description: string;
  status: string;
  channel: string;
  facts: Record<string, string>;
  decision: string | null;
  satisfaction_score: number | null;
  product: string;
  region: string;
}

/**
 * Inserts a batch of imported complaints from one JSON parameter (jsonb_to_recordset): the same SQL on PostgreSQL
 * and PGlite, and a thousand rows cost one bind parameter instead of twenty thousand.
 */
export async function insertImportedBatch(
  db: Db,
  input: {
    memberId: string;
    organisation: { id: string; name: string; kind: string };
    now: Date;
    rows: readonly ImportedRow[];
  },
): Promise<{ id: string; reference: string }[]> {
  const { organisation: org } = input;
  // The register's deadline projection, by the one engine, computed here and written by the INSERT itself: the
  // same columns insertDossier writes, without a second statement per file (issue 12; 100 000 lines < 60 s).
  const rows = input.rows.map((r) => ({
    ...r,
    ...projectionRecord(
      projectionOf(
        {
          facts: r.facts,
          organisationKind: org.kind as never,
          zone: 'metropole',
          status: r.status as never,
          createdAt: input.now,
        },
        input.now,
      ),
    ),
  }));
  const result = await db.execute(sql`
    insert into dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind, category,
      title, description, status, channel, facts, decision, satisfaction_score, product, region, created_at,
      updated_at, transmitted_at, ${sql.raw(PROJECTION_SQL_COLUMNS.join(', '))})
    select r.reference, ${input.memberId}::uuid, ${org.id}::uuid, ${org.name}, ${org.kind}, r.category, r.title,
      r.description, r.status, r.channel, r.facts, r.decision, r.satisfaction_score, r.product, r.region,
      ${input.now.toISOString()}::timestamptz, ${input.now.toISOString()}::timestamptz,
      ${input.now.toISOString()}::timestamptz, ${sql.raw(PROJECTION_SQL_COLUMNS.map((c) => `r.${c}`).join(', '))}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(reference text, category text, title text,
      description text, status text, channel text, facts jsonb, decision text, satisfaction_score int, product text,
      region text, ${sql.raw(PROJECTION_SQL_TYPES)})
    returning id::text as id, reference
  `);
  return rowsOf<{ id: string; reference: string }>(result);
}

/** The projection columns, in SQL, with their types for jsonb_to_recordset. */
const PROJECTION_SQL: Record<keyof ProjectionColumns, [column: string, type: string]> = {
  complaintOn: ['complaint_on', 'date'],
  slaAckDueOn: ['sla_ack_due_on', 'date'],
  slaAckStatus: ['sla_ack_status', 'text'],
  slaAckDone: ['sla_ack_done', 'boolean'],
  slaAckActionable: ['sla_ack_actionable', 'boolean'],
  slaAnswerDueOn: ['sla_answer_due_on', 'date'],
  slaAnswerStatus: ['sla_answer_status', 'text'],
  slaAnswerDone: ['sla_answer_done', 'boolean'],
  slaAnswerActionable: ['sla_answer_actionable', 'boolean'],
  nextDueOn: ['next_due_on', 'date'],
  nextDueClock: ['next_due_clock', 'text'],
  nextDueParty: ['next_due_party', 'text'],
  mediationOpensOn: ['mediation_opens_on', 'date'],
  mediationDueOn: ['mediation_due_on', 'date'],
  projectionVersion: ['projection_version', 'integer'],
};
const PROJECTION_ENTRIES = Object.entries(PROJECTION_SQL) as [keyof ProjectionColumns, [string, string]][];
const PROJECTION_SQL_COLUMNS = PROJECTION_ENTRIES.map(([, [column]]) => column);
const PROJECTION_SQL_TYPES = PROJECTION_ENTRIES.map(([, [column, type]]) => `${column} ${type}`).join(', ');

function projectionRecord(p: ProjectionColumns): Record<string, unknown> {
  return Object.fromEntries(PROJECTION_ENTRIES.map(([key, [column]]) => [column, p[key] ?? null]));
}
