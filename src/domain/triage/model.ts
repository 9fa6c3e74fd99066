import {
  buildVocabulary,
  DEFAULT_TRAINING,
  fitTemperature,
  type LinearHead,
  scoresOf,
  type TrainingOptions,
  trainHead,
  type Vocabulary,
  vectorise,
} from './classifier.ts';
import { CATEGORIES, ORGANISATIONS, STAGES } from './labels.ts';
import { charNgrams, featuresFromNormalised, normaliseText } from './normalise.ts';

/** Which features the classifier reads: stemmed words and word pairs, plus character n-grams if asked. */
export interface FeatureOptions {
  /** Sizes of the character n-grams of content words (empty: none). */
  charSizes: number[];
  /** A character n-gram is kept when seen in at least this many training texts (they are many and noisy). */
  charMinDf: number;
}

/**
 * The trained triage model, as plain data (src/domain/triage/model.json). `organisation` and `stage` are null
 * when the sentence-level reader is used for that field: scripts/eval-triage.ts measures which does better.
 */
export interface TriageModel {
  version: 1;
  vocabulary: Vocabulary;
  category: LinearHead;
  organisation: LinearHead | null;
  stage: LinearHead | null;
  /** Absent in models trained before character n-grams: words only. */
  features?: FeatureOptions;
  training: {
    examples: number;
    options: TrainingOptions;
    minDf: number;
    /** How the temperature was fitted (null: not calibrated). */
    calibration?: { folds: number; temperature: number } | null;
  };
}

export interface TrainingExample {
  id?: string;
  text: string;
  category: string;
  organisation: string;
  stage: string;
}

export interface ModelOptions {
  training: TrainingOptions;
  minDf: number;
  features: FeatureOptions;
  /** Fit the softmax temperature on out-of-fold scores (k folds; 0 = no calibration). */
  calibrationFolds: number;
  /** Train a classifier head for these fields; otherwise the analyser uses the sentence-level reader. */
  heads: { organisation: boolean; stage: boolean };
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  training: DEFAULT_TRAINING,
  // Chosen by 5-fold cross-validation on the train split (npm run eval:triage, docs/triage.md).
  minDf: 2,
  features: { charSizes: [4], charMinDf: 3 },
  calibrationFolds: 5,
  heads: { organisation: false, stage: false },
};

/** The classifier's features of a normalised text, under the model's feature options. */
export function modelFeatures(normalised: string, features: FeatureOptions | undefined): string[] {
  const words = featuresFromNormalised(normalised);
  if (!features || features.charSizes.length === 0) return words;
  return [...words, ...charNgrams(normalised, features.charSizes)];
}

function fitHeads(
  documents: ReadonlyArray<ReadonlyArray<string>>,
  examples: ReadonlyArray<TrainingExample>,
  options: ModelOptions,
) {
  const charMin = options.features.charSizes.length ? options.features.charMinDf : options.minDf;
  const vocabulary = buildVocabulary(documents, (f) => (f.startsWith('#') ? charMin : options.minDf));
  const input: LinearHead['input'] = options.training.algorithm === 'naive_bayes' ? 'binary' : 'tfidf';
  const xs = documents.map((d) => vectorise(d, vocabulary, input));
  const head = (labels: ReadonlyArray<string>, pick: (e: TrainingExample) => string): LinearHead =>
    trainHead(
      xs,
      examples.map((e) => labels.indexOf(pick(e))),
      [...labels],
      vocabulary.features.length,
      options.training,
    );
  return { vocabulary, input, head };
}

export function trainTriageModel(
  examples: ReadonlyArray<TrainingExample>,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
): TriageModel {
  const documents = examples.map((e) => modelFeatures(normaliseText(e.text), options.features));
  const { vocabulary, head } = fitHeads(documents, examples, options);
  const category = head(CATEGORIES, (e) => e.category);
  const temperature = options.calibrationFolds > 1 ? calibrate(documents, examples, options) : null;
  if (temperature !== null) category.temperature = temperature;
  return {
    version: 1,
    vocabulary,
    category,
    organisation: options.heads.organisation ? head(ORGANISATIONS, (e) => e.organisation) : null,
    stage: options.heads.stage ? head(STAGES, (e) => e.stage) : null,
    features: options.features,
    training: {
      examples: examples.length,
      options: options.training,
      minDf: options.minDf,
      calibration: temperature === null ? null : { folds: options.calibrationFolds, temperature },
    },
  };
}

/**
 * Temperature scaling on out-of-fold scores: each example is scored by a model that did not see it (folds by
 * position, deterministic), then one temperature is fitted to those scores.
 */
function calibrate(
  documents: ReadonlyArray<ReadonlyArray<string>>,
  examples: ReadonlyArray<TrainingExample>,
  options: ModelOptions,
): number {
  const k = options.calibrationFolds;
  const scores: number[][] = [];
  const gold: number[] = [];
  for (let fold = 0; fold < k; fold++) {
    const fitIdx = examples.map((_, i) => i).filter((i) => i % k !== fold);
    const heldIdx = examples.map((_, i) => i).filter((i) => i % k === fold);
    const { vocabulary, input, head } = fitHeads(
      fitIdx.map((i) => documents[i]!),
      fitIdx.map((i) => examples[i]!),
      options,
    );
    const category = head(CATEGORIES, (e) => e.category);
    for (const i of heldIdx) {
      scores.push(scoresOf(category, vectorise(documents[i]!, vocabulary, input)));
      gold.push(CATEGORIES.indexOf(examples[i]!.category as (typeof CATEGORIES)[number]));
    }
  }
  return fitTemperature(scores, gold);
}
