import type { DossierStatus } from '../../contracts/dossier-status.ts';

/** One recorded change, for the audit event's before/after. */
export interface FactChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type FactsPatch = Record<string, unknown>;

/**
 * Merges a patch into the stored facts: a value sets the fact, `null` removes it, an absent key keeps it.
 * Validation is the deadline engine's: the caller must run the merged facts through it before saving.
 */
export function mergeFacts(
  current: Record<string, unknown>,
  patch: FactsPatch,
): { facts: Record<string, unknown>; changes: FactChange[] } {
  const facts: Record<string, unknown> = { ...current };
  const changes: FactChange[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const previous = current[field] ?? null;
    if (value === null || value === undefined) {
      if (field in facts) {
        delete facts[field];
        changes.push({ field, before: previous, after: null });
      }
      continue;
    }
    if (JSON.stringify(previous) === JSON.stringify(value)) continue;
    facts[field] = value;
    changes.push({ field, before: previous, after: value });
  }
  return { facts, changes };
}

/**
 * A draft becomes "Réclamation envoyée" once the date the complaint was sent is recorded, as it does when the
 * file is opened with that date; no other status is changed from the member's facts (the organisation's staff
 * move the file through its other statuses).
 */
export function statusAfterFacts(status: DossierStatus, facts: Record<string, unknown>): DossierStatus {
  if (status === 'draft' && typeof facts.complaintSentOn === 'string') return 'submitted';
  return status;
}
