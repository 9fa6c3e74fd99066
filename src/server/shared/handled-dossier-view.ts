import { z } from 'zod';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import { PRIORITIES } from '../../contracts/priorities.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import { factsOf } from './handled-dossier.ts';

const day = (what: string) => z.string().nullable().describe(what);

/** A file as the back office sees it after an action: its state, its handling facts, who holds it. */
export const handledDossierSchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string().describe('Référence du dossier'),
    status: z.string().describe('Statut après l’action'),
    priority: z.enum(PRIORITIES).describe('Priorité de traitement'),
    assignedHandlerId: z.string().uuid().nullable().describe('Conseiller qui traite le dossier'),
    mediatorId: z.string().uuid().nullable().describe('Médiateur saisi (utilisateur Recours)'),
    decision: z.enum(DECISION_OUTCOMES).nullable().describe('Sens de la réponse'),
    facts: z
      .object({
        complaintSentOn: day('Envoi de la réclamation écrite'),
        acknowledgedOn: day('Accusé de réception'),
        answerReceivedOn: day('Réponse motivée'),
        answerOutcome: z.enum(DECISION_OUTCOMES).nullable().describe('Sens de la réponse'),
        mediatorSeizedOn: day('Saisine du médiateur'),
        mediationNotifiedOn: day('Notification de la saisine (R612-2)'),
        mediationEndedOn: day('Fin de la médiation'),
      })
      .describe('Faits datés utiles au traitement'),
    closedAt: z.string().nullable().describe('Date de clôture'),
    updatedAt: z.string().describe('Dernière modification'),
  })
  .describe('Dossier vu du back-office');

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
