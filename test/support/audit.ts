import type { Database } from '../../src/db/client.ts';
import { verifyAuditHistory } from '../../src/server/audit/verify.ts';

/** The whole history verified, trusting no signing key (these tests take no checkpoint). */
export function verifyHistory(database: Database) {
  return verifyAuditHistory(database, { trustedKeyIds: new Set() });
}
