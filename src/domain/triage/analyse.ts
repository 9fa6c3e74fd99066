import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { formatEuros } from '../shared/money.ts';
import { publicSource, publicText } from '../shared/public-text.ts';
import { allMatches } from '../shared/regexp.ts';
import { NEXT_STEP_LABELS, ORGANISATION_LABELS, STAGE_LABELS, TRIAGE_CATEGORIES } from './category-labels.ts';
import { predictProbabilities, topContributions, vectorise } from './classifier.ts';
import { type CueHit, organisationFromCues } from './cues.ts';
import { foldSameLength, type Span } from './extract.ts';
import { factsOf, type TextFacts } from './facts.ts';
import { type Category, ORGANISATIONS, type Organisation, STAGES, type Stage, stageRank } from './labels.ts';
import { modelFeatures, type TriageModel } from './model.ts';
import { isCpamDecision, nextStep } from './next-step.ts';
import { contentStems, normaliseText } from './normalise.ts';
import {
  type AnswerKey,
  DATED_FACT_KEYS,
  type DatedFactKey,
  type Diagnosis,
  type TriageAnswers,
} from './schema.ts';

/** Below these confidences the analyser asks instead of guessing. */
export const ASK_THRESHOLDS = { category: 0.6, organisation: 0.6, stage: 0.6 } as const;

type Evidence = Diagnosis['evidence'][number];
type Question = Diagnosis['questions'][number];
type LabelField = 'category' | 'organisation' | 'stage';

/** Dated facts and an amount the member stated in the conversation (answers), over what the text says. */
export type StatedFacts = Omit<TriageAnswers, LabelField>;

/**
 * What the text says, before the law is applied: labels with their confidence and evidence, and the facts.
 * Answers (answers.ts) and the optional language model (server) adjust a reading; `diagnosisOf` applies the law.
 */
export interface TextReading {
  text: string;
  facts: TextFacts;
  ranked: Array<{ category: Category; probability: number }>;
  category: Category;
  organisation: Organisation;
  stage: Stage;
  confidence: Record<LabelField, number>;
  evidence: Record<LabelField, Evidence>;
  /** Organisation and stage from the cue rules (re-read when the category changes) or from classifier heads. */
  labelsFrom: 'cues' | 'heads';
  stated: StatedFacts;
  answered: AnswerKey[];
}

/**
 * Reads a member's free text: what the dispute is, with whom, how far it went, the next step the law opens,
 * and what is still unclear. Pure: `today` resolves relative dates and deadlines; the model is plain data.
 */
export function analyseText(text: string, today: CalendarDate, model: TriageModel): Diagnosis {
  return diagnosisOf(readText(text, today, model), today);
}

export interface ReadOptions {
  /**
   * The words that made the category (detail and highlighted spans of its evidence). Default true; a caller that
   * keeps only the labels (the triage of a file at its creation) skips them: they were a third of the reading.
   */
  categoryEvidence?: boolean;
}

