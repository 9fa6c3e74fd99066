import type { Priority } from '../../contracts/priorities.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Diagnosis } from './schema.ts';

export { PRIORITIES, type Priority } from '../../contracts/priorities.ts';

interface DatedThreshold {
  value: number;
  from: CalendarDate;
  source: string;
}

/**
 * Amount at stake above which a file is handled first (cents). A product choice, not a legal threshold: 1 000 €
 * is about two thirds of a net minimum wage (SMIC net 2026 ≈ 1 440 €/month), the order of an unpaid hospital
 * stay, a dental bridge or several weeks of indemnités journalières — a sum a household cannot wait for, where
 * the usual contested amounts (a crown, glasses, a consultation) are a few tens to a few hundred euros.
 */
export const HIGH_AMOUNT_CENTS: ReadonlyArray<DatedThreshold> = [
  {
    value: 100_000,
    from: '2026-01-01',
    source:
      'Choix produit Recours (docs/triage.md, « Priorité ») ; SMIC net mensuel 2026 pour l’ordre de grandeur',
  },
];

/** Days left on an open deadline at or under which the file is urgent. */
export const URGENT_DAYS_LEFT = 7;

function thresholdOn(table: ReadonlyArray<DatedThreshold>, date: CalendarDate): number {
  let current = table[0]!;
  for (const t of table) if (t.from <= date) current = t;
  return current.value;
}

export interface PriorityOf {
  priority: Priority;
  /** Why, in French, for the back office. */
  reason: string;
}

/**
 * The back-office priority of a file, from its diagnosis. Pure.
 * - urgent: a deadline of the engine is open with ≤ 7 days left, or a procedure is already in court;
 * - high: a written reminder went unanswered, or the amount at stake (stated, else the largest cited) is above
 *   HIGH_AMOUNT_CENTS;
 * - normal otherwise.
 */
export function priorityOf(diagnosis: Diagnosis, today: CalendarDate): PriorityOf {
  const closing = diagnosis.deadlines.find(
    (d) => d.status === 'open' && d.daysLeft !== null && d.daysLeft >= 0 && d.daysLeft <= URGENT_DAYS_LEFT,
  );
  if (closing) {
    return {
      priority: 'urgent',
      reason: `${closing.title} : ${closing.daysLeft === 0 ? "dernier jour aujourd'hui" : `${closing.daysLeft} jour(s) restant(s)`}.`,
    };
  }
  if (diagnosis.stage === 'court')
    return { priority: 'urgent', reason: 'Une procédure judiciaire est engagée.' };
  if (diagnosis.stage === 'reminder_unanswered')
    return { priority: 'high', reason: 'Une relance écrite est restée sans réponse.' };
  const amount = diagnosis.amountCents ?? Math.max(0, ...diagnosis.amounts.map((a) => a.cents));
  if (amount > thresholdOn(HIGH_AMOUNT_CENTS, today))
    return { priority: 'high', reason: 'Montant en jeu élevé.' };
  return { priority: 'normal', reason: 'Aucun délai proche, ni relance sans réponse, ni montant élevé.' };
}
