import type { StoredFacts } from '../../contracts/facts.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import type { HandledDossier } from '../../domain/register/actions.ts';
import type { AppContext } from '../context.ts';
import { domainInputError } from '../errors.ts';
import { type DossierChange, publishChange } from '../live/bus.ts';
import { deadlinesOf } from './deadline-projection.ts';
import { jobQueueOf } from './job-queue.ts';
import { queueEmails } from './notify.ts';

/**
 * A stored file as the handling rules read it, and what every action does once its transaction committed. Shared
 * by the features that act on a file (handling, register, mediation): none of them owns it.
 */
export type { StoredFacts };

export function factsOf(row: Pick<DossierRow, 'facts'>): StoredFacts {
  return row.facts ?? {};
}

export function handledOf(row: DossierRow): HandledDossier {
  return {
    memberId: row.memberId,
    organisationId: row.organisationId,
    mediatorId: row.mediatorId,
    transmittedAt: row.transmittedAt,
    assignedHandlerId: row.assignedHandlerId,
    status: row.status,
    facts: factsOf(row),
  };
}

/** New facts must still make sense to the deadline engine (no date in the future, no inverted dates). */
export function checkFacts(row: DossierRow, facts: StoredFacts, now: Date) {
  const result = deadlinesOf({ ...row, facts }, now);
  if (!result.ok) throw domainInputError(result.error);
  return result.value;
}

/** What an action changed and what it leaves to do after commit. */
export interface ActionResult {
  dossier: DossierRow;
  notificationIds: string[];
  messageId?: string;
  answerText?: string;
  /** What to push to the file's open event streams once committed (never a body: ids and types only). */
  live?: Pick<DossierChange, 'type' | 'audience' | 'id'>[];
}

/** After commit: the e-mails of the notifications, and the live events of the file. */
export async function afterCommit(ctx: AppContext, result: ActionResult): Promise<void> {
  await queueEmails(ctx, result.notificationIds);
  // The acknowledgment, a document request or the reasoned answer of a file received by e-mail leave by e-mail.
  if (result.messageId) await jobQueueOf(ctx)?.send('intake-reply-email', { messageId: result.messageId });
  for (const change of result.live ?? []) publishChange({ ...change, dossierId: result.dossier.id });
}
