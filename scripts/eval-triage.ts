/**
 * Evaluation of the triage analyser (npm run eval:triage).
 *
 * Protocol: the corpus is split once by a hash of each id (src/domain/triage/split.ts: 80 % train, 20 % test).
 * Configurations are compared by 5-fold cross-validation on the TRAIN split only; the test split is read once,
 * by the configuration shipped in DEFAULT_MODEL_OPTIONS, and is never used to choose anything. The holdout set
 * (corpus/triage/holdout.jsonl) was written after the model was frozen, in another style: it is the honest
 * estimate. Everything is deterministic: two runs print the same numbers (except latency).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseText } from '../src/domain/triage/analyse.ts';
import { DEFAULT_TRAINING } from '../src/domain/triage/classifier.ts';
import { type LabelledExample, parseCorpus } from '../src/domain/triage/corpus.ts';
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
import { foldOf, isTestExample } from '../src/domain/triage/split.ts';

/** The date the corpus' relative dates and deadlines are read against (GUIDE.md). */
export const CORPUS_TODAY = '2026-11-23';
const root = fileURLToPath(new URL('..', import.meta.url));
const FOLDS = 5;

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

function crossValidate(
  train: ReadonlyArray<LabelledExample>,
  options: ModelOptions,
): { model: Scores; rules: Scores } {
  const order = train.map((e, i) => ({ e, i, fold: foldOf(e.id, FOLDS) }));
  const modelPred: Predictions = { category: [], organisation: [], stage: [], nextStep: [] };
  const rulesPred: Predictions = { category: [], organisation: [], stage: [], nextStep: [] };
  const gold: LabelledExample[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const fit = order.filter((o) => o.fold !== k).map((o) => o.e);
    const held = order.filter((o) => o.fold === k).map((o) => o.e);
    const model = trainTriageModel(fit, { ...options, heads: { organisation: true, stage: true } });
    const withHeads = predictWithModel(model, held);
    const withRules = predictWithModel({ ...model, organisation: null, stage: null }, held);
    for (const key of ['category', 'organisation', 'stage', 'nextStep'] as const) {
      modelPred[key].push(...withHeads[key]);
      rulesPred[key].push(...withRules[key]);
    }
    gold.push(...held);
  }
  return { model: score(gold, modelPred), rules: score(gold, rulesPred) };
}

