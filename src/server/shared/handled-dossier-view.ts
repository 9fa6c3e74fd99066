import type { z } from 'zod';
import type { handledDossierSchema } from '../../contracts/api/handling.ts';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import { PRIORITIES } from '../../contracts/priorities.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import { factsOf } from './handled-dossier.ts';

export function handledDossierView(row: DossierRow): z.infer<typeof handledDossierSchema> {
  const f = factsOf(row) as Record<string, string | undefined>;
  const pick = (k: string) => f[k] ?? null;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    priority: row.priority,
    assignedHandlerId: row.assignedHandlerId,
    mediatorId: row.mediatorId,
    decision: row.decision,
    facts: {
      complaintSentOn: pick('complaintSentOn'),
      acknowledgedOn: pick('acknowledgedOn'),
      answerReceivedOn: pick('answerReceivedOn'),
      answerOutcome: (f.answerOutcome as DecisionOutcome | undefined) ?? null,
      mediatorSeizedOn: pick('mediatorSeizedOn'),
      mediationNotifiedOn: pick('mediationNotifiedOn'),
      mediationEndedOn: pick('mediationEndedOn'),
    },
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
