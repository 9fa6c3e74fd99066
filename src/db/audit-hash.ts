import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted: jsonb does not keep key order, and the hash must survive a round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  dossierId: string | null;
  actorId: string | null;
  type: string;
  payload: unknown;
  /** ISO 8601 instant, normalised by `new Date(x).toISOString()`. */
  occurredAt: string;
}

export function eventHash(prevHash: string, event: HashedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        dossierId: event.dossierId,
        actorId: event.actorId,
        type: event.type,
        payload: event.payload,
        occurredAt: new Date(event.occurredAt).toISOString(),
      }),
    )
    .digest('hex');
}
