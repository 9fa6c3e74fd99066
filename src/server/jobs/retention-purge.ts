import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { erasePersonalData } from '../../db/repositories/dossier-erasure.ts';
import { lockDossier } from '../../db/repositories/dossier-updates.ts';
import {
  type Candidate,
  type CandidateKind,
  type Cursor,
  deleteDocumentsById,
  deleteNotificationsById,
  deleteSessionsById,
  retentionCandidates,
} from '../../db/repositories/retention-candidates.ts';
import {
  candidateCutoff,
  dueForPurge,
  PURGE_ACTIONS,
  type PurgeAction,
  RETENTION_KINDS,
  type RetentionKind,
  type RetentionRule,
} from '../../domain/dossiers/retention.ts';

/** One line of the purge's report: counts only, never an identifier or a name (it is printed and logged). */
export interface PurgeLine {
  kind: RetentionKind;
  label: string;
  action: PurgeAction;
  /** How long, from when. */
  period: string;
  /** Rows past their period (null: not counted, see `note`). */
  due: number | null;
  /** Rows erased, anonymised or deleted by this run (0 in a dry run). */
  done: number;
  note: string;
  source: string;
}

export interface PurgeReport {
  dryRun: boolean;
  at: string;
  lines: PurgeLine[];
}

const BATCH = 200;
/** Kinds the purge acts on, in this order: files first, so that their pieces go with them. */
const ACTED: readonly CandidateKind[] = [
  'closed_dossier',
  'abandoned_draft',
  'dossier_documents',
  'session',
  'notification',
];

/**
 * Applies the retention periods (RGPD art. 5-1-e): for each kind, pages through the rows that may be due, keeps
 * those the pure rule says are due, and erases them in one transaction per page with their history events, so
 * that a crash leaves each page done or not done. A second run finds nothing more (erased files are skipped, and
 * deleted rows are gone): the job is idempotent. A file is erased under its row lock and read again, so that a
 * file reopened in between is left alone.
 *
 * The history is never deleted (docs/decisions/0004-audit-history.md): each erased file receives a
 * `dossier.retention_applied` event in its own chain, and deletions of sessions and notifications a
 * `privacy.retention_purged` event in the platform's chain; both carry counts and the rule, no personal data.
 */
export async function purgeRetention(
  db: Db,
  now: Date,
  rules: readonly RetentionRule[],
  options: { dryRun: boolean },
): Promise<PurgeReport> {
  const byKind = new Map(rules.map((r) => [r.kind, r]));
  const counts = new Map<RetentionKind, { due: number; done: number }>();
  for (const kind of ACTED) {
    const rule = byKind.get(kind);
    if (!rule) continue;
    const count = { due: 0, done: 0 };
    counts.set(kind, count);
    const before = candidateCutoff(now, rule);
    let cursor: Cursor | null = null;
    for (;;) {
      const page: Candidate[] = await retentionCandidates(db, kind, before, cursor, BATCH);
      if (page.length === 0) break;
      const last = page.at(-1)!;
      cursor = { since: last.since, id: last.id };
      const dueIds = new Set(
        dueForPurge(
          page.map((c) => ({ kind, id: c.id, since: c.since })),
          now,
          rules,
        ).map((d) => d.id),
      );
      const due = page.filter((c) => dueIds.has(c.id));
      count.due += due.length;
      if (!options.dryRun && due.length > 0) count.done += await applyPage(db, kind, rule, due, now);
      if (page.length < BATCH) break;
    }
  }
  const lines = RETENTION_KINDS.map((kind): PurgeLine => {
    const rule = byKind.get(kind);
    const count = counts.get(kind);
    return {
      kind,
      label: rule?.label ?? kind,
      action: PURGE_ACTIONS[kind].action,
      period: rule ? `${rule.amount} ${rule.unit === 'hours' ? 'heures' : 'mois'} après ${rule.from}` : '',
      due: count ? count.due : null,
      done: count?.done ?? 0,
      note: PURGE_ACTIONS[kind].note,
      source: rule?.source ?? '',
    };
  });
  return { dryRun: options.dryRun, at: now.toISOString(), lines };
}

function ruleOf(rule: RetentionRule) {
  return { kind: rule.kind, amount: rule.amount, unit: rule.unit };
}

async function applyPage(
  db: Db,
  kind: CandidateKind,
  rule: RetentionRule,
  due: Candidate[],
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    switch (kind) {
      case 'closed_dossier':
      case 'abandoned_draft': {
        let done = 0;
        for (const c of due) {
          const dossier = await lockDossier(tx, c.id);
          // Read again under the lock: reopened, transmitted or erased since the page was read → left alone.
          if (!dossier || dossier.erasedAt) continue;
          if (kind === 'closed_dossier' && dossier.status !== 'closed') continue;
          if (kind === 'abandoned_draft' && (dossier.status !== 'draft' || dossier.transmittedAt)) continue;
          const { documents } = await erasePersonalData(tx, dossier, now);
          await appendAuditEvent(tx, {
            dossierId: dossier.id,
            actorId: null,
            type: 'dossier.retention_applied',
            payload: { rule: ruleOf(rule), documentsDeleted: documents },
            occurredAt: now,
          });
          done += 1;
        }
        return done;
      }
      case 'dossier_documents': {
        const byDossier = new Map<string, string[]>();
        for (const c of due) byDossier.set(c.dossierId!, [...(byDossier.get(c.dossierId!) ?? []), c.id]);
        let done = 0;
        for (const [dossierId, ids] of byDossier) {
          const dossier = await lockDossier(tx, dossierId);
          if (!dossier || dossier.erasedAt || dossier.status !== 'closed') continue;
          const deleted = await deleteDocumentsById(tx, dossierId, ids);
          if (deleted === 0) continue;
          await appendAuditEvent(tx, {
            dossierId,
            actorId: null,
            type: 'dossier.retention_applied',
            payload: { rule: ruleOf(rule), documentsDeleted: deleted },
            occurredAt: now,
          });
          done += deleted;
        }
        return done;
      }
      case 'session':
      case 'notification': {
        const ids = due.map((c) => c.id);
        const deleted =
          kind === 'session' ? await deleteSessionsById(tx, ids) : await deleteNotificationsById(tx, ids);
        if (deleted > 0) {
          await appendAuditEvent(tx, {
            dossierId: null,
            organisationId: null,
            actorId: null,
            type: 'privacy.retention_purged',
            payload: { rule: ruleOf(rule), deleted },
            occurredAt: now,
          });
        }
        return deleted;
      }
    }
  });
}
