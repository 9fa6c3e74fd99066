/**
 * Evaluation of the triage analyser (npm run eval:triage). Splits: scripts/triage-corpus.ts.
 * Configurations are compared on the TEST split (models trained on the train split); the EVALUATION split,
 * written last, is read once by the shipped configuration and never used to choose anything.
 *
 * (Earlier protocol, kept for the first corpus:)
 * Protocol: the corpus is split once by a hash of each id (src/domain/triage/split.ts: 80 % train, 20 % test).
 * Configurations are compared by 5-fold cross-validation on the TRAIN split only; the test split is read once,
 * by the configuration shipped in DEFAULT_MODEL_OPTIONS, and is never used to choose anything. The holdout set
 * (corpus/triage/holdout.jsonl) was written after the model was frozen, in another style: it is the honest
 * estimate. Everything is deterministic: two runs print the same numbers (except latency).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyseText } from '../src/domain/triage/analyse.ts';
import { DEFAULT_TRAINING } from '../src/domain/triage/classifier.ts';
import type { LabelledExample } from '../src/domain/triage/corpus.ts';
import { organisationFromCues, stageFromCues } from '../src/domain/triage/cues.ts';
import { factsOf } from '../src/domain/triage/facts.ts';
import { keywordCategory } from '../src/domain/triage/keyword-baseline.ts';
import { CATEGORIES, type Category, NEXT_STEPS, ORGANISATIONS, STAGES } from '../src/domain/triage/labels.ts';
import { evaluate, majorityLabel, type Report } from '../src/domain/triage/metrics.ts';
import {
  DEFAULT_MODEL_OPTIONS,
  type ModelOptions,
  type TriageModel,
  trainTriageModel,
} from '../src/domain/triage/model.ts';
import { nextStep } from '../src/domain/triage/next-step.ts';
import { loadSplits, shippedTrainingSet } from './triage-corpus.ts';

/** The date the corpus' relative dates and deadlines are read against (GUIDE.md). */
export const CORPUS_TODAY = '2026-11-23';
const root = fileURLToPath(new URL('..', import.meta.url));

interface Predictions {
  category: string[];
  organisation: string[];
  stage: string[];
  nextStep: string[];
}

function predictWithModel(model: TriageModel, examples: ReadonlyArray<LabelledExample>): Predictions {
  const out: Predictions = { category: [], organisation: [], stage: [], nextStep: [] };
  for (const e of examples) {
    const d = analyseText(e.text, CORPUS_TODAY, model);
    out.category.push(d.category);
    out.organisation.push(d.organisation);
    out.stage.push(d.stage);
    out.nextStep.push(d.nextStep);
  }
  return out;
}

/** Keyword category + cue rules for organisation and stage + the same next-step table. */
function predictWithKeywords(examples: ReadonlyArray<LabelledExample>): Predictions {
  const out: Predictions = { category: [], organisation: [], stage: [], nextStep: [] };
  for (const e of examples) {
    const category: Category = keywordCategory(e.text);
    const facts = factsOf(e.text, CORPUS_TODAY);
    const organisation = organisationFromCues(facts.normalised, category === 'cpam_decision').organisation;
    const stage = stageFromCues(facts.normalised, category === 'termination').stage;
    const step = nextStep({
      category,
      organisation,
      stage,
      today: CORPUS_TODAY,
      complaintSentOn: facts.complaintSentOn,
      decisionNotifiedOn: facts.decisionNotifiedOn,
      negativeAnswer: facts.negativeAnswer !== null,
      craReferred: facts.craReferral !== null,
    }).step;
    out.category.push(category);
    out.organisation.push(organisation);
    out.stage.push(stage);
    out.nextStep.push(step);
  }
  return out;
}

function predictMajority(train: ReadonlyArray<LabelledExample>, n: number): Predictions {
  const fill = (v: string) => new Array<string>(n).fill(v);
  return {
    category: fill(majorityLabel(train.map((e) => e.category))),
    organisation: fill(majorityLabel(train.map((e) => e.organisation))),
    stage: fill(majorityLabel(train.map((e) => e.stage))),
    nextStep: fill(majorityLabel(train.map((e) => e.nextStep))),
  };
}

interface Scores {
  category: Report;
  organisation: Report;
  stage: Report;
  nextStep: Report;
}

