import type { Deadline } from '../deadlines/schema.ts';
import { type CalendarDate, daysBetween, formatFrenchDate } from '../shared/calendar-date.ts';
import type { SlaColour } from './sla.ts';

/**
 * The mediator's own clock on a referral: his opinion within 90 days of the notification of the referral to the
 * parties (C. consom. R612-5, extensible by him; the engine's 'mediation.outcome' deadline). Worded once here for
 * the mediator's list.
 */
export interface MediationClock {
  colour: SlaColour;
  dueDate: CalendarDate | null;
  label: string;
}

/** Days left at or below which the mediator's clock turns amber: two weeks to write a reasoned opinion. */
export const MEDIATION_AMBER_DAYS = 14;

export function mediationClock(
  deadline: Deadline | undefined,
  facts: { mediationEndedOn?: string | undefined },
  today: CalendarDate,
): MediationClock {
  const ended = facts.mediationEndedOn;
  if (!deadline) {
    return ended
      ? { colour: 'grey', dueDate: null, label: `Médiation terminée le ${formatFrenchDate(ended)}` }
      : { colour: 'grey', dueDate: null, label: 'Pas encore de délai (saisine non notifiée)' };
  }
  const due = deadline.dueDate;
  if (!due) return { colour: 'grey', dueDate: null, label: 'Date de notification de la saisine à indiquer' };
  if (ended) {
    const late = daysBetween(due, ended);
    return late > 0
      ? {
          colour: 'red',
          dueDate: due,
          label: `Avis rendu le ${formatFrenchDate(ended)} — ${late} j de retard`,
        }
      : { colour: 'green', dueDate: due, label: `Avis rendu le ${formatFrenchDate(ended)} — délai respecté` };
  }
  const left = daysBetween(today, due);
  if (left < 0) return { colour: 'red', dueDate: due, label: `Dépassé de ${-left} j` };
  if (left === 0) return { colour: 'red', dueDate: due, label: 'Dernier jour' };
  return { colour: left <= MEDIATION_AMBER_DAYS ? 'amber' : 'green', dueDate: due, label: `Reste ${left} j` };
}
