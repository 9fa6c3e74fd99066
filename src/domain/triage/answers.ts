import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { diagnosisOf, type ReadOptions, readText, type TextReading, withCueLabels } from './analyse.ts';
import { ORGANISATION_LABELS, STAGE_LABELS, TRIAGE_CATEGORIES } from './category-labels.ts';
import type { Category, Organisation, Stage } from './labels.ts';
import type { TriageModel } from './model.ts';
import type { AnswerKey, Diagnosis, TriageAnswers, TriageRequest } from './schema.ts';

type LabelField = 'category' | 'organisation' | 'stage';
const DATE_ANSWERS = [
  'complaintSentOn',
  'answerReceivedOn',
  'decisionNotifiedOn',
  'terminationRequestSentOn',
] as const satisfies ReadonlyArray<AnswerKey>;

const DATE_NAMES: Record<(typeof DATE_ANSWERS)[number], string> = {
  complaintSentOn: "d'envoi de la réclamation",
  answerReceivedOn: 'de la réponse',
  decisionNotifiedOn: 'de la décision de la CPAM',
  terminationRequestSentOn: "d'envoi de la demande de résiliation",
};

/**
 * Answers are facts the member states: they cannot be after today, and an answer cannot precede the complaint.
 * The field is named as the API and the CLI receive it (`answers.complaintSentOn`).
 */
export function checkAnswers(answers: TriageAnswers, today: CalendarDate): Result<TriageAnswers> {
  for (const key of DATE_ANSWERS) {
    const value = answers[key];
    if (value && value > today) {
      return fail(
        'date_in_future',
        `La date ${DATE_NAMES[key]} (${formatFrenchDate(value)}) est postérieure à aujourd'hui (${formatFrenchDate(today)}) : indiquez une date passée.`,
        `answers.${key}`,
      );
    }
  }
  if (
    answers.answerReceivedOn &&
    answers.complaintSentOn &&
    answers.answerReceivedOn < answers.complaintSentOn
  ) {
    return fail(
      'inconsistent_dates',
      `La réponse (${formatFrenchDate(answers.answerReceivedOn)}) ne peut pas précéder la réclamation (${formatFrenchDate(answers.complaintSentOn)}) : vérifiez ces deux dates.`,
      'answers.answerReceivedOn',
    );
  }
  return ok(answers);
}

const MEMBER = "réponse de l'adhérent";

function labelText(field: LabelField, value: string): string {
  if (field === 'category') return TRIAGE_CATEGORIES[value as Category].label;
  if (field === 'organisation') return ORGANISATION_LABELS[value as Organisation];
  return STAGE_LABELS[value as Stage];
}

/**
 * Applies the member's answers and corrections over the reading of the text. An answered label gets confidence 1
 * and the evidence « réponse de l'adhérent »; when the category changes, the organisation and stage that nobody
 * fixed are read again (their cue rules depend on it). `diagnosisOf` then recomputes the next step, the
 * deadlines, the summary, the documents, and drops the questions answered. Pure.
 */
export function applyAnswers(reading: TextReading, answers: TriageAnswers | undefined): TextReading {
  if (!answers) return reading;
  const given = (Object.keys(answers) as AnswerKey[]).filter((k) => answers[k] !== undefined);
  if (given.length === 0) return reading;
  let next: TextReading = {
    ...reading,
    confidence: { ...reading.confidence },
    evidence: { ...reading.evidence },
    stated: { ...reading.stated },
    answered: [...new Set([...reading.answered, ...given])],
  };
  if (answers.category !== undefined && answers.category !== next.category) {
    next.category = answers.category;
    if (next.labelsFrom === 'cues') {
      next = withCueLabels(next, {
        organisation: answers.organisation === undefined && !reading.answered.includes('organisation'),
        stage: answers.stage === undefined && !reading.answered.includes('stage'),
      });
    }
  }
  for (const field of ['category', 'organisation', 'stage'] as const) {
    const value = answers[field];
    if (value === undefined) continue;
    (next as Record<LabelField, string>)[field] = value;
    next.confidence[field] = 1;
    next.evidence[field] = {
      field,
      rule: `answer.${field}`,
      detail: `${MEMBER[0]!.toUpperCase()}${MEMBER.slice(1)} : ${labelText(field, value)}`,
      spans: [],
    };
  }
  for (const key of [...DATE_ANSWERS, 'answerOutcome', 'amountCents'] as const) {
    if (answers[key] !== undefined) (next.stated as Record<string, unknown>)[key] = answers[key];
  }
  return next;
}

/** What the optional language model proposes (server/triage/llm-refiner.ts), already checked against the labels. */
export type LabelProposal = Partial<{ category: Category; organisation: Organisation; stage: Stage }>;

/** Confidence given to a label the language model proposed: above the ask thresholds, below an answer (1). */
export const LLM_CONFIDENCE = 0.7;

/**
 * Takes the language model's labels where it proposed one, recorded as evidence « modèle de langage ». It only
 * ever changes labels: the next step and every date stay computed by the rules from them.
 */
export function applyProposal(reading: TextReading, proposal: LabelProposal, model: string): TextReading {
  let next: TextReading = {
    ...reading,
    confidence: { ...reading.confidence },
    evidence: { ...reading.evidence },
  };
  if (proposal.category && proposal.category !== next.category) {
    next.category = proposal.category;
    if (next.labelsFrom === 'cues')
      next = withCueLabels(next, { organisation: !proposal.organisation, stage: !proposal.stage });
  }
  for (const field of ['category', 'organisation', 'stage'] as const) {
    const value = proposal[field];
    if (value === undefined) continue;
    const agrees = value === reading[field];
    (next as Record<LabelField, string>)[field] = value;
    next.confidence[field] = Math.max(agrees ? reading.confidence[field] : 0, LLM_CONFIDENCE);
    next.evidence[field] = {
      field,
      rule: `llm.${field}`,
      detail: `Modèle de langage (${model}) : ${labelText(field, value)}${agrees ? ', comme les règles locales' : ` (règles locales : ${labelText(field, reading[field])})`}`,
      spans: agrees ? reading.evidence[field].spans : [],
    };
  }
  return next;
}

/**
 * A request end to end, without the language model: read the text, apply the answers, apply the law.
 * `today` is the request's date when given, else the caller's (the server's clock in Paris).
 */
export function triageText(
  request: TriageRequest,
  today: CalendarDate,
  model: TriageModel,
  options: ReadOptions = {},
): Result<Diagnosis> {
  const day = request.today ?? today;
  const answers = request.answers ?? {};
  const checked = checkAnswers(answers, day);
  if (!checked.ok) return checked;
  return ok(diagnosisOf(applyAnswers(readText(request.text, day, model, options), answers), day));
}
