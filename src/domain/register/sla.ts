import type { Deadline, DeadlineId } from '../deadlines/schema.ts';
import {
  addDays,
  type CalendarDate,
  compareDates,
  daysBetween,
  formatFrenchDate,
} from '../shared/calendar-date.ts';

/** The two ACPR clocks of the complaint register (ACPR 2024-R-02: acknowledgment, then answer). */
export const SLA_CLOCKS = ['complaint.acknowledgment', 'complaint.answer'] as const;
export type SlaClockId = (typeof SLA_CLOCKS)[number];

export const SLA_COLOURS = ['red', 'amber', 'green', 'grey'] as const;
export type SlaColour = (typeof SLA_COLOURS)[number];

/**
 * Calendar days left at or below which a clock turns amber, per clock.
 * - Acknowledgment (10 jours ouvrables ≈ 12 calendar days): 3 days, because a weekend plus a public holiday can
 *   swallow 3 calendar days; a handler who sees amber on Friday still has a working day to send it.
 * - Answer (2 months): 10 days, about two working weeks: a reasoned answer needs the file complete, sometimes a
 *   supervisor's or the ethics committee's view, and the mediator's details (ACPR 2024-R-02; L616-1).
 * Green above, red on the last day (0) and after: a clock due today must be dealt with today.
 */
export const AMBER_THRESHOLD_DAYS: Record<SlaClockId, number> = {
  'complaint.acknowledgment': 3,
  'complaint.answer': 10,
};

export type OpenClockColour = Exclude<SlaColour, 'grey'>;

/** The colour of an open clock by its calendar days left, first band whose bound is reached. */
function openBands(id: SlaClockId): readonly { colour: OpenClockColour; upToDaysLeft: number }[] {
  return [
    { colour: 'red', upToDaysLeft: 0 },
    { colour: 'amber', upToDaysLeft: AMBER_THRESHOLD_DAYS[id] },
    { colour: 'green', upToDaysLeft: Number.POSITIVE_INFINITY },
  ];
}

/** Colour of a clock the engine says is open, `daysLeft` calendar days before its due date. */
export function openClockColour(id: SlaClockId, daysLeft: number): OpenClockColour {
  return openBands(id).find((band) => daysLeft <= band.upToDaysLeft)!.colour;
}

/** Statuses whose colour does not move with the days: an act done in time, an act missed. */
export const SETTLED_STATUS_COLOURS: Readonly<Record<'met' | 'missed', OpenClockColour>> = {
  met: 'green',
  missed: 'red',
};

/**
 * The first day an open clock due on `dueOn` shows `colour`: its band starts `upToDaysLeft` days before the due
 * date (red on the due date itself, amber `AMBER_THRESHOLD_DAYS` before it). The register stores these days per
 * file (src/domain/register/colour-days.ts) so that colour filters are plain comparisons with today's date.
 */
export function openColourFrom(id: SlaClockId, colour: 'amber' | 'red', dueOn: CalendarDate): CalendarDate {
  return addDays(dueOn, -openBands(id).find((band) => band.colour === colour)!.upToDaysLeft);
}

/** The longest amber band of any clock: a file amber on `today` turns red within this many days. */
export const LONGEST_AMBER_DAYS = Math.max(...SLA_CLOCKS.map((id) => AMBER_THRESHOLD_DAYS[id]));

export interface SlaClock {
  id: SlaClockId;
  colour: SlaColour;
  dueDate: CalendarDate | null;
  daysLeft: number | null;
  /** The engine's status (open, met, missed, not_applicable_yet…), or 'absent' when it gave no such deadline. */
  status: Deadline['status'] | 'absent';
  /** True while someone still has to act on it: it counts for urgency and reminders. */
  actionable: boolean;
  /**
   * The one French wording of the clock, for the register and the file page alike ("Dépassé de 3 j",
   * "Reste 2 j", "Répondu le 02/12/2026 — 17 j de retard"): the web shows it, never rebuilds it.
   */
  label: string;
  /** Once the act is done: 'met' (on or before the due date) or 'late'; null while it is not done. */
  outcome: 'met' | 'late' | null;
  /** The day the act was done (acknowledgment, or the answer that stands for it), when known. */
  doneOn: CalendarDate | null;
  /** Calendar days between the due date and the day the act was done, when late: fixed, not growing. */
  daysLate: number | null;
}

