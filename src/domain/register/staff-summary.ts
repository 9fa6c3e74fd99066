import type { CalendarDate } from '../shared/calendar-date.ts';
import type { DecisionOutcome } from './answer.ts';
import type { SlaClock } from './sla.ts';

/** The sense of a reasoned answer, as the handler reads it. */
export const DECISION_LABELS: Record<DecisionOutcome, string> = {
  accepted: 'Favorable',
  partial: 'Partiellement favorable',
  rejected: 'Défavorable',
};

export interface NextAction {
  /** What is to be done, in French (« Accuser réception »). */
  what: string;
  dueDate: CalendarDate | null;
  /** Who must do it: the assigned handler's name, « À attribuer », « L’adhérent »… */
  by: string;
  /** Whose move it is: the organisation's staff, or the member. */
  party: 'organisation' | 'member';
}

export interface SummaryFile {
  status: string;
  assigneeName: string | null;
  clocks: { acknowledgment: SlaClock; answer: SlaClock };
  /** The member's window to refer the dispute to the mediator (C. consom. L612-2), when known. */
  mediationDueOn: CalendarDate | null;
}

/**
 * The next thing due on a file and by whom, for the top of the staff view: the organisation's ACPR clocks first
 * (acknowledgment in 10 jours ouvrables, answer in 2 months, ACPR 2024-R-02), then what the member may still do.
 */
export function nextActionOf(file: SummaryFile): NextAction | null {
  const staff = file.assigneeName ?? 'À attribuer (aucun conseiller)';
  const { acknowledgment, answer } = file.clocks;
  if (acknowledgment.actionable) {
    return { what: 'Accuser réception', dueDate: acknowledgment.dueDate, by: staff, party: 'organisation' };
  }
  if (answer.actionable) {
    const what =
      file.status === 'awaiting_member'
        ? 'Rendre la réponse motivée (pièces demandées à l’adhérent : le délai court toujours)'
        : 'Rendre la réponse motivée';
    return { what, dueDate: answer.dueDate, by: staff, party: 'organisation' };
  }
  if (file.status === 'answered' && file.mediationDueOn) {
    return {
      what: 'L’adhérent peut saisir le médiateur s’il conteste la réponse',
      dueDate: file.mediationDueOn,
      by: 'L’adhérent',
      party: 'member',
    };
  }
  if (file.status === 'answered') {
    return {
      what: 'Clore le dossier une fois la réponse acquise',
      dueDate: null,
      by: staff,
      party: 'organisation',
    };
  }
  return null;
}
