import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import { computeDeadlines } from '../deadlines/engine.ts';
import type { Deadline } from '../deadlines/schema.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';

/**
 * The triage's only way to a legal date: the deadline engine (src/domain/deadlines/engine.ts). This module turns
 * what the triage knows into the engine's input and keeps the engine's answer; it computes no date itself.
 */

/** The organisation types the triage can name (no label of its own for an institution de prévoyance). */
export type TriageOrganisationType = 'mutuelle' | 'insurer' | 'cpam';

export interface TriageDatedFacts {
  complaintSentOn?: CalendarDate | undefined;
  answerReceivedOn?: CalendarDate | undefined;
  answerOutcome?: DecisionOutcome | undefined;
  cpamDecisionNotifiedOn?: CalendarDate | undefined;
  craSeizedOn?: CalendarDate | undefined;
  craDecisionNotifiedOn?: CalendarDate | undefined;
  terminationRequestSentOn?: CalendarDate | undefined;
}

/**
 * The deadlines the triage shows: the ones that follow from the few dates a free text gives. Left out on purpose:
 * the acknowledgment (its status depends on an acknowledgment date a text never gives, so "missed" would be a
 * guess), prescription (needs the date of the care), termination and portability (need contract dates).
 */
export const TRIAGE_DEADLINE_IDS = [
  'complaint.answer',
  'mediation.referral_window',
  'cpam.cra_referral',
  'cpam.cra_decision',
  'cpam.tribunal_referral',
] as const satisfies ReadonlyArray<Deadline['id']>;
export type TriageDeadlineId = (typeof TRIAGE_DEADLINE_IDS)[number];

export interface EngineAnswer {
  deadlines: Deadline[];
  /** Facts the engine refused (a date after today, or before the one it follows), and therefore left out. */
  dropped: Array<keyof TriageDatedFacts>;
}

/**
 * Runs the engine. Dates read from a free text can be wrong (a date attributed to the wrong event, a year
 * guessed): when the engine refuses a fact as incoherent, that fact is dropped and the engine asked again, so a
 * doubtful date never blocks the diagnosis; the caller says which were dropped.
 */
export function engineDeadlines(
  organisationType: TriageOrganisationType,
  today: CalendarDate,
  facts: TriageDatedFacts,
): EngineAnswer {
  const current: TriageDatedFacts = Object.fromEntries(
    Object.entries(facts).filter(([, v]) => v !== undefined && v !== null),
  );
  // The engine needs the date and the sense of an answer together.
  if (!current.answerReceivedOn || !current.answerOutcome) {
    delete current.answerReceivedOn;
    delete current.answerOutcome;
  }
  const dropped: Array<keyof TriageDatedFacts> = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = computeDeadlines({ context: { organisationType, today }, facts: current });
    if (result.ok) return { deadlines: result.value.deadlines, dropped };
    const key = result.error.field?.replace(/^facts\./, '') as keyof TriageDatedFacts | undefined;
    if (!key || !(key in current)) return { deadlines: [], dropped };
    delete current[key];
    dropped.push(key);
    if (key === 'answerReceivedOn') delete current.answerOutcome;
  }
  return { deadlines: [], dropped };
}