/** The statistical model for the category; cue rules (or heads) for organisation and stage. */
export function readText(
  text: string,
  today: CalendarDate,
  model: TriageModel,
  options: ReadOptions = {},
): TextReading {
  const facts = factsOf(text, today);
  const features = modelFeatures(facts.normalised, model.features);

  const xCategory = vectorise(features, model.vocabulary, model.category.input);
  const probabilities = predictProbabilities(model.category, xCategory);
  const ranked = model.category.labels
    .map((label, i) => ({ category: label as Category, probability: probabilities[i]! }))
    .sort((a, b) => b.probability - a.probability);
  const category = ranked[0]!.category;
  const rule = `model.${model.category.input === 'tfidf' ? 'logistic_regression' : 'naive_bayes'}`;
  let categoryEvidence: Evidence = { field: 'category', rule, detail: '', spans: [] };
  if (options.categoryEvidence !== false) {
    // Character n-grams carry weight but are not words a member recognises: the evidence names words only.
    const contributions = topContributions(model.category, model.vocabulary, xCategory, category, 40)
      .filter((c) => !c.feature.startsWith('#'))
      .slice(0, 5);
    categoryEvidence = {
      field: 'category',
      rule,
      detail: contributions.length
        ? `Mots qui ont le plus compté : ${contributions.map((c) => c.feature).join(', ')}`
        : 'Aucun mot connu du modèle : catégorie par défaut, à confirmer.',
      spans: spansOfFeatures(
        text,
        contributions.map((c) => c.feature),
      ),
    };
  }

  const reading: TextReading = {
    text,
    facts,
    ranked,
    category,
    organisation: 'unknown',
    stage: 'none',
    confidence: { category: ranked[0]!.probability, organisation: 0, stage: 0 },
    evidence: {
      category: categoryEvidence,
      organisation: { field: 'organisation', rule: 'cues.none', detail: '', spans: [] },
      stage: { field: 'stage', rule: 'cues.none', detail: '', spans: [] },
    },
    labelsFrom: model.organisation && model.stage ? 'heads' : 'cues',
    stated: {},
    answered: [],
  };

  if (model.organisation) {
    const p = predictProbabilities(
      model.organisation,
      vectorise(features, model.vocabulary, model.organisation.input),
    );
    const best = argmax(p);
    reading.organisation = model.organisation.labels[best] as Organisation;
    reading.confidence.organisation = p[best]!;
    reading.evidence.organisation = {
      field: 'organisation',
      rule: 'model.organisation',
      detail: 'Classifieur',
      spans: [],
    };
  }
  if (model.stage) {
    const p = predictProbabilities(model.stage, vectorise(features, model.vocabulary, model.stage.input));
    const best = argmax(p);
    reading.stage = model.stage.labels[best] as Stage;
    reading.confidence.stage = p[best]!;
    reading.evidence.stage = { field: 'stage', rule: 'model.stage', detail: 'Classifieur', spans: [] };
  }
  return withCueLabels(reading, { organisation: !model.organisation, stage: !model.stage });
}

/**
 * Organisation and stage from the cue rules, which depend on the category (a CPAM decision, a termination):
 * run again when an answer or the language model changes the category, for the fields nobody fixed.
 */
export function withCueLabels(
  reading: TextReading,
  which: { organisation: boolean; stage: boolean },
): TextReading {
  const { facts, text, category } = reading;
  const next = {
    ...reading,
    confidence: { ...reading.confidence },
    evidence: { ...reading.evidence },
  };
  if (which.organisation) {
    const guess = organisationFromCues(facts.normalised, category === 'cpam_decision');
    next.organisation = guess.organisation;
    next.confidence.organisation = guess.confidence;
    next.evidence.organisation = cueEvidence(
      'organisation',
      guess.hits,
      text,
      guess.hits.length
        ? `Organisme nommé : ${unique(guess.hits.map((h) => h.matched)).join(', ')}`
        : 'Aucun organisme nommé.',
    );
  }
  if (which.stage) {
    const guess =
      category === 'termination'
        ? facts.terminationStage
        : category === 'care_refused'
          ? facts.careRefusedStage
          : facts.stage;
    next.stage = guess.stage;
    next.confidence.stage = guess.confidence;
    next.evidence.stage = cueEvidence(
      'stage',
      guess.events.map((e) => ({ rule: `events.${e.kind}`, matched: e.matched, index: e.at })),
      text,
      guess.events.length
        ? `Démarche mentionnée : ${unique(guess.events.map((e) => e.matched)).join(', ')}`
        : 'Aucune démarche mentionnée.',
    );
  }
  return next;
}

/** The facts the law is applied to: the member's answers first, then what the text says. */
export interface MergedFacts {
  complaintSentOn: CalendarDate | null;
  decisionNotifiedOn: CalendarDate | null;
  answerReceivedOn: CalendarDate | null;
  answerOutcome: DecisionOutcome | null;
  terminationRequestSentOn: CalendarDate | null;
  negativeAnswer: boolean;
  craReferred: boolean;
  amountCents: number | null;
}

export function mergedFacts(reading: TextReading): MergedFacts {
  const { facts, stated } = reading;
  const answerOutcome = stated.answerOutcome ?? null;
  // A dated negative answer read in the text feeds the engine only with the complaint it answers (C. consom.
  // L612-2: the mediator opens on a negative answer); the member's answers win over it.
  const textAnswer = stated.answerReceivedOn || stated.answerOutcome ? null : facts.answer;
  return {
    complaintSentOn: stated.complaintSentOn ?? facts.complaintSentOn,
    decisionNotifiedOn: stated.decisionNotifiedOn ?? facts.decisionNotifiedOn,
    answerReceivedOn: stated.answerReceivedOn ?? textAnswer?.date ?? null,
    answerOutcome: answerOutcome ?? (textAnswer ? 'rejected' : null),
    terminationRequestSentOn: stated.terminationRequestSentOn ?? facts.terminationRequest?.date ?? null,
    negativeAnswer: answerOutcome ? answerOutcome !== 'accepted' : facts.negativeAnswer !== null,
    craReferred: facts.craReferral !== null,
    amountCents: stated.amountCents ?? null,
  };
}

