import type { TextRow } from '../../db/snapshot.ts';

/**
 * Pulls one row at a time from a cursor's batches. The next batch is asked for as soon as one arrives, so the
 * database reads it while this one is checked (without it, each side waited for the other half the time).
 */
export function rowReader(batches: AsyncGenerator<TextRow[]>) {
  let batch: TextRow[] = [];
  let i = 0;
  let pending: Promise<IteratorResult<TextRow[]>> | null = batches.next();
  return async (): Promise<TextRow | undefined> => {
    if (i >= batch.length) {
      if (!pending) return undefined;
      const next = await pending;
      if (next.done) {
        pending = null;
        return undefined;
      }
      batch = next.value;
      i = 0;
      pending = batches.next();
    }
    return batch[i++];
  };
}