function latency(
  model: TriageModel,
  texts: ReadonlyArray<string>,
): { mean: number; p95: number; max: number } {
  for (const t of texts) analyseText(t, CORPUS_TODAY, model);
  const times: number[] = [];
  for (let r = 0; r < 10; r++) {
    for (const t of texts) {
      const start = performance.now();
      analyseText(t, CORPUS_TODAY, model);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return {
    mean: times.reduce((s, v) => s + v, 0) / times.length,
    p95: times[Math.floor(times.length * 0.95)]!,
    max: times.at(-1)!,
  };
}

function main() {
  const all = parseCorpus(readFileSync(`${root}corpus/triage/corpus.jsonl`, 'utf8'));
  const train = all.filter((e) => !isTestExample(e.id));
  const test = all.filter((e) => isTestExample(e.id));
  console.log(
    `Triage evaluation — corpus ${all.length} examples: train ${train.length}, test ${test.length} (hash split, 20 %).`,
  );
  console.log(`Dates read against ${CORPUS_TODAY}. The test split is not used for any choice.\n`);

  console.log(`1. Model selection: ${FOLDS}-fold cross-validation on the train split only`);
  console.log('   (organisation/stage: "+heads" = classifier heads, "+rules" = cue rules of cues.ts)');
  const candidates: Array<[string, ModelOptions]> = [
    ['logreg l2=1e-4 minDf=1 (shipped)', DEFAULT_MODEL_OPTIONS],
    ['logreg l2=1e-4 minDf=2', { ...DEFAULT_MODEL_OPTIONS, minDf: 2 }],
    ['logreg l2=1e-3', { ...DEFAULT_MODEL_OPTIONS, training: { ...DEFAULT_TRAINING, l2: 1e-3 } }],
    ['logreg l2=1e-2', { ...DEFAULT_MODEL_OPTIONS, training: { ...DEFAULT_TRAINING, l2: 1e-2 } }],
    ['logreg l2=1e-5', { ...DEFAULT_MODEL_OPTIONS, training: { ...DEFAULT_TRAINING, l2: 1e-5 } }],
    [
      'naive bayes a=0.3',
      { ...DEFAULT_MODEL_OPTIONS, training: { ...DEFAULT_TRAINING, algorithm: 'naive_bayes', alpha: 0.3 } },
    ],
    [
      'naive bayes a=1',
      { ...DEFAULT_MODEL_OPTIONS, training: { ...DEFAULT_TRAINING, algorithm: 'naive_bayes', alpha: 1 } },
    ],
  ];
  const cvRows: Array<readonly [string, Scores]> = [];
  for (const [name, options] of candidates) {
    const cv = crossValidate(train, options);
    cvRows.push([`${name} +heads`, cv.model], [`${name} +rules`, cv.rules]);
  }
  printScoreTable(cvRows);

  const shipped = DEFAULT_MODEL_OPTIONS;
  console.log(
    `\n   Shipped configuration: ${shipped.training.algorithm} l2=${shipped.training.l2}, minDf=${shipped.minDf}, ` +
      `organisation=${shipped.heads.organisation ? 'classifier' : 'rules'}, stage=${shipped.heads.stage ? 'classifier' : 'rules'}.\n`,
  );

  const trainOnly = trainTriageModel(train, shipped);
  const testScores = score(test, predictWithModel(trainOnly, test));
  console.log(`2. Test split (${test.length} examples), model trained on the train split only`);
  printScoreTable([
    ['majority class', score(test, predictMajority(train, test.length))],
    ['keyword rules (baseline)', score(test, predictWithKeywords(test))],
    ['analyser (model + rules)', testScores],
  ]);
  console.log('\n   Per category (analyser, test split):');
  printPerClass(testScores.category);
  console.log('\n   Confusion matrix (rows: gold, columns: predicted):');
  printConfusion(testScores.category);

  const holdoutPath = `${root}corpus/triage/holdout.jsonl`;
  if (existsSync(holdoutPath)) {
    const holdout = parseCorpus(readFileSync(holdoutPath, 'utf8'));
    const full = trainTriageModel(all, shipped);
    const holdoutScores = score(holdout, predictWithModel(full, holdout));
    console.log(`\n3. Holdout "realistic" set (${holdout.length} texts written after the model was frozen)`);
    printScoreTable([
      ['majority class', score(holdout, predictMajority(all, holdout.length))],
      ['keyword rules (baseline)', score(holdout, predictWithKeywords(holdout))],
      ['analyser, train-split model', score(holdout, predictWithModel(trainOnly, holdout))],
      ['analyser, shipped model (all)', holdoutScores],
    ]);
    console.log('\n   Per category (shipped model, holdout):');
    printPerClass(holdoutScores.category);
    console.log('\n   Confusion matrix (holdout):');
    printConfusion(holdoutScores.category);
    const lat = latency(full, [...test.map((e) => e.text), ...holdout.map((e) => e.text)]);
    console.log(
      `\n4. Latency of analyseText (${(test.length + holdout.length) * 10} calls): mean ${lat.mean.toFixed(3)} ms, p95 ${lat.p95.toFixed(3)} ms, max ${lat.max.toFixed(3)} ms`,
    );
  } else {
    console.log('\n3. Holdout: corpus/triage/holdout.jsonl not found, skipped.');
    const lat = latency(
      trainOnly,
      test.map((e) => e.text),
    );
    console.log(
      `\n4. Latency of analyseText: mean ${lat.mean.toFixed(3)} ms, p95 ${lat.p95.toFixed(3)} ms, max ${lat.max.toFixed(3)} ms`,
    );
  }

  const modelPath = `${root}src/domain/triage/model.json`;
  const fresh = `${JSON.stringify(trainTriageModel(all, shipped))}\n`;
  const committed = existsSync(modelPath) ? readFileSync(modelPath, 'utf8') : '';
  console.log(
    `\n5. model.json ${fresh === committed ? 'is up to date with the corpus (retrained, identical bytes)' : 'is STALE: run tsx scripts/train-triage.ts'}.`,
  );
}

main();
