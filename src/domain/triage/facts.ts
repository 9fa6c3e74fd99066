import type { CalendarDate } from '../shared/calendar-date.ts';
import { type CareDomain, type CueHit, careDomainCue, craReferralCue, negativeAnswerCue } from './cues.ts';
import {
  type AmountMention,
  type DateMention,
  extractAmounts,
  extractDates,
  extractReferences,
  type ReferenceMention,
} from './extract.ts';
import { normaliseText } from './normalise.ts';

/** Everything the text says besides its labels: what the next-step rules and the summary need. */
export interface TextFacts {
  normalised: string;
  amounts: AmountMention[];
  dates: DateMention[];
  references: ReferenceMention[];
  /** Earliest date whose nearest cue is a complaint, recourse or letter. */
  complaintSentOn: CalendarDate | null;
  /** Earliest date whose nearest cue is a decision, notification or refusal. */
  decisionNotifiedOn: CalendarDate | null;
  negativeAnswer: CueHit | null;
  craReferral: CueHit | null;
  careDomain: CareDomain | null;
}

function earliest(dates: ReadonlyArray<DateMention>, role: DateMention['role']): CalendarDate | null {
  const matching = dates.filter((d) => d.role === role).map((d) => d.date);
  return matching.length === 0 ? null : matching.sort()[0]!;
}

export function factsOf(text: string, today: CalendarDate): TextFacts {
  const normalised = normaliseText(text);
  const dates = extractDates(text, today);
  return {
    normalised,
    amounts: extractAmounts(text),
    dates,
    references: extractReferences(text, today),
    complaintSentOn: earliest(dates, 'complaint'),
    decisionNotifiedOn: earliest(dates, 'decision'),
    negativeAnswer: negativeAnswerCue(normalised),
    craReferral: craReferralCue(normalised),
    careDomain: careDomainCue(normalised),
  };
}
