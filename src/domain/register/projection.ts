import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import { complaintStart } from '../deadlines/complaint.ts';
import { computeDeadlines } from '../deadlines/engine.ts';
import { daysLeftOf, type RuleContext } from '../deadlines/rule-context.ts';
import type { Deadline, DeadlineStatus, Party } from '../deadlines/schema.ts';
import { type CalendarDate, compareDates } from '../shared/calendar-date.ts';
import { type ColourDays, colourDaysOf } from './colour-days.ts';
import { clockActs, type SlaClock, type SlaClockId, slaClock, slaClocksOf } from './sla.ts';

/**
 * What the register needs of the deadline engine, stored with each file (issue 12): the engine runs once per
 * change of facts or status, never per file per register request. Every stored value is independent of the day
 * it is read: due dates, and the engine's status on the day it was computed. A clock the engine said 'open'
 * turns 'missed' the day after its due date (`actionStatus`: today > dueDate) and nothing else changes with
 * time, so `clocksAt` rebuilds on any later day exactly what the engine would say (checked by a property test).
 */
export interface StoredClock {
  dueOn: CalendarDate | null;
  /** The engine's status on the day of the projection, or 'absent' when it gave no such deadline. */
  status: DeadlineStatus | 'absent';
  /** The act was performed (even late): the clock no longer calls for action. */
  done: boolean;
  /** Someone still has to act on it (file pending and act not done): it counts for urgency. */
  actionable: boolean;
}

export interface DeadlineProjection {
  /** The register's complaint date: the start of the ACPR periods (sending, else receipt), else the opening. */
  complaintOn: CalendarDate;
  acknowledgment: StoredClock;
  answer: StoredClock;
  /** The nearest due date among actionable clocks: the urgency order (earliest first, none last). */
  nextDueOn: CalendarDate | null;
  nextDueClock: SlaClockId | null;
  /** Who must act by `nextDueOn` (the organisation, for both ACPR clocks). */
  nextDueParty: Party | null;
  /** The member's window to refer the dispute to the mediator (C. consom. L612-2), when the engine gives one. */
  mediationOpensOn: CalendarDate | null;
  mediationDueOn: CalendarDate | null;
  /** The days the file's worst colour turns amber and red (null: grey whatever the day), for the colour filters. */
  colourDays: ColourDays | null;
}

/**
 * Bumped whenever the engine or this projection changes what it stores: files projected by an older version are
 * projected again at the next start (src/db/repositories/deadline-projection.ts). 2: the colour days.
 */
export const PROJECTION_VERSION = 2;

export interface ProjectedFile {
  facts: unknown;
  organisationKind: OrganisationKind;
  zone: 'metropole' | 'alsace_moselle';
  status: string;
  /** The Paris calendar day the file was opened on Recours (register date when no complaint date is known). */
  openedOn: CalendarDate;
}

function stored(clock: SlaClock, done: boolean): StoredClock {
  return { dueOn: clock.dueDate, status: clock.status, done, actionable: clock.actionable };
}

/** The register projection of a file on `today` (the day of the change), from the one deadline engine. */
export function projectDeadlines(file: ProjectedFile, today: CalendarDate): DeadlineProjection {
  const facts = (file.facts ?? {}) as Record<string, unknown>;
  const result = computeDeadlines({
    context: { organisationType: file.organisationKind, zone: file.zone, today },
    facts,
  });
  const deadlines = result.ok ? result.value.deadlines : undefined;
  const typed = facts as { acknowledgedOn?: string; answerReceivedOn?: string };
  const clocks = slaClocksOf(deadlines, { status: file.status, facts: typed });
  const answered = typed.answerReceivedOn !== undefined;
  // Same meaning of "done" as slaClocksOf: a substantive answer stands for the acknowledgment.
  const acknowledgment = stored(clocks.acknowledgment, typed.acknowledgedOn !== undefined || answered);
  const answer = stored(clocks.answer, answered);
  const running = [
    { id: 'complaint.acknowledgment' as const, clock: acknowledgment },
    { id: 'complaint.answer' as const, clock: answer },
  ].filter((c) => c.clock.actionable && c.clock.dueOn !== null);
  const next = running.reduce<(typeof running)[number] | undefined>(
    (min, c) => (min === undefined || compareDates(c.clock.dueOn!, min.clock.dueOn!) < 0 ? c : min),
    undefined,
  );
  const window = deadlines?.find((d) => d.id === 'mediation.referral_window');
  const start = complaintStartOf(facts);
  return {
    complaintOn: start ?? file.openedOn,
    acknowledgment,
    answer,
    nextDueOn: next?.clock.dueOn ?? null,
    nextDueClock: next?.id ?? null,
    nextDueParty: next ? partyOf(deadlines, next.id) : null,
    mediationOpensOn: window?.opensOn ?? null,
    mediationDueOn: window?.dueDate ?? null,
    colourDays: colourDaysOf([
      { id: 'complaint.acknowledgment', status: acknowledgment.status, dueOn: acknowledgment.dueOn },
      { id: 'complaint.answer', status: answer.status, dueOn: answer.dueOn },
    ]),
  };
}