/** Applies the law to a reading: next step (next-step.ts), deadlines (the engine), questions, summary. */
export function diagnosisOf(reading: TextReading, today: CalendarDate): Diagnosis {
  const { facts, text, category, organisation, stage, ranked } = reading;
  const merged = mergedFacts(reading);
  const advice = nextStep({
    category,
    organisation,
    stage,
    today,
    complaintSentOn: merged.complaintSentOn,
    decisionNotifiedOn: merged.decisionNotifiedOn,
    negativeAnswer: merged.negativeAnswer,
    craReferred: merged.craReferred,
    answerReceivedOn: merged.answerReceivedOn,
    answerOutcome: merged.answerOutcome,
    terminationRequestSentOn: merged.terminationRequestSentOn,
  });
  const evidence: Evidence[] = [
    reading.evidence.category,
    reading.evidence.organisation,
    reading.evidence.stage,
  ];
  evidence.push({
    field: 'nextStep',
    rule: `next-step.${advice.rule}`,
    detail: advice.sources.map(publicSource).join(' ; '),
    spans: [],
  });
  for (const hit of [reading.stated.answerOutcome ? null : facts.negativeAnswer, facts.craReferral]) {
    if (hit)
      evidence.push(
        cueEvidence(
          'facts',
          [hit],
          text,
          hit.rule === 'fact.cra_referral' ? 'Recours à la CRA mentionné' : 'Réponse négative mentionnée',
        ),
      );
  }
  for (const key of reading.answered) {
    if (key === 'category' || key === 'organisation' || key === 'stage') continue;
    evidence.push({
      field: 'facts',
      rule: `answer.${key}`,
      detail: `Réponse de l'adhérent : ${statedText(key, reading.stated)}`,
      spans: [],
    });
  }

  const c = reading.confidence;
  const nextStepConfidence = Math.min(c.category, c.organisation, c.stage);
  const overall = Math.cbrt(c.category * c.organisation * c.stage);

  return {
    category,
    categoryLabel: TRIAGE_CATEGORIES[category].label,
    organisation,
    stage,
    nextStep: advice.step,
    nextStepLabel: advice.label ?? NEXT_STEP_LABELS[advice.step],
    nextStepReason: publicText(advice.reason),
    nextStepSources: advice.sources.map(publicSource),
    nextStepOpensOn: advice.opensOn,
    nextStepClosesOn: advice.closesOn,
    nextStepRule: advice.rule,
    warnings: advice.warnings.map(publicText),
    deadlines: advice.deadlines.map(
      ({ id, kind, title, party, opensOn, dueDate, status, daysLeft, rule, source, action }) => ({
        id,
        kind,
        title,
        party,
        opensOn,
        dueDate,
        status,
        daysLeft,
        rule,
        source,
        action,
      }),
    ),
    amountCents: merged.amountCents,
    answered: [...reading.answered],
    confidence: {
      category: round(c.category),
      organisation: round(c.organisation),
      stage: round(c.stage),
      nextStep: round(nextStepConfidence),
      overall: round(overall),
    },
    categoryAlternatives: ranked.slice(0, 3).map((r) => ({
      category: r.category,
      label: TRIAGE_CATEGORIES[r.category].label,
      probability: round(r.probability),
    })),
    amounts: facts.amounts.map(({ text: t, start, end, cents }) => ({ text: t, start, end, cents })),
    dates: facts.dates.map(({ text: t, start, end, date, kind, precision, role, event, confidence }) => ({
      text: t,
      start,
      end,
      date,
      kind,
      precision,
      role,
      event,
      confidence,
    })),
    facts: inferredFacts(reading, merged),
    deadlinesConfirmed: deadlinesConfirmed(reading, merged),
    references: facts.references.map(({ text: t, start, end, kind, value }) => ({
      text: t,
      start,
      end,
      kind,
      value,
    })),
    evidence,
    questions: questionsFor(reading, merged),
    summary: summarise(reading, merged),
    documents: TRIAGE_CATEGORIES[category].documents,
  };
}