/** What the register knows of the act that stops a clock. */
export interface ClockAct {
  status: string;
  /** The act was performed (even late). */
  done: boolean;
  /** The day it was performed, when known (facts.acknowledgedOn / facts.answerReceivedOn). */
  doneOn?: CalendarDate | null | undefined;
  /** The acknowledgment clock stopped by a substantive answer (ACPR 2024-R-02: the answer stands for it). */
  byAnswer?: boolean | undefined;
}

/** Statuses of a file in which the organisation still owes an acknowledgment or an answer. */
const PENDING_FILE_STATUSES = new Set(['submitted', 'acknowledged', 'awaiting_member']);

function daysWord(n: number): string {
  return `${n} j`;
}

/** « Accusé le 12/05/2026 », « Répondu le 02/12/2026 » (the answer also stops the acknowledgment clock). */
function actWords(id: SlaClockId, act: ClockAct, on: CalendarDate): string {
  const verb = id === 'complaint.answer' || act.byAnswer ? 'Répondu' : 'Accusé';
  return `${verb} le ${formatFrenchDate(on)}`;
}

/**
 * The closed wording of a clock whose act is done: met or late, and by how many days, counted from the due date
 * to the day of the act (ACPR 2024-R-02 reporting: the lateness of a done act no longer grows).
 */
function doneClock(
  id: SlaClockId,
  base: Omit<SlaClock, 'colour' | 'actionable' | 'label' | 'outcome' | 'doneOn' | 'daysLate'>,
  act: ClockAct,
  late: boolean,
): SlaClock {
  const on = act.doneOn ?? null;
  const daysLate = late && on && base.dueDate ? Math.max(0, daysBetween(base.dueDate, on)) : null;
  const words = on ? actWords(id, act, on) : null;
  let label: string;
  if (!late) label = words ? `${words} — délai respecté` : 'Respecté';
  else if (!words) label = 'Fait en retard';
  else label = daysLate ? `${words} — ${daysWord(daysLate)} de retard` : `${words} — en retard`;
  return {
    ...base,
    colour: late ? 'red' : 'green',
    actionable: false,
    label,
    outcome: late ? 'late' : 'met',
    doneOn: on,
    daysLate,
  };
}

/**
 * Colour of one register clock from the deadline engine's result. `done` says the act was performed (even late),
 * so a late clock stays red in the register (ACPR reporting) but no longer calls for action.
 */
export function slaClock(id: SlaClockId, deadline: Deadline | undefined, file: ClockAct): SlaClock {
  const open = { outcome: null, doneOn: null, daysLate: null } as const;
  if (!deadline) {
    return {
      id,
      colour: 'grey',
      dueDate: null,
      daysLeft: null,
      status: 'absent',
      actionable: false,
      label: 'Sans objet',
      ...open,
    };
  }
  const core = { id, dueDate: deadline.dueDate, daysLeft: deadline.daysLeft, status: deadline.status };
  const base = { ...core, ...open };
  const pending = PENDING_FILE_STATUSES.has(file.status) && !file.done;
  switch (deadline.status) {
    case 'met':
      return doneClock(id, core, file, false);
    case 'missed': {
      if (file.done) return doneClock(id, core, file, true);
      const late = deadline.daysLeft !== null ? -deadline.daysLeft : null;
      return {
        ...base,
        colour: 'red',
        actionable: pending,
        label: late !== null ? `Dépassé de ${daysWord(late)}` : 'Dépassé',
      };
    }
    case 'open': {
      const left = deadline.daysLeft;
      if (left === null) return { ...base, colour: 'grey', actionable: pending, label: 'Échéance inconnue' };
      const colour = openClockColour(id, left);
      const label = colour === 'red' ? 'Dernier jour' : `Reste ${daysWord(left)}`;
      return { ...base, colour, actionable: pending, label };
    }
    default:
      return { ...base, colour: 'grey', actionable: false, label: 'Sans objet' };
  }
}

