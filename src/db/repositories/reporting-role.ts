import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './kpi.ts';

export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A login role that reads the `reporting` views and nothing else (BI tools, docs/power-bi.md): the views run with
 * their owner's rights, so SELECT on them is enough and no table of the application is granted. Idempotent: run
 * again, it sets the new password and the same grants.
 */
export async function createReportingRole(
  db: Db,
  name: string,
  password: string,
): Promise<{ created: boolean }> {
  if (!ROLE_NAME.test(name)) throw new Error(`invalid role name ${name}`);
  // Role DDL takes no bind parameters: the name is checked above, the password quoted as a literal.
  const literal = `'${password.replace(/'/g, "''")}'`;
  const exists =
    rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from pg_roles where rolname = ${name}`),
    )[0]?.n === 1;
  await db.transaction(async (tx) => {
    const role = sql.identifier(name);
    if (exists) await tx.execute(sql`alter role ${role} with login password ${sql.raw(literal)}`);
    else {
      await tx.execute(
        sql`create role ${role} with login password ${sql.raw(literal)} nosuperuser nocreatedb nocreaterole noinherit`,
      );
    }
    await tx.execute(sql`revoke all on all tables in schema public from ${role}`);
    await tx.execute(sql`grant usage on schema reporting to ${role}`);
    await tx.execute(sql`grant select on all tables in schema reporting to ${role}`);
    await tx.execute(sql`alter role ${role} set default_transaction_read_only = on`);
  });
  return { created: !exists };
}