const FACT_LABELS: Record<DatedFactKey, string> = {
  complaintSentOn: 'Réclamation écrite envoyée le',
  answerReceivedOn: 'Réponse négative reçue le',
  decisionNotifiedOn: 'Décision reçue le',
  terminationRequestSentOn: 'Demande de résiliation envoyée le',
};

/**
 * The dated facts the deadlines rest on, each with where it comes from: read in the text (to be confirmed by the
 * member) or answered by him (confirmed). Deadlines are certain only when the stage and these are confirmed.
 */
function inferredFacts(reading: TextReading, merged: MergedFacts): Diagnosis['facts'] {
  const { facts, answered } = reading;
  const fromText: Record<DatedFactKey, { mention: Span; confidence: number } | null> = {
    complaintSentOn: facts.complaint
      ? { mention: facts.complaint.mention, confidence: facts.complaint.confidence }
      : null,
    answerReceivedOn: facts.answer
      ? { mention: facts.answer.mention, confidence: facts.answer.confidence }
      : null,
    decisionNotifiedOn: facts.decision
      ? { mention: facts.decision.mention, confidence: facts.decision.confidence }
      : null,
    terminationRequestSentOn: facts.terminationRequest
      ? { mention: facts.terminationRequest.mention, confidence: facts.terminationRequest.confidence }
      : null,
  };
  const out: Diagnosis['facts'] = [];
  for (const key of DATED_FACT_KEYS) {
    const date = merged[key];
    if (!date) continue;
    const confirmed = answered.includes(key);
    const read = fromText[key];
    out.push({
      key,
      date,
      label: FACT_LABELS[key],
      confirmed,
      confidence: confirmed ? 1 : round(read?.confidence ?? 0.5),
      span:
        !confirmed && read
          ? { text: read.mention.text, start: read.mention.start, end: read.mention.end }
          : null,
    });
  }
  return out;
}

/** Deadlines are shown as certain only once the member confirmed the stage and every date they rest on. */
function deadlinesConfirmed(reading: TextReading, merged: MergedFacts): boolean {
  if (!reading.answered.includes('stage')) return false;
  return DATED_FACT_KEYS.every((key) => merged[key] === null || reading.answered.includes(key));
}

function statedText(key: AnswerKey, stated: StatedFacts): string {
  const date = (d: string | undefined) => (d ? formatFrenchDate(d) : '');
  switch (key) {
    case 'complaintSentOn':
      return `réclamation écrite envoyée le ${date(stated.complaintSentOn)}`;
    case 'answerReceivedOn':
      return `réponse reçue le ${date(stated.answerReceivedOn)}`;
    case 'answerOutcome':
      return `réponse ${stated.answerOutcome === 'accepted' ? 'favorable' : stated.answerOutcome === 'partial' ? 'partiellement favorable' : 'négative'}`;
    case 'decisionNotifiedOn':
      return `décision de la CPAM reçue le ${date(stated.decisionNotifiedOn)}`;
    case 'terminationRequestSentOn':
      return `demande de résiliation envoyée le ${date(stated.terminationRequestSentOn)}`;
    case 'amountCents':
      return `montant en jeu ${formatEuros(stated.amountCents ?? 0)}`;
    default:
      return key;
  }
}

/** Kinds of dispute where the amount at stake matters for the file (and for its priority). */
const MONEY_CATEGORIES: ReadonlySet<Category> = new Set([
  'reimbursement_contested',
  'coverage_interpretation',
  'contributions',
  'cpam_decision',
]);

