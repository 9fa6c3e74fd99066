import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { formatEuros } from '../shared/money.ts';
import { NEXT_STEP_LABELS, ORGANISATION_LABELS, STAGE_LABELS, TRIAGE_CATEGORIES } from './category-labels.ts';
import { predictProbabilities, topContributions, vectorise } from './classifier.ts';
import { type CueHit, organisationFromCues, stageFromCues } from './cues.ts';
import { foldSameLength, type Span } from './extract.ts';
import { factsOf, type TextFacts } from './facts.ts';
import { type Category, ORGANISATIONS, type Organisation, STAGES, type Stage, stageRank } from './labels.ts';
import type { TriageModel } from './model.ts';
import { nextStep } from './next-step.ts';
import { contentStems, featuresFromNormalised, normaliseText } from './normalise.ts';
import type { Diagnosis } from './schema.ts';

/** Below these confidences the analyser asks instead of guessing. */
export const ASK_THRESHOLDS = { category: 0.55, organisation: 0.6, stage: 0.6 } as const;

type Evidence = Diagnosis['evidence'][number];
type Question = Diagnosis['questions'][number];

/**
 * Reads a member's free text: what the dispute is, with whom, how far it went, the next step the law opens,
 * and what is still unclear. Pure: `today` resolves relative dates and deadlines; the model is plain data.
 */