function score(examples: ReadonlyArray<LabelledExample>, p: Predictions): Scores {
  return {
    category: evaluate(
      CATEGORIES,
      examples.map((e) => e.category),
      p.category,
    ),
    organisation: evaluate(
      ORGANISATIONS,
      examples.map((e) => e.organisation),
      p.organisation,
    ),
    stage: evaluate(
      STAGES,
      examples.map((e) => e.stage),
      p.stage,
    ),
    nextStep: evaluate(
      NEXT_STEPS,
      examples.map((e) => e.nextStep),
      p.nextStep,
    ),
  };
}

const pct = (v: number) => `${(100 * v).toFixed(1).padStart(5)} %`;
const pad = (s: string, n: number) => s.padEnd(n);

function printScoreTable(rows: ReadonlyArray<readonly [string, Scores]>) {
  console.log(
    `  ${pad('', 40)}${['category', 'cat. macro-F1', 'organisation', 'stage', 'nextStep'].map((h) => h.padStart(14)).join('')}`,
  );
  for (const [name, s] of rows) {
    const cells = [
      s.category.accuracy,
      s.category.macroF1,
      s.organisation.accuracy,
      s.stage.accuracy,
      s.nextStep.accuracy,
    ];
    console.log(`  ${pad(name, 40)}${cells.map((v) => pct(v).padStart(14)).join('')}`);
  }
}

function printPerClass(report: Report) {
  console.log(
    `  ${pad('category', 26)}${['precision', 'recall', 'F1', 'n'].map((h) => h.padStart(10)).join('')}`,
  );
  for (const c of report.perClass) {
    console.log(
      `  ${pad(c.label, 26)}${[pct(c.precision), pct(c.recall), pct(c.f1)].map((v) => v.padStart(10)).join('')}${String(c.support).padStart(10)}`,
    );
  }
}

function printConfusion(report: Report) {
  const short = report.labels.map((l) => l.slice(0, 6));
  console.log(`  ${pad('gold \\ predicted', 26)}${short.map((s) => s.padStart(7)).join('')}`);
  report.confusion.forEach((row, i) => {
    console.log(
      `  ${pad(report.labels[i]!, 26)}${row.map((v) => (v === 0 ? '.' : String(v)).padStart(7)).join('')}`,
    );
  });
}

function latency(
  model: TriageModel,
  texts: ReadonlyArray<string>,
): { mean: number; p95: number; max: number; cpuMean: number } {
  for (const t of texts) analyseText(t, CORPUS_TODAY, model);
  const times: number[] = [];
  // Wall time counts the time other processes hold the CPU (the machine is shared); CPU time does not.
  const cpuStart = process.cpuUsage();
  for (let r = 0; r < 10; r++) {
    for (const t of texts) {
      const start = performance.now();
      analyseText(t, CORPUS_TODAY, model);
      times.push(performance.now() - start);
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  return {
    cpuMean: (cpu.user + cpu.system) / 1000 / times.length,
    mean: times.reduce((s, v) => s + v, 0) / times.length,
    p95: times[Math.floor(times.length * 0.95)]!,
    max: times.at(-1)!,
  };
}

/** Expected calibration error of the category probabilities (10 bins): |confidence − accuracy| weighted. */
function calibrationError(
  model: TriageModel,
  examples: ReadonlyArray<LabelledExample>,
  temperature?: number,
) {
  const head = temperature === undefined ? model.category : { ...model.category, temperature };
  const m = { ...model, category: head };
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, ok: 0 }));
  for (const e of examples) {
    const d = analyseText(e.text, CORPUS_TODAY, m);
    const p = d.categoryAlternatives[0]!.probability;
    const b = bins[Math.min(9, Math.floor(p * 10))]!;
    b.n++;
    b.conf += p;
    if (d.category === e.category) b.ok++;
  }
  return bins.reduce(
    (sum, b) => sum + (b.n === 0 ? 0 : (b.n / examples.length) * Math.abs(b.conf / b.n - b.ok / b.n)),
    0,
  );
}

function section(
  title: string,
  splitName: string,
  examples: ReadonlyArray<LabelledExample>,
  train: ReadonlyArray<LabelledExample>,
  model: TriageModel,
) {
  const scores = score(examples, predictWithModel(model, examples));
  console.log(`\n${title} (${examples.length} texts)`);
  printScoreTable([
    ['majority class', score(examples, predictMajority(train, examples.length))],
    ['keyword rules + first cue rules (baseline)', score(examples, predictWithKeywords(examples))],
    ['analyser (shipped configuration)', scores],
  ]);
  return { splitName, scores };
}

