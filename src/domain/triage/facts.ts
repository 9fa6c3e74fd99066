import type { CalendarDate } from '../shared/calendar-date.ts';
import { type CareDomain, type CueHit, careDomainCue } from './cues.ts';
import {
  type DatedFact,
  type EventKind,
  earliestEvent,
  latestEvent,
  type ReadEvent,
  readEvents,
  type StageReading,
  stageFromEvents,
} from './events.ts';
import {
  type AmountMention,
  type DateMention,
  type DateRole,
  extractAmounts,
  extractDates,
  extractReferences,
  type ReferenceMention,
} from './extract.ts';
import { normaliseText } from './normalise.ts';

/** A date of the text with the event it was read as belonging to, and how sure that reading is. */
export interface ReadDate extends DateMention {
  /** The event the date belongs to (events.ts), null when no event claimed it. */
  event: EventKind | null;
  confidence: number;
}

/** Everything the text says besides its category: what the next-step rules and the summary need. */
export interface TextFacts {
  normalised: string;
  amounts: AmountMention[];
  dates: ReadDate[];
  references: ReferenceMention[];
  events: ReadEvent[];
  /** The furthest step the member says he took (sentence-level reading). */
  stage: StageReading;
  /** Stage reading when the dispute is a termination (the member's own written request is the written step). */
  terminationStage: StageReading;
  /** Stage reading when the dispute is a refusal of care (the call to the practice is not a step). */
  careRefusedStage: StageReading;
  /** The first written complaint (a letter, a recourse to the CRA), with its date. */
  complaint: DatedFact | null;
  complaintSentOn: CalendarDate | null;
  /** The decision of the CPAM (or of the organisation) the member received, with the date of receipt. */
  decision: DatedFact | null;
  decisionNotifiedOn: CalendarDate | null;
  /** The last negative answer to the member's written complaint, when dated. */
  answer: DatedFact | null;
  /** A termination request on a durable medium, with its date. */
  terminationRequest: DatedFact | null;
  negativeAnswer: CueHit | null;
  craReferral: CueHit | null;
  careDomain: CareDomain | null;
}

const ROLE_OF: Partial<Record<EventKind, DateRole>> = {
  written_complaint: 'complaint',
  cra_referral: 'complaint',
  reminder: 'reminder',
  decision_notified: 'decision',
  answer_received: 'decision',
  termination_request: 'termination',
};

const hitOf = (rule: string, e: ReadEvent): CueHit => ({ rule, matched: e.matched, index: e.at });

export function factsOf(text: string, today: CalendarDate): TextFacts {
  const normalised = normaliseText(text);
  const mentions = extractDates(text, today);
  const events = readEvents(text, mentions);
  // For a refusal of care, the call that met the refusal is not a step (read again without it).
  const careEvents = events.filter((e) => !e.careCall);
  const dates: ReadDate[] = mentions.map((d) => {
    const owner = events.find((e) => e.date === d);
    return {
      ...d,
      role: owner ? (ROLE_OF[owner.kind] ?? 'other') : 'other',
      event: owner?.kind ?? null,
      confidence: owner ? owner.confidence : 0.3,
    };
  });

  const complaint =
    earliestEvent(events, ['cra_referral']) ?? earliestEvent(events, ['written_complaint']) ?? null;
  const firstWritten = events.find((e) => e.kind === 'written_complaint' || e.kind === 'cra_referral');
  // An answer counts against the written complaint only when it came after it (a refusal on the phone before
  // any letter is not the answer that opens mediation, C. consom. L612-2).
  const afterComplaint = (e: ReadEvent) =>
    firstWritten !== undefined &&
    (e.at > firstWritten.at || (complaint !== null && e.date !== null && e.date.date >= complaint.date));
  const negative = events.find((e) => e.kind === 'answer_received' && e.negative && afterComplaint(e));
  const answer = latestEvent(events, ['answer_received'], (e) => e.negative && afterComplaint(e));
  const decision = earliestEvent(events, ['decision_notified']);
  const cra = events.find((e) => e.kind === 'cra_referral');
  const terminationRequest = earliestEvent(
    events.filter((e) => e.kind === 'termination_request' && e.medium !== 'phone'),
    ['termination_request'],
  );

  return {
    normalised,
    amounts: extractAmounts(text),
    dates,
    references: extractReferences(text, today),
    events,
    stage: stageFromEvents(events, false),
    terminationStage: stageFromEvents(events, true),
    careRefusedStage: stageFromEvents(careEvents, false),
    complaint,
    complaintSentOn: complaint?.date ?? null,
    decision,
    decisionNotifiedOn: decision?.date ?? null,
    answer,
    terminationRequest,
    negativeAnswer: negative ? hitOf('fact.negative_answer', negative) : null,
    craReferral: cra ? hitOf('fact.cra_referral', cra) : null,
    careDomain: careDomainCue(normalised),
  };
}
