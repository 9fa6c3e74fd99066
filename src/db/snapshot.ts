import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from './client.ts';

/** Rows as arrays of text (every column cast to text in the query): no per-row objects, no type parsing. */
export type TextRow = (string | null)[];

/**
 * One read-only, repeatable-read transaction: every query and cursor sees the same instant, so a long read (the
 * verification of the history) is consistent while the platform keeps writing.
 */
export interface Snapshot {
  query(text: string): Promise<TextRow[]>;
  /**
   * A server-side cursor (DECLARE … FETCH), read `batchSize` rows at a time: memory stays flat however many rows.
   * Several cursors may be open at once and read in turn (merges of sorted streams).
   */
  cursor(text: string, batchSize?: number): AsyncGenerator<TextRow[]>;
}

let cursorCount = 0;

function makeSnapshot(run: (text: string) => Promise<TextRow[]>): Snapshot {
  return {
    query: run,
    async *cursor(text, batchSize = 5000) {
      cursorCount += 1;
      const name = `recours_cursor_${cursorCount}`;
      await run(`declare ${name} no scroll cursor for ${text}`);
      try {
        for (;;) {
          const rows = await run(`fetch ${batchSize} from ${name}`);
          if (rows.length === 0) return;
          yield rows;
        }
      } finally {
        await run(`close ${name}`);
      }
    },
  };
}

export async function withSnapshot<T>(database: Database, action: (s: Snapshot) => Promise<T>): Promise<T> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    return (client as PGlite).transaction(async (tx: PgliteTransaction) => {
      await tx.exec('set transaction isolation level repeatable read, read only');
      const run = async (text: string) =>
        (await tx.query<TextRow>(text, [], { rowMode: 'array' })).rows as TextRow[];
      return action(makeSnapshot(run));
    });
  }
  const connection = await (client as pg.Pool).connect();
  try {
    await connection.query('begin isolation level repeatable read, read only');
    const run = async (text: string) =>
      (await connection.query({ text, rowMode: 'array' })).rows as TextRow[];
    const result = await action(makeSnapshot(run));
    await connection.query('commit');
    return result;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

/** The rows of `db.execute`, whichever driver (node-postgres returns { rows }, PGlite too; some return arrays). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
