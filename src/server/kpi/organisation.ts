import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';

/** An organisation by its name, case-insensitive (the CLI's --organisation). */
export async function organisationByName(db: Db, name: string) {
  const [org] = await db
    .select()
    .from(organisations)
    .where(sql`lower(${organisations.name}) = ${name.trim().toLowerCase()}`)
    .limit(1);
  return org;
}

/** Every organisation's name, for an error message that lists what exists (a short list: a few per platform). */
export async function organisationNames(db: Db): Promise<string[]> {
  const rows = await db
    .select({ name: organisations.name })
    .from(organisations)
    .orderBy(organisations.name)
    .limit(50);
  return rows.map((r) => r.name);
}