function questionsFor(reading: TextReading, merged: MergedFacts): Question[] {
  const { ranked, category, organisation, stage, facts, confidence } = reading;
  const answered = new Set(reading.answered);
  const questions: Question[] = [];
  if (!answered.has('category') && confidence.category < ASK_THRESHOLDS.category) {
    const options = ranked.filter((r, i) => i === 0 || r.probability >= 0.1).slice(0, 3);
    const top = options.length >= 2 ? options : ranked.slice(0, 2);
    questions.push({
      id: 'category',
      field: 'category',
      answer: 'category',
      input: 'choice',
      question: `Votre situation concerne-t-elle plutôt : ${top.map((r) => TRIAGE_CATEGORIES[r.category].label.toLowerCase()).join(', ou ')} ?`,
      options: [
        ...top.map((r) => ({ value: r.category, label: TRIAGE_CATEGORIES[r.category].label })),
        { value: 'other', label: 'Autre chose' },
      ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i),
    });
  }
  if (
    !answered.has('organisation') &&
    (organisation === 'unknown' || confidence.organisation < ASK_THRESHOLDS.organisation)
  ) {
    questions.push({
      id: 'organisation',
      field: 'organisation',
      answer: 'organisation',
      input: 'choice',
      question:
        'Avec quel organisme avez-vous ce litige : votre mutuelle, un assureur, ou la CPAM (Assurance maladie) ?',
      options: ORGANISATIONS.filter((o) => o !== 'unknown').map((o) => ({
        value: o,
        label: ORGANISATION_LABELS[o],
      })),
    });
  }
  if (!answered.has('stage') && confidence.stage < ASK_THRESHOLDS.stage) {
    questions.push({
      id: 'stage',
      field: 'stage',
      answer: 'stage',
      input: 'choice',
      question: "Qu'avez-vous déjà fait pour régler ce problème ?",
      options: STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })),
    });
  }
  const date = (id: string, answer: AnswerKey, question: string): Question => ({
    id,
    field: 'dates',
    answer,
    input: 'date',
    question,
    options: [],
  });
  const written =
    stageRank(stage) >= stageRank('written_complaint_sent') && stageRank(stage) < stageRank('mediation');
  const cpamDecision = isCpamDecision(category, organisation);
  if (category === 'cpam_decision' || cpamDecision) {
    if (merged.decisionNotifiedOn === null && stageRank(stage) < stageRank('mediation')) {
      questions.push(
        date(
          'decision_date',
          'decisionNotifiedOn',
          'À quelle date avez-vous reçu la décision de la CPAM ? Le recours à la commission de recours amiable est ouvert 2 mois.',
        ),
      );
    }
    if (merged.craReferred && written) {
      if (merged.complaintSentOn === null) {
        questions.push(
          date(
            'cra_date',
            'complaintSentOn',
            'À quelle date avez-vous envoyé votre recours à la commission de recours amiable ? Sans réponse 2 mois après, le tribunal peut être saisi.',
          ),
        );
      } else if (merged.negativeAnswer && merged.answerReceivedOn === null) {
        questions.push(
          date(
            'answer_date',
            'answerReceivedOn',
            'À quelle date avez-vous reçu la décision de la commission de recours amiable ? Le tribunal doit être saisi dans les 2 mois.',
          ),
        );
      }
    }
  } else if (category === 'termination') {
    if (
      written &&
      merged.terminationRequestSentOn === null &&
      !facts.dates.some((d) => d.role === 'termination' || d.role === 'complaint')
    ) {
      questions.push(
        date(
          'termination_date',
          'terminationRequestSentOn',
          'À quelle date avez-vous envoyé votre demande de résiliation, et par quel moyen (recommandé, courriel, espace adhérent) ?',
        ),
      );
    }
  } else if (written && organisation !== 'cpam' && category !== 'care_refused') {
    if (merged.complaintSentOn === null) {
      questions.push(
        date(
          'complaint_date',
          'complaintSentOn',
          'À quelle date avez-vous envoyé votre réclamation écrite ? Le médiateur peut être saisi 2 mois après, et au plus tard un an après.',
        ),
      );
    } else if (merged.negativeAnswer && merged.answerReceivedOn === null) {
      questions.push(
        date(
          'answer_date',
          'answerReceivedOn',
          'À quelle date avez-vous reçu la réponse négative ? Le médiateur peut être saisi dès sa réception.',
        ),
      );
    }
  } else if (written && organisation === 'cpam' && merged.complaintSentOn === null) {
    questions.push(
      date(
        'complaint_date',
        'complaintSentOn',
        'À quelle date avez-vous envoyé votre réclamation écrite à la CPAM ?',
      ),
    );
  }
  if (MONEY_CATEGORIES.has(category) && merged.amountCents === null && !answered.has('amountCents')) {
    questions.push({
      id: 'amount',
      field: 'amount',
      answer: 'amountCents',
      input: 'amount',
      question:
        'Quel montant est en jeu, selon vous (ce qui aurait dû vous être remboursé, ou ce qui vous a été prélevé à tort) ?',
      options: [],
    });
  }
  return questions;
}

