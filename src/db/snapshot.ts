import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from './client.ts';

/** Rows as arrays of text (every column cast to text in the query): no per-row objects, no type parsing. */
export type TextRow = (string | null)[];

/**
 * One read-only, repeatable-read transaction: every query and copy sees the same instant, so a long read (the
 * verification of the history) is consistent while the platform keeps writing.
 */
export interface Snapshot {
  query(text: string): Promise<TextRow[]>;
  /**
   * The rows of `text` in PostgreSQL's binary COPY format, as chunks (read them with `BinaryCopyParser`): no message
   * and no object per row, the cheapest way to stream millions of rows. On PostgreSQL, streamed from the socket; on
   * PGlite (no COPY streaming), one chunk holding every row.
   */
  copy(text: string): AsyncIterable<Buffer>;
}

/**
 * Runs `action` with `count` sessions that all see the same instant. On PostgreSQL each is a connection of its own
 * (the first exports its snapshot, the others adopt it: `SET TRANSACTION SNAPSHOT`), so passes run in parallel on
 * the server's cores; on PGlite, one connection serves them all, in turn.
 */
export async function withSnapshots<T>(
  database: Database,
  count: number,
  action: (sessions: Snapshot[]) => Promise<T>,
): Promise<T> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    return (client as PGlite).transaction(async (tx: PgliteTransaction) => {
      await tx.exec('set transaction isolation level repeatable read, read only');
      const run = async (text: string) =>
        (await tx.query<TextRow>(text, [], { rowMode: 'array' })).rows as TextRow[];
      const copy = async function* (text: string) {
        const result = await tx.query(`copy (${text}) to '/dev/blob' (format binary)`);
        if (result.blob) yield Buffer.from(await result.blob.arrayBuffer());
      };
      const session: Snapshot = { query: run, copy };
      return action(Array.from({ length: count }, () => session));
    });
  }
  const pool = client as pg.Pool;
  const connections: pg.PoolClient[] = [];
  const broken = new Set<pg.PoolClient>();
  try {
    for (let i = 0; i < count; i += 1) connections.push(await pool.connect());
    const [first, ...others] = connections;
    await first!.query('begin isolation level repeatable read, read only');
    if (others.length > 0) {
      const exported = await first!.query<{ id: string }>('select pg_export_snapshot() as id');
      for (const other of others) {
        await other.query('begin isolation level repeatable read, read only');
        await other.query(`set transaction snapshot '${exported.rows[0]!.id.replace(/'/g, '')}'`);
      }
    }
    const sessions = connections.map(
      (c): Snapshot => ({
        query: async (text) => (await c.query({ text, rowMode: 'array' })).rows as TextRow[],
        copy: async function* (text) {
          let complete = false;
          try {
            yield* c.query(copyTo(`copy (${text}) to stdout (format binary)`));
            complete = true;
          } finally {
            // A COPY left midway (the reader failed) leaves the connection mid-protocol: it is closed, not reused.
            if (!complete) broken.add(c);
          }
        },
      }),
    );
    const result = await action(sessions);
    for (const c of connections) await c.query('commit');
    return result;
  } catch (error) {
    for (const c of connections) if (!broken.has(c)) await c.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    for (const c of connections) c.release(broken.has(c) ? true : undefined);
  }
}

export function withSnapshot<T>(database: Database, action: (s: Snapshot) => Promise<T>): Promise<T> {
  return withSnapshots(database, 1, ([s]) => action(s!));
}

/** The rows of `db.execute`, whichever driver (node-postgres returns { rows }, PGlite too; some return arrays). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