export function analyseText(text: string, today: CalendarDate, model: TriageModel): Diagnosis {
  const facts = factsOf(text, today);
  const features = featuresFromNormalised(facts.normalised);
  const evidence: Evidence[] = [];

  // Category: the statistical model.
  const xCategory = vectorise(features, model.vocabulary, model.category.input);
  const probabilities = predictProbabilities(model.category, xCategory);
  const ranked = model.category.labels
    .map((label, i) => ({ category: label as Category, probability: probabilities[i]! }))
    .sort((a, b) => b.probability - a.probability);
  const category = ranked[0]!.category;
  const categoryConfidence = ranked[0]!.probability;
  const contributions = topContributions(model.category, model.vocabulary, xCategory, category, 5);
  evidence.push({
    field: 'category',
    rule: `model.${model.category.input === 'tfidf' ? 'logistic_regression' : 'naive_bayes'}`,
    detail: contributions.length
      ? `Mots qui ont le plus compté : ${contributions.map((c) => c.feature).join(', ')}`
      : 'Aucun mot connu du modèle : catégorie par défaut, à confirmer.',
    spans: spansOfFeatures(
      text,
      contributions.map((c) => c.feature),
    ),
  });

  // Organisation and stage: a classifier head when the model has one, otherwise the cue rules.
  const cpamCategory = category === 'cpam_decision';
  let organisation: Organisation;
  let organisationConfidence: number;
  if (model.organisation) {
    const p = predictProbabilities(
      model.organisation,
      vectorise(features, model.vocabulary, model.organisation.input),
    );
    const best = argmax(p);
    organisation = model.organisation.labels[best] as Organisation;
    organisationConfidence = p[best]!;
    evidence.push({ field: 'organisation', rule: 'model.organisation', detail: 'Classifieur', spans: [] });
  } else {
    const guess = organisationFromCues(facts.normalised, cpamCategory);
    organisation = guess.organisation;
    organisationConfidence = guess.confidence;
    evidence.push(
      cueEvidence(
        'organisation',
        guess.hits,
        text,
        guess.hits.length
          ? `Organisme nommé : ${unique(guess.hits.map((h) => h.matched)).join(', ')}`
          : 'Aucun organisme nommé.',
      ),
    );
  }
  let stage: Stage;
  let stageConfidence: number;
  if (model.stage) {
    const p = predictProbabilities(model.stage, vectorise(features, model.vocabulary, model.stage.input));
    const best = argmax(p);
    stage = model.stage.labels[best] as Stage;
    stageConfidence = p[best]!;
    evidence.push({ field: 'stage', rule: 'model.stage', detail: 'Classifieur', spans: [] });
  } else {
    const guess = stageFromCues(facts.normalised, category === 'termination');
    stage = guess.stage;
    stageConfidence = guess.confidence;
    evidence.push(
      cueEvidence(
        'stage',
        guess.hits,
        text,
        guess.hits.length
          ? `Démarche mentionnée : ${unique(guess.hits.map((h) => h.matched)).join(', ')}`
          : 'Aucune démarche mentionnée.',
      ),
    );
  }

  const advice = nextStep({
    category,
    organisation,
    stage,
    today,
    complaintSentOn: facts.complaintSentOn,
    decisionNotifiedOn: facts.decisionNotifiedOn,
    negativeAnswer: facts.negativeAnswer !== null,
    craReferred: facts.craReferral !== null,
  });
  evidence.push({
    field: 'nextStep',
    rule: `next-step.${advice.rule}`,
    detail: advice.sources.join(' ; '),
    spans: [],
  });
  for (const hit of [facts.negativeAnswer, facts.craReferral]) {
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

  const nextStepConfidence = Math.min(categoryConfidence, organisationConfidence, stageConfidence);
  const overall = Math.cbrt(categoryConfidence * organisationConfidence * stageConfidence);

  return {
    category,
    categoryLabel: TRIAGE_CATEGORIES[category].label,
    organisation,
    stage,
    nextStep: advice.step,
    nextStepLabel: NEXT_STEP_LABELS[advice.step],
    nextStepReason: advice.reason,
    nextStepSources: advice.sources,
    nextStepOpensOn: advice.opensOn,
    nextStepRule: advice.rule,
    warnings: advice.warnings,
    confidence: {
      category: round(categoryConfidence),
      organisation: round(organisationConfidence),
      stage: round(stageConfidence),
      nextStep: round(nextStepConfidence),
      overall: round(overall),
    },
    categoryAlternatives: ranked.slice(0, 3).map((r) => ({
      category: r.category,
      label: TRIAGE_CATEGORIES[r.category].label,
      probability: round(r.probability),
    })),
    amounts: facts.amounts.map(({ text: t, start, end, cents }) => ({ text: t, start, end, cents })),
    dates: facts.dates.map(({ text: t, start, end, date, kind, precision, role }) => ({
      text: t,
      start,
      end,
      date,
      kind,
      precision,
      role,
    })),
    references: facts.references.map(({ text: t, start, end, kind, value }) => ({
      text: t,
      start,
      end,
      kind,
      value,
    })),
    evidence,
    questions: questionsFor({
      ranked,
      categoryConfidence,
      organisation,
      organisationConfidence,
      stage,
      stageConfidence,
      category,
      facts,
    }),
    summary: summarise(category, organisation, stage, facts),
    documents: TRIAGE_CATEGORIES[category].documents,
  };
}

function questionsFor(input: {
  ranked: ReadonlyArray<{ category: Category; probability: number }>;
  category: Category;
  categoryConfidence: number;
  organisation: Organisation;
  organisationConfidence: number;
  stage: Stage;
  stageConfidence: number;
  facts: TextFacts;
}): Question[] {
  const questions: Question[] = [];
  if (input.categoryConfidence < ASK_THRESHOLDS.category) {
    const options = input.ranked.filter((r, i) => i === 0 || r.probability >= 0.1).slice(0, 3);
    const top = options.length >= 2 ? options : input.ranked.slice(0, 2);
    questions.push({
      id: 'category',
      field: 'category',
      question: `Votre situation concerne-t-elle plutôt : ${top.map((r) => TRIAGE_CATEGORIES[r.category].label.toLowerCase()).join(', ou ')} ?`,
      options: [
        ...top.map((r) => ({ value: r.category, label: TRIAGE_CATEGORIES[r.category].label })),
        { value: 'other', label: 'Autre chose' },
      ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i),
    });
  }
  if (input.organisation === 'unknown' || input.organisationConfidence < ASK_THRESHOLDS.organisation) {
    questions.push({
      id: 'organisation',
      field: 'organisation',
      question:
        'Avec quel organisme avez-vous ce litige : votre mutuelle, un assureur, ou la CPAM (Assurance maladie) ?',
      options: ORGANISATIONS.filter((o) => o !== 'unknown').map((o) => ({
        value: o,
        label: ORGANISATION_LABELS[o],
      })),
    });
  }
  if (input.stageConfidence < ASK_THRESHOLDS.stage) {
    questions.push({
      id: 'stage',
      field: 'stage',
      question: "Qu'avez-vous déjà fait pour régler ce problème ?",
      options: STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })),
    });
  }
  const { facts } = input;
  const written =
    stageRank(input.stage) >= stageRank('written_complaint_sent') &&
    stageRank(input.stage) < stageRank('mediation');
  if (input.category === 'cpam_decision') {
    if (facts.decisionNotifiedOn === null && stageRank(input.stage) < stageRank('mediation')) {
      questions.push({
        id: 'decision_date',
        field: 'dates',
        question:
          'À quelle date avez-vous reçu la décision de la CPAM ? Le recours à la commission de recours amiable est ouvert 2 mois.',
        options: [],
      });
    }
  } else if (input.category === 'termination') {
    if (written && !facts.dates.some((d) => d.role === 'termination' || d.role === 'complaint')) {
      questions.push({
        id: 'termination_date',
        field: 'dates',
        question:
          'À quelle date avez-vous envoyé votre demande de résiliation, et par quel moyen (recommandé, courriel, espace adhérent) ?',
        options: [],
      });
    }
  } else if (written && facts.complaintSentOn === null) {
    questions.push({
      id: 'complaint_date',
      field: 'dates',
      question:
        'À quelle date avez-vous envoyé votre réclamation écrite ? Le médiateur peut être saisi 2 mois après, et au plus tard un an après.',
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

function summarise(category: Category, organisation: Organisation, stage: Stage, facts: TextFacts): string {
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
  const sent =
    stage === 'written_complaint_sent' && facts.complaintSentOn
      ? ` (le ${formatFrenchDate(facts.complaintSentOn)})`
      : '';
  const stageSentence = sent ? STAGE_SENTENCE[stage].replace(/\.$/, `${sent}.`) : STAGE_SENTENCE[stage];
  return `Je comprends : ${phrase}${withWhom}${amounts}. ${stageSentence}`;
}

// ---------------------------------------------------------------------------------------------- evidence

/** Original words whose stems make up the given features (unigrams and bigrams). */
function spansOfFeatures(text: string, features: ReadonlyArray<string>): Span[] {
  const words: Array<{ stems: string[]; start: number; end: number }> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
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
