import { type CalendarDate, daysBetween, formatFrenchDate } from '../shared/calendar-date.ts';

/**
 * The acknowledgment of a complaint, worded honestly whatever the day it is sent (ACPR recommandation 2024-R-02:
 * acknowledgment within 10 jours ouvrables of the complaint's sending, answer within 2 months). A late
 * acknowledgment says it is late, and never promises an answer by a date already past: when the 2 months have run
 * out it apologises and says the answer comes as soon as possible, and the handler is warned before sending it.
 */
export interface AcknowledgmentInput {
  /** The day the acknowledgment is sent (Paris). */
  today: CalendarDate;
  reference: string;
  complaintSentOn?: CalendarDate | undefined;
  /** Due date of the acknowledgment (10 jours ouvrables), from the deadline engine. */
  acknowledgmentDue: CalendarDate | null;
  /** Due date of the answer (2 months), from the deadline engine. */
  answerDue: CalendarDate | null;
}

export interface AcknowledgmentPlan {
  /** Sent after its own due date. */
  late: boolean;
  /** Calendar days after the acknowledgment's due date (null when not late). */
  daysLate: number | null;
  /** The answer's due date has already passed: no date can be promised. */
  answerOverdue: boolean;
  /** What the handler must read before acknowledging (null when nothing is wrong). */
  warning: string | null;
  /** The message sent to the member. */
  text: string;
}

const fr = formatFrenchDate;
const days = (n: number) => `${n} jour${n > 1 ? 's' : ''}`;

export function planAcknowledgment(input: AcknowledgmentInput): AcknowledgmentPlan {
  const { today, acknowledgmentDue, answerDue } = input;
  const daysLate =
    acknowledgmentDue && today > acknowledgmentDue ? daysBetween(acknowledgmentDue, today) : null;
  const late = daysLate !== null;
  const answerOverdue = answerDue !== null && today > answerDue;
  const sentOn = input.complaintSentOn ? ` du ${fr(input.complaintSentOn)}` : '';
  const lines = [`Nous accusons réception de votre réclamation${sentOn} (dossier ${input.reference}).`];
  if (late) {
    lines.push(
      'Nous vous prions de nous excuser de ne pas l’avoir fait dans le délai de 10 jours ouvrables recommandé par l’ACPR (recommandation 2024-R-02).',
    );
  }
  if (answerOverdue) {
    lines.push(
      `Le délai de réponse de 2 mois recommandé par l’ACPR (recommandation 2024-R-02) a expiré le ${fr(answerDue!)} : nous vous répondrons par écrit dans les meilleurs délais.`,
    );
  } else if (answerDue === today) {
    lines.push(
      `Nous vous répondrons par écrit au plus tard aujourd’hui, ${fr(answerDue)} (2 mois, recommandation ACPR 2024-R-02).`,
    );
  } else if (answerDue) {
    lines.push(
      `Nous vous répondrons par écrit au plus tard le ${fr(answerDue)} (2 mois, recommandation ACPR 2024-R-02).`,
    );
  } else {
    lines.push('Nous vous répondrons par écrit dans les 2 mois (recommandation ACPR 2024-R-02).');
  }
  let warning: string | null = null;
  if (answerOverdue) {
    warning = `Accusé de réception tardif : le délai de réponse (${fr(answerDue!)}) est déjà dépassé de ${days(daysBetween(answerDue!, today))}. Le message ne promettra aucune date et présentera des excuses ; rendez la réponse motivée au plus vite.`;
  } else if (late) {
    warning = `Accusé de réception tardif : l’échéance était le ${fr(acknowledgmentDue!)} (${days(daysLate!)} de retard). Le message présentera des excuses et rappellera l’échéance de la réponse${answerDue ? `, le ${fr(answerDue)}` : ''}.`;
  }
  return { late, daysLate, answerOverdue, warning, text: lines.join('\n') };
}