function partyOf(deadlines: readonly Deadline[] | undefined, id: SlaClockId): Party | null {
  return deadlines?.find((d) => d.id === id)?.party ?? null;
}

/** The engine's own start of the ACPR periods (default convention: sending, else receipt). */
function complaintStartOf(facts: Record<string, unknown>): CalendarDate | undefined {
  const sent = typeof facts.complaintSentOn === 'string' ? facts.complaintSentOn : undefined;
  const received = typeof facts.complaintReceivedOn === 'string' ? facts.complaintReceivedOn : undefined;
  const ctx = {
    facts: { complaintSentOn: sent, complaintReceivedOn: received },
    options: { complaintCountFrom: 'sending' },
  } as unknown as RuleContext;
  return complaintStart(ctx)?.date;
}

/** A stored clock as the engine would give it on `today` (today ≥ the day of the projection). */
function deadlineAt(id: SlaClockId, clock: StoredClock, today: CalendarDate): Deadline | undefined {
  if (clock.status === 'absent') return undefined;
  // actionStatus: an act not done by the due date is missed from the next day on; nothing else moves with time.
  const status: DeadlineStatus =
    clock.status === 'open' && clock.dueOn !== null && today > clock.dueOn ? 'missed' : clock.status;
  return { id, dueDate: clock.dueOn, status, daysLeft: daysLeftOf(status, today, clock.dueOn) } as Deadline;
}

/**
 * The register's two clocks on `today`, from the stored projection alone (no engine run). The file's dated facts
 * (already in the page row) give the day each act was done, for the closed wording (« Répondu le … »).
 */
export function clocksAt(
  projection: Pick<DeadlineProjection, 'acknowledgment' | 'answer'>,
  fileStatus: string,
  today: CalendarDate,
  facts: { acknowledgedOn?: string | undefined; answerReceivedOn?: string | undefined } = {},
): { acknowledgment: SlaClock; answer: SlaClock } {
  const ack = projection.acknowledgment;
  const ans = projection.answer;
  const acts = clockActs(fileStatus, facts);
  return {
    acknowledgment: slaClock('complaint.acknowledgment', deadlineAt('complaint.acknowledgment', ack, today), {
      ...acts.acknowledgment,
      done: ack.done,
    }),
    answer: slaClock('complaint.answer', deadlineAt('complaint.answer', ans, today), {
      ...acts.answer,
      done: ans.done,
    }),
  };
}

/** A file's stored clock columns as read from the database (null before the file was ever projected). */
export interface StoredClockColumns {
  status: string;
  facts: unknown;
  slaAckDueOn: CalendarDate | null;
  slaAckStatus: string | null;
  slaAckDone: boolean | null;
  slaAnswerDueOn: CalendarDate | null;
  slaAnswerStatus: string | null;
  slaAnswerDone: boolean | null;
}

/**
 * A file's two clocks on `today` from its stored columns (`clocksAt`): what the register page and the register
 * export show, without running the engine per row (about 5× less processor time per exported row).
 */
export function storedClocksOf(
  row: StoredClockColumns,
  today: CalendarDate,
): { acknowledgment: SlaClock; answer: SlaClock } {
  const stored = (dueOn: CalendarDate | null, status: string | null, done: boolean | null): StoredClock => ({
    dueOn,
    status: (status ?? 'absent') as StoredClock['status'],
    done: done ?? false,
    // Not read by clocksAt: whether a clock is actionable follows from the file's status and facts on `today`.
    actionable: false,
  });
  return clocksAt(
    {
      acknowledgment: stored(row.slaAckDueOn, row.slaAckStatus, row.slaAckDone),
      answer: stored(row.slaAnswerDueOn, row.slaAnswerStatus, row.slaAnswerDone),
    },
    row.status,
    today,
    (row.facts ?? {}) as { acknowledgedOn?: string; answerReceivedOn?: string },
  );
}
