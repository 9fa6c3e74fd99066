import { type CalendarDate, compareDates, daysBetween, formatFrenchDate } from '../shared/calendar-date.ts';
import type { HolidayCalendar } from './holidays.ts';
import type { OrganisationType } from './parameters.ts';
import type { Deadline, DeadlineId, DeadlineStatus, Facts, Options } from './schema.ts';
import { describeSkipped, rollOverToWorkingDay } from './working-days.ts';

/** What every rule family receives: validated facts, options, the clock as data, the holiday calendar. */
export interface RuleContext {
  today: CalendarDate;
  organisationType: OrganisationType;
  facts: Facts;
  options: Options;
  calendar: HolidayCalendar;
}

export const fr = formatFrenchDate;

/** Applies CPC art. 642 to the deadlines the options list; says so in words either way. */
export function finalDate(
  id: DeadlineId,
  date: CalendarDate,
  ctx: RuleContext,
): { date: CalendarDate; rolledOver: boolean; explanation: string } {
  if (!ctx.options.rollOverDeadlines.includes(id)) {
    return { date, rolledOver: false, explanation: '' };
  }
  const rolled = rollOverToWorkingDay(date, ctx.calendar);
  if (rolled.date === date) {
    return {
      date,
      rolledOver: false,
      explanation: ` Le ${fr(date)} est un jour ouvrable : pas de report (CPC art. 642).`,
    };
  }
  return {
    date: rolled.date,
    rolledOver: true,
    explanation: ` Le ${fr(date)} tombe un jour non ouvrable (${describeSkipped(rolled.skipped)}) : report au ${fr(rolled.date)} (CPC art. 642).`,
  };
}

/**
 * Status of a period that someone ends by acting (`doneOn`). Acting before `opensOn` does not count as acting.
 */
export function actionStatus(args: {
  today: CalendarDate;
  dueDate: CalendarDate | null;
  opensOn?: CalendarDate | null;
  doneOn?: CalendarDate | undefined;
}): DeadlineStatus {
  const { today, dueDate, opensOn, doneOn } = args;
  const acted = doneOn !== undefined && (!opensOn || doneOn >= opensOn);
  if (acted) return dueDate === null || doneOn <= dueDate ? 'met' : 'missed';
  if (opensOn && today < opensOn) return 'not_applicable_yet';
  if (dueDate === null) return 'open';
  return today <= dueDate ? 'open' : 'missed';
}

/** The day the party acted, when it counts as acting (see actionStatus): a late act is still an act. */
export function actedOn(args: {
  opensOn?: CalendarDate | null;
  doneOn?: CalendarDate | undefined;
}): CalendarDate | undefined {
  const { opensOn, doneOn } = args;
  return doneOn !== undefined && (!opensOn || doneOn >= opensOn) ? doneOn : undefined;
}

export function milestoneStatus(today: CalendarDate, date: CalendarDate | null): DeadlineStatus {
  if (date === null) return 'not_applicable_yet';
  return today >= date ? 'passed' : 'open';
}

export function daysLeftOf(
  status: DeadlineStatus,
  today: CalendarDate,
  dueDate: CalendarDate | null,
): number | null {
  if (dueDate === null) return null;
  if (status === 'met' || status === 'suspended' || status === 'passed') return null;
  return daysBetween(today, dueDate);
}

type DeadlineDraft = Omit<Deadline, 'daysLeft' | 'rolledOver' | 'notes' | 'opensOn'> & {
  opensOn?: CalendarDate | null;
  rolledOver?: boolean;
  notes?: string[];
};

export function deadline(draft: DeadlineDraft, today: CalendarDate): Deadline {
  // Fixed key order, so that the JSON reads the same for every deadline.
  const result: Deadline = {
    id: draft.id,
    kind: draft.kind,
    title: draft.title,
    party: draft.party,
    opensOn: draft.opensOn ?? null,
    dueDate: draft.dueDate,
    status: draft.status,
    daysLeft: daysLeftOf(draft.status, today, draft.dueDate),
    rolledOver: draft.rolledOver ?? false,
    rule: draft.rule,
    source: draft.source,
    action: draft.action,
    computation: draft.computation,
    notes: draft.notes ?? [],
  };
  if (draft.doneOn) result.doneOn = draft.doneOn;
  if (draft.mediator) result.mediator = draft.mediator;
  if (draft.details) result.details = draft.details;
  return result;
}

/** The first date of a list, or undefined. */
export function earliest(...dates: (CalendarDate | undefined)[]): CalendarDate | undefined {
  const present = dates.filter((d): d is CalendarDate => d !== undefined);
  return present.length === 0 ? undefined : present.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
}

export function latest(...dates: (CalendarDate | undefined)[]): CalendarDate | undefined {
  const present = dates.filter((d): d is CalendarDate => d !== undefined);
  return present.length === 0 ? undefined : present.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
}

/** "il reste 3 jours", "c'est le dernier jour", "dépassé de 2 jours" */
export function remainingText(today: CalendarDate, dueDate: CalendarDate): string {
  const n = daysBetween(today, dueDate);
  if (n === 0) return "c'est aujourd'hui le dernier jour";
  if (n > 0) return `il reste ${n} jour${n > 1 ? 's' : ''}`;
  return `dépassé de ${-n} jour${n < -1 ? 's' : ''}`;
}