const DOMAIN_PHRASE: Record<string, string> = {
  dentaire: 'dentaire',
  optique: "d'optique",
  auditif: "d'aides auditives",
  hospitalisation: "d'hospitalisation",
  pharmacie: 'de médicaments',
  consultation: 'de consultation',
  paramedical: 'de soins paramédicaux',
  'arret de travail': "d'indemnités journalières",
  transport: 'de transport',
};

const STAGE_SENTENCE: Record<Stage, string> = {
  none: "D'après votre message, aucune démarche n'a encore été faite.",
  customer_service_contacted: 'Vous avez déjà contacté le service client.',
  written_complaint_sent: 'Vous avez déjà fait une demande écrite.',
  reminder_unanswered: 'Votre réclamation écrite et votre relance sont restées sans réponse.',
  mediation: 'Un médiateur est déjà saisi.',
  court: 'Une procédure judiciaire est engagée.',
};

function summarise(reading: TextReading, merged: MergedFacts): string {
  const { category, organisation, stage, facts } = reading;
  let phrase = TRIAGE_CATEGORIES[category].phrase;
  const domain = facts.careDomain === null ? undefined : DOMAIN_PHRASE[facts.careDomain];
  if (category === 'reimbursement_contested' && domain) phrase = `un remboursement ${domain} contesté`;
  else if (category === 'coverage_interpretation' && domain)
    phrase = `${phrase} (soins ${domain.replace(/^d'|^de /, '')})`;
  const withWhom = organisation === 'unknown' ? '' : ` auprès de ${ORGANISATION_LABELS[organisation]}`;
  const amounts = facts.amounts.length
    ? `, montants cités : ${facts.amounts
        .slice(0, 3)
        .map((a) => formatEuros(a.cents))
        .join(', ')}`
    : '';
  const atStake = merged.amountCents !== null ? `, montant en jeu : ${formatEuros(merged.amountCents)}` : '';
  const sent =
    stage === 'written_complaint_sent' && merged.complaintSentOn
      ? ` (le ${formatFrenchDate(merged.complaintSentOn)})`
      : '';
  const stageSentence = sent ? STAGE_SENTENCE[stage].replace(/\.$/, `${sent}.`) : STAGE_SENTENCE[stage];
  return `Je comprends : ${phrase}${withWhom}${amounts}${atStake}. ${stageSentence}`;
}

// ---------------------------------------------------------------------------------------------- evidence

const WORD = /[\p{L}\p{N}]+/gu;

/** Original words whose stems make up the given features (unigrams and bigrams). */
function spansOfFeatures(text: string, features: ReadonlyArray<string>): Span[] {
  const words: Array<{ stems: string[]; start: number; end: number }> = [];
  for (const m of allMatches(text, WORD)) {
    const stems = contentStems(normaliseText(m[0]));
    if (stems.length) words.push({ stems, start: m.index, end: m.index + m[0].length });
  }
  const spans: Span[] = [];
  const add = (start: number, end: number) => {
    if (!spans.some((s) => s.start === start)) spans.push({ text: text.slice(start, end), start, end });
  };
  for (const feature of features) {
    const [a, b] = feature.split(' ');
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (b === undefined) {
        if (w.stems.includes(a!)) add(w.start, w.end);
      } else if (w.stems.at(-1) === a && words[i + 1]?.stems[0] === b) {
        add(w.start, words[i + 1]!.end);
      }
    }
  }
  return spans.sort((x, y) => x.start - y.start).slice(0, 8);
}

function cueEvidence(
  field: Evidence['field'],
  hits: ReadonlyArray<CueHit>,
  text: string,
  detail: string,
): Evidence {
  const folded = foldSameLength(text);
  const spans: Span[] = [];
  for (const hit of hits.slice(0, 4)) {
    const at = folded.indexOf(hit.matched);
    if (at >= 0)
      spans.push({ text: text.slice(at, at + hit.matched.length), start: at, end: at + hit.matched.length });
  }
  return { field, rule: unique(hits.map((h) => h.rule)).join(', ') || 'cues.none', detail, spans };
}

function argmax(values: ReadonlyArray<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

const unique = <T>(values: ReadonlyArray<T>): T[] => [...new Set(values)];
const round = (v: number) => Math.round(v * 1000) / 1000;
