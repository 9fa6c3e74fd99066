import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { backfillProjections } from './deadline-projection.ts';
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
  const result = await db.execute(sql`
    insert into dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind, category,
      title, description, status, channel, facts, decision, satisfaction_score, product, region, created_at,
      updated_at, transmitted_at)
    select r.reference, ${input.memberId}::uuid, ${org.id}::uuid, ${org.name}, ${org.kind}, r.category, r.title,
      r.description, r.status, r.channel, r.facts, r.decision, r.satisfaction_score, r.product, r.region,
      ${input.now.toISOString()}::timestamptz, ${input.now.toISOString()}::timestamptz,
      ${input.now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(input.rows)}::jsonb) as r(reference text, category text, title text,
      description text, status text, channel text, facts jsonb, decision text, satisfaction_score int, product text,
      region text)
    returning id::text as id, reference
  `);
  // The register's deadline projection, by the one engine, in the same transaction (issue 12).
  await backfillProjections(db, input.now);
  return rowsOf<{ id: string; reference: string }>(result);
}