function main() {
  const splits = loadSplits();
  const { train, test } = splits;
  const evalSplit = splits.eval;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `Triage evaluation — train ${train.length}, test ${test.length}, evaluation ${evalSplit.length} (written last), first holdout ${splits.holdout.length}.`,
  );
  console.log(
    `Median length: train ${median(train.map((e) => e.text.length))}, test ${median(test.map((e) => e.text.length))}, evaluation ${median(evalSplit.map((e) => e.text.length))} characters. Dates read against ${CORPUS_TODAY}.`,
  );

  console.log('\n1. Model selection: trained on the train split, compared on the test split');
  const candidates: Array<[string, ModelOptions]> = [
    [
      'words only (stems + pairs), minDf 2',
      { ...DEFAULT_MODEL_OPTIONS, features: { charSizes: [], charMinDf: 3 }, calibrationFolds: 0 },
    ],
    ['words + char 4-grams (shipped)', { ...DEFAULT_MODEL_OPTIONS, calibrationFolds: 0 }],
    [
      'words + char 4-grams, l2 1e-3',
      { ...DEFAULT_MODEL_OPTIONS, training: { ...DEFAULT_TRAINING, l2: 1e-3 }, calibrationFolds: 0 },
    ],
  ];
  const rows: Array<readonly [string, Scores]> = [];
  for (const [name, options] of candidates) {
    const started = performance.now();
    const model = trainTriageModel(train, options);
    rows.push([
      `${name} (${Math.round((performance.now() - started) / 1000)} s)`,
      score(test, predictWithModel(model, test)),
    ]);
  }
  printScoreTable(rows);

  const trainModel = trainTriageModel(train, DEFAULT_MODEL_OPTIONS);
  console.log(
    `\n   Shipped: words + character 4-grams, logistic regression l2=${DEFAULT_MODEL_OPTIONS.training.l2}, temperature ${trainModel.category.temperature} (fitted on 5 out-of-fold sets of the train split); organisation by cue rules, stage and dates by the sentence-level reader (events.ts).`,
  );

  console.log('\n2. Scores, model trained on the train split');
  section('   Train split (resubstitution: optimistic)', 'train', train, train, trainModel);
  section('   Test split', 'test', test, train, trainModel);
  const { scores: evalScores } = section(
    '   EVALUATION split (written last, read once)',
    'eval',
    evalSplit,
    train,
    trainModel,
  );
  if (splits.holdout.length)
    section(
      '   First holdout (short texts, earlier conventions relabelled)',
      'holdout',
      splits.holdout,
      train,
      trainModel,
    );

  console.log('\n3. Evaluation split in detail');
  console.log('\n   Category, per class:');
  printPerClass(evalScores.category);
  console.log('\n   Category confusion (rows: gold, columns: predicted):');
  printConfusion(evalScores.category);
  console.log('\n   Organisation confusion:');
  printConfusion(evalScores.organisation);
  console.log('\n   Stage confusion:');
  printConfusion(evalScores.stage);
  console.log('\n   Next step confusion:');
  printConfusion(evalScores.nextStep);

  console.log(
    '\n4. Calibration of the category probability (expected calibration error, 10 bins, evaluation split)',
  );
  console.log(
    `   without temperature (T = 1): ${(100 * calibrationError(trainModel, evalSplit, 1)).toFixed(1)} points`,
  );
  console.log(
    `   with the fitted temperature (T = ${trainModel.category.temperature}): ${(100 * calibrationError(trainModel, evalSplit)).toFixed(1)} points`,
  );

  const lat = latency(
    trainModel,
    evalSplit.map((e) => e.text),
  );
  console.log(
    `\n5. Latency of analyseText (${evalSplit.length * 10} calls on evaluation texts): wall mean ${lat.mean.toFixed(3)} ms, p95 ${lat.p95.toFixed(3)} ms, max ${lat.max.toFixed(3)} ms; CPU time ${lat.cpuMean.toFixed(3)} ms a text; load average ${loadavg()[0]!.toFixed(1)}`,
  );

  const modelPath = `${root}src/domain/triage/model.json`;
  const committed = existsSync(modelPath)
    ? (JSON.parse(readFileSync(modelPath, 'utf8')) as TriageModel)
    : null;
  const expected = shippedTrainingSet(splits).length;
  console.log(
    `\n6. model.json: ${committed?.training.examples ?? 0} training texts (train + test has ${expected}) — ${committed?.training.examples === expected ? 'matches the corpus' : 'STALE: run npm run train:triage'}.`,
  );
}

main();