/** Both register clocks of a file, from its engine deadlines and its facts. */
export function slaClocksOf(
  deadlines: readonly Deadline[] | undefined,
  file: { status: string; facts: { acknowledgedOn?: string; answerReceivedOn?: string } },
): { acknowledgment: SlaClock; answer: SlaClock } {
  const find = (id: DeadlineId) => deadlines?.find((d) => d.id === id);
  const acts = clockActs(file.status, file.facts);
  return {
    acknowledgment: slaClock(
      'complaint.acknowledgment',
      find('complaint.acknowledgment'),
      acts.acknowledgment,
    ),
    answer: slaClock('complaint.answer', find('complaint.answer'), acts.answer),
  };
}

/** The acts that stop the two clocks, from the file's dated facts. */
export function clockActs(
  status: string,
  facts: { acknowledgedOn?: string | undefined; answerReceivedOn?: string | undefined },
): { acknowledgment: ClockAct; answer: ClockAct } {
  const answered = facts.answerReceivedOn !== undefined;
  const acknowledged = facts.acknowledgedOn !== undefined;
  return {
    acknowledgment: {
      status,
      // A substantive answer stands for the acknowledgment (ACPR 2024-R-02).
      done: acknowledged || answered,
      doneOn: facts.acknowledgedOn ?? facts.answerReceivedOn ?? null,
      byAnswer: !acknowledged && answered,
    },
    answer: { status, done: answered, doneOn: facts.answerReceivedOn ?? null },
  };
}

const COLOUR_RANK: Record<SlaColour, number> = { red: 0, amber: 1, green: 2, grey: 3 };

/** The worst colour of a file's clocks: the register's traffic light for the whole file. */
export function worstColour(clocks: readonly SlaClock[]): SlaColour {
  return clocks.reduce<SlaColour>(
    (worst, c) => (COLOUR_RANK[c.colour] < COLOUR_RANK[worst] ? c.colour : worst),
    'grey',
  );
}

export interface UrgencyKey {
  /** 0: an actionable clock is red; 1: another actionable clock; 2: nothing to do against a clock. */
  group: 0 | 1 | 2;
  /** The nearest due date among actionable clocks (the most overdue first among reds). */
  nearestDue: CalendarDate | null;
}

export function urgencyKey(clocks: readonly SlaClock[]): UrgencyKey {
  const actionable = clocks.filter((c) => c.actionable && c.dueDate !== null);
  const nearestDue = actionable.reduce<CalendarDate | null>(
    (min, c) => (min === null || compareDates(c.dueDate!, min) < 0 ? c.dueDate : min),
    null,
  );
  if (actionable.some((c) => c.colour === 'red')) return { group: 0, nearestDue };
  if (actionable.length > 0) return { group: 1, nearestDue };
  return { group: 2, nearestDue: null };
}

/**
 * Urgency order of the register: red files first, then by the nearest due date; files with no running clock last.
 * Ties keep a stable order through `tieBreak` (the reference, say), so that pages do not shuffle.
 */
export function compareUrgency(
  a: { urgency: UrgencyKey; tieBreak: string },
  b: { urgency: UrgencyKey; tieBreak: string },
): number {
  if (a.urgency.group !== b.urgency.group) return a.urgency.group - b.urgency.group;
  const da = a.urgency.nearestDue;
  const db = b.urgency.nearestDue;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return compareDates(da, db);
  }
  return a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0;
}
