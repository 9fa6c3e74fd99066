import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import type { Facts } from '../deadlines/schema.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { LetterType } from './schema.ts';

/**
 * The fact a letter records once it is sent, for the deadline engine: a written complaint starts the ACPR
 * deadlines, a referral to the mediator or the CRA starts theirs. A fact already recorded is never overwritten
 * (the first complaint counts, C. consom. L612-2 4°). The caller validates the merged facts with the engine.
 */
export interface SentFacts {
  patch: Partial<Record<keyof Facts, unknown>>;
  /** French sentence for the member: what was recorded, or why nothing was. */
  explanation: string;
}

export function factsAfterSending(
  type: LetterType,
  sentOn: CalendarDate,
  facts: Partial<Facts>,
  extra: { answerOutcome?: DecisionOutcome | undefined } = {},
): SentFacts {
  const once = (
    field: keyof Facts,
    label: string,
    more: Partial<Record<keyof Facts, unknown>> = {},
  ): SentFacts =>
    facts[field]
      ? { patch: {}, explanation: `${label} : déjà enregistrée (${String(facts[field])}), inchangée.` }
      : { patch: { [field]: sentOn, ...more }, explanation: `${label} enregistrée au ${sentOn}.` };
  switch (type) {
    case 'reclamation':
      return once('complaintSentOn', 'Date d’envoi de la réclamation');
    case 'saisine_mediateur':
      return once('mediatorSeizedOn', 'Date de saisine du médiateur');
    // R142-6 counts from the CRA's receipt; the sending date is the earliest we know (a prudent reading).
    case 'recours_cra':
      return once('craSeizedOn', 'Date de saisine de la commission de recours amiable');
    case 'resiliation':
      return once('terminationRequestSentOn', 'Date d’envoi de la demande de résiliation');
    case 'accuse_reception':
      return once('acknowledgedOn', 'Date de l’accusé de réception');
    case 'reponse_motivee':
      if (!extra.answerOutcome) {
        return { patch: {}, explanation: 'Sens de la réponse inconnu : date de réponse non enregistrée.' };
      }
      return once('answerReceivedOn', 'Date de la réponse à la réclamation', {
        answerOutcome: extra.answerOutcome,
      });
    default:
      return { patch: {}, explanation: 'Ce courrier ne modifie pas les délais du dossier.' };
  }
}
