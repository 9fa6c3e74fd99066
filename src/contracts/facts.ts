import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.ts';
import { DECISION_OUTCOMES } from './decision-outcomes.ts';

const date = (description: string) => calendarDateSchema.optional().describe(description);

export const answerOutcomeSchema = z
  .enum(DECISION_OUTCOMES, {
    error: (issue) =>
      `Issue de réponse inconnue : ${JSON.stringify(issue.input)}. Valeurs possibles : ${DECISION_OUTCOMES.join(', ')}.`,
  })
  .describe('Sens de la réponse à la réclamation : accepted (satisfaction totale), partial, rejected.');

/**
 * The dated facts of a dispute: the deadline engine's input and what `dossiers.facts` stores (every field optional;
 * the engine's defaults apply when it reads them).
 */
export const factsSchema = z
  .strictObject({
    // Complaint (ACPR 2024-R-02)
    complaintSentOn: date("Date d'envoi de la réclamation écrite (courrier, e-mail, formulaire)."),
    complaintReceivedOn: date("Date de réception de la réclamation par l'organisme."),
    acknowledgedOn: date("Date de l'accusé de réception de la réclamation par l'organisme."),
    answerReceivedOn: date('Date de la réponse écrite sur le fond.'),
    answerOutcome: answerOutcomeSchema.optional(),
    complexCaseNotifiedOn: date(
      "Date à laquelle l'organisme a annoncé un dossier complexe (réponse au-delà de 2 mois).",
    ),
    announcedAnswerDate: date("Date de réponse annoncée par l'organisme pour un dossier complexe."),
    // Consumer mediation (C. consom. L612-1 s.)
    mediatorSeizedOn: date('Date de saisine du médiateur.'),
    mediationFileCompleteOn: date('Date à laquelle le médiateur a reçu le dossier complet.'),
    mediationRejectedOn: date("Date à laquelle le médiateur a notifié l'irrecevabilité (L612-2)."),
    mediationNotifiedOn: date('Date de la notification de la saisine aux parties (R612-2).'),
    mediationExtendedTo: date('Nouvelle échéance fixée par le médiateur en cas de prolongation (R612-5).'),
    mediationEndedOn: date('Date de fin de la médiation (avis rendu, retrait, ou constat de fin).'),
    // Prescription
    claimEventOn: date(
      "Événement qui donne naissance à l'action (soins, sinistre, refus de prise en charge…).",
    ),
    contributionDueOn: date("Date d'échéance d'une cotisation (prescription de l'action en paiement)."),
    interruptionLetters: z
      .array(calendarDateSchema)
      .optional()
      .describe("Dates d'envoi des lettres recommandées avec AR réclamant la prestation (L221-12 / L114-2)."),
    cpamBenefitKind: z
      .enum(['especes', 'nature'])
      .optional()
      .describe(
        'Prestations CPAM en cause : especes (indemnités journalières…) ou nature (remboursement de soins).',
      ),
    // CPAM (CSS R142-1 s., L217-7-1)
    cpamDecisionNotifiedOn: date('Date de notification de la décision de la CPAM contestée.'),
    cpamNotificationMentionedRemedies: z
      .boolean()
      .default(true)
      .describe(
        'La notification de la décision mentionnait-elle les voies et délais de recours (R142-1-A III) ?',
      ),
    craSeizedOn: date('Date de réception du recours par la commission de recours amiable (CRA).'),
    craAcknowledgmentMentionedRemedies: z
      .boolean()
      .default(true)
      .describe(
        "L'accusé de réception de la CRA mentionnait-il les voies et délais de recours (R142-1-A III) ?",
      ),
    craDecisionNotifiedOn: date('Date de notification de la décision explicite de la CRA.'),
    craDecisionMentionedRemedies: z
      .boolean()
      .default(true)
      .describe('La décision de la CRA mentionnait-elle les voies et délais de recours (R142-1-A III) ?'),
    tribunalSeizedOn: date('Date de saisine du pôle social du tribunal judiciaire.'),
    cpamMediatorAdmissibleOn: date(
      'Date de notification de la recevabilité par le médiateur de la CPAM (L217-7-1).',
    ),
    cpamMediatorRecommendationsOn: date('Date de communication des recommandations du médiateur de la CPAM.'),
    // Termination and continuity of cover
    renewalDate: date("Date d'échéance annuelle du contrat (reconduction)."),
    annualNoticeSentOn: date(
      "Date d'envoi de l'avis d'échéance (rappel de la date limite de résiliation, loi Chatel).",
    ),
    annualNoticeNotSent: z
      .boolean()
      .optional()
      .describe("true si l'avis d'échéance n'a jamais été envoyé (loi Chatel : résiliation à tout moment)."),
    subscriptionDate: date('Date de première souscription / adhésion.'),
    terminationGround: z
      .enum(['annual', 'anytime', 'situation_change'])
      .optional()
      .describe('Motif de résiliation invoqué : annual (échéance), anytime (après un an), situation_change.'),
    terminationRequestSentOn: date("Date d'envoi de la demande de résiliation."),
    terminationReceivedOn: date("Date de réception de la demande de résiliation par l'organisme."),
    situationChangeOn: date('Date du changement de situation (déménagement, mariage, retraite…).'),
    contributionRefundedOn: date('Date du remboursement de la part de cotisation non courue.'),
    employmentContractStartOn: date('Début du dernier contrat de travail (portabilité).'),
    employmentContractEndOn: date('Fin (cessation) du dernier contrat de travail.'),
    unemploymentBenefitEndedOn: date("Fin de l'indemnisation chômage, qui arrête la portabilité."),
    portabilityEndOn: date('Fin de portabilité effective, si elle est déjà connue.'),
    leftCompanyOn: date("Date de départ de l'entreprise (loi Evin), si différente de la fin du contrat."),
    evinProposalReceivedOn: date(
      "Date de réception de la proposition de maintien de l'organisme (loi Evin).",
    ),
    evinAppliedOn: date('Date de la demande de maintien par l’ancien salarié (loi Evin).'),
    evinActivePremiumCents: z
      .number()
      .int()
      .positive()
      .max(100_000_00)
      .optional()
      .describe('Cotisation mensuelle des salariés actifs pour la même couverture, en centimes (loi Evin).'),
    contributionPaidUntil: date('Dernier jour de la période couverte par la cotisation déjà payée.'),
  })
  .describe('Faits datés du dossier ; tous facultatifs.');

/** The facts as stored in `dossiers.facts` and sent by a client: before the engine's defaults. */
export type StoredFacts = z.input<typeof factsSchema>;
