import { z } from 'zod';
import { DECISION_OUTCOMES } from '../decision-outcomes.ts';
import { PRIORITIES } from '../priorities.ts';

/** The handling actions' answers (POST /api/v1/dossiers/:id/actions/…): the routes declare them, the web parses. */

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
export type HandledDossier = z.infer<typeof handledDossierSchema>;

export const actionResultSchema = z
  .object({
    dossier: handledDossierSchema,
    messageId: z.string().uuid().optional().describe('Message ou note créé par l’action'),
  })
  .describe('Résultat de l’action');

/** POST …/actions/decide: the answer also carries the text sent to the member. */
export const decisionResultSchema = actionResultSchema.extend({
  answerText: z.string().describe('Texte de la réponse envoyée à l’adhérent'),
});

/** What any action answers, as one type for the client: only « decide » carries the text sent. */
export const actionAnswerSchema = decisionResultSchema.partial({ answerText: true });
export type ActionAnswer = z.infer<typeof actionAnswerSchema>;

/** POST /api/v1/dossiers/:id/refer-to-mediator */
export const referredSchema = z.object({
  dossier: handledDossierSchema,
  mediator: z
    .object({ name: z.string(), howToSeize: z.string(), source: z.string() })
    .nullable()
    .describe('Médiateur compétent selon le moteur de délais'),
});
export type ReferAnswer = z.infer<typeof referredSchema>;

/** POST /api/v1/dossiers/:id/mediation-notified */
export const mediationNotifiedSchema = z.object({
  dossier: handledDossierSchema,
  outcomeDue: z.string().nullable().describe('Échéance de l’issue de la médiation (R612-5 : 90 jours)'),
});

/** POST /api/v1/dossiers/:id/mediation-outcome */
export const mediationOutcomeSchema = z.object({
  dossier: handledDossierSchema,
  messageId: z.string().uuid().describe('Message de la proposition, visible de l’adhérent'),
});
