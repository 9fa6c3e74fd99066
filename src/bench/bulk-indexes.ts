import type { RawQuery } from '../db/client.ts';

/**
 * Secondary indexes dropped before a large load and built again after it, in the load's transaction: building an
 * index once over a million rows is several times faster than maintaining it row by row (PostgreSQL manual,
 * « Populating a Database », 14.4.3). Indexes that back a constraint (primary keys, unique constraints) stay.
 */
export const BULK_TABLES = ['users', 'dossiers', 'messages', 'contacts', 'audit_events'] as const;

export async function dropSecondaryIndexes(query: RawQuery): Promise<string[]> {
  const found = await query(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relname = any($1::text[]) and t.relnamespace = 'public'::regnamespace
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [[...BULK_TABLES]],
  );
  for (const row of found.rows) await query(`drop index ${String(row.name)}`);
  return found.rows.map((row) => String(row.definition));
}

export async function createIndexes(query: RawQuery, definitions: readonly string[]) {
  for (const definition of definitions) await query(definition);
}
