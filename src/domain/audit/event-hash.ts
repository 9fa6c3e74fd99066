import { hash } from 'node:crypto';

/** The previous hash of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hashed text starts with: the RFC 9162 leaf prefix (0x00, a NUL in UTF-8) and the format's version. */
export const EVENT_TEXT_PREFIX = '\0recours-audit-v2';

/** The chain of the events that concern no file (sign-ins, organisation settings…). */
export const SYSTEM_CHAIN_ID = '00000000-0000-0000-0000-000000000000';

/**
 * One event exactly as PostgreSQL prints its columns: uuids in lower case, the instant in microseconds since the
 * epoch, the payload as `jsonb::text` (keys sorted by PostgreSQL, so the text survives every round trip).
 */
export interface EventColumns {
  chainId: string;
  chainSeq: string;
  dossierId: string | null;
  actorId: string | null;
  type: string;
  occurredMicros: string;
  prevHash: string;
  payloadText: string;
}

/**
 * The hash of an event, identical to the SQL function `audit_event_hash` (drizzle/0004_audit-history.sql) that
 * every append uses. The leading 0x00 makes it the RFC 9162 §2.1.1 leaf hash of the event's text, so the Merkle log
 * uses it directly. Every column is covered, the chain number too: moving, inserting or deleting a row shows.
 */
export function eventHash(e: EventColumns): string {
  // One string, one call (crypto.hash: no Hash object per event; 10 million are verified in one run). The leading
  // NUL character is the 0x00 byte of RFC 9162 in UTF-8.
  const text = [
    EVENT_TEXT_PREFIX,
    e.chainId,
    e.chainSeq,
    e.dossierId ?? '',
    e.actorId ?? '',
    e.type,
    e.occurredMicros,
    e.prevHash,
    e.payloadText,
  ].join('\n');
  return hash('sha256', text, 'hex');
}
