import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import { competentMediator, type OrganisationMediatorChoice } from '../deadlines/competent-mediator.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';

export { DECISION_OUTCOMES, type DecisionOutcome } from '../../contracts/decision-outcomes.ts';

/** Reasons shorter than this are not a "réponse motivée" (ACPR 2024-R-02: a written, reasoned answer). */
export const MIN_REASONS_LENGTH = 30;

export interface NamedMediator {
  name: string;
  /** How the member seizes him: address, website, what to enclose. */
  howToSeize: string;
}

/**
 * The mediator an answer must name (ACPR 2024-R-02; C. consom. L616-1): the organisation's competent mediator,
 * decided in one place (`competentMediator`), with the declared address when there is one.
 */
export function competentMediatorFor(organisation: OrganisationMediatorChoice): NamedMediator {
  const mediator = competentMediator(organisation);
  if (!mediator.declared) return { name: mediator.name, howToSeize: mediator.howToSeize };
  const contact = mediator.postalAddress.length
    ? `écrivez à : ${mediator.postalAddress.join(', ')}`
    : 'adressez-lui votre demande par écrit';
  return {
    name: mediator.name,
    howToSeize: `Pour le saisir, ${contact}, en joignant la copie de votre réclamation écrite et de cette réponse.`,
  };
}

const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  accepted: 'Nous faisons droit à votre réclamation.',
  partial: 'Nous faisons droit à votre réclamation en partie seulement.',
  rejected: 'Nous ne pouvons pas faire droit à votre réclamation.',
};

export interface ReasonedAnswerInput {
  reference: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  outcome: DecisionOutcome;
  reasons: string;
  decidedOn: CalendarDate;
  complaintSentOn?: CalendarDate | undefined;
  mediator: NamedMediator;
}

/**
 * The written, reasoned answer to a complaint (ACPR 2024-R-02), which must name the competent mediator and say how
 * to seize him (ACPR; C. consom. L616-1: the mediator's details are given again whenever a complaint could not be
 * settled). A CPAM answer points to the commission de recours amiable instead of the consumer mediator's year.
 */
export function reasonedAnswerText(input: ReasonedAnswerInput): string {
  const fr = formatFrenchDate;
  const sent = input.complaintSentOn ? ` du ${fr(input.complaintSentOn)}` : '';
  const lines = [
    `Réponse à votre réclamation${sent} – dossier ${input.reference}`,
    '',
    'Madame, Monsieur,',
    '',
    `Nous avons examiné votre réclamation${sent}. ${OUTCOME_WORDS[input.outcome]}`,
    '',
    'Motifs de notre décision :',
    input.reasons.trim(),
    '',
  ];
  const unsettled = input.outcome !== 'accepted';
  const lead = unsettled
    ? 'Si cette réponse ne vous satisfait pas, vous pouvez saisir gratuitement le médiateur compétent'
    : 'Si nous ne tenions pas cet engagement, vous pourriez saisir gratuitement le médiateur compétent';
  lines.push(`${lead} : ${input.mediator.name}.`, input.mediator.howToSeize);
  if (input.organisationKind === 'cpam') {
    lines.push(
      'Vous pouvez aussi contester la décision devant la commission de recours amiable (CRA) de votre caisse dans les 2 mois de sa notification (CSS art. R142-1).',
    );
  } else {
    lines.push(
      'La médiation est gratuite (C. consom. art. R612-1) ; elle doit être demandée au plus tard un an après votre réclamation écrite (C. consom. art. L612-2). Vous restez libre de saisir le tribunal.',
    );
  }
  lines.push(
    '',
    `Réponse du ${fr(input.decidedOn)}, ${input.organisationName}.`,
    'Références : recommandation ACPR 2024-R-02 sur le traitement des réclamations ; C. consom. art. L616-1.',
  );
  return lines.join('\n');
}
