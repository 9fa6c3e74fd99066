/**
 * A small linear text classifier, pure and deterministic: multinomial logistic regression (softmax) over
 * TF-IDF features, trained by full-batch gradient descent from zero weights, or multinomial Naive Bayes over
 * binary features for comparison. No randomness, so the same corpus always gives the same model.json.
 */

export interface LinearHead {
  /** `tfidf`: x = idf·presence, L2-normalised (logistic regression). `binary`: x = presence (Naive Bayes). */
  input: 'tfidf' | 'binary';
  labels: string[];
  bias: number[];
  /** weights[feature][label]. */
  weights: number[][];
  /**
   * Temperature of the softmax (probabilities = softmax(scores / T)), fitted on out-of-fold scores so that a
   * probability of 0.8 is right about 80 % of the time (model.ts). Absent: 1.
   */
  temperature?: number;
}

export interface Vocabulary {
  features: string[];
  idf: number[];
}

export interface SparseVector {
  index: number[];
  value: number[];
}

export interface TrainingOptions {
  algorithm: 'logreg' | 'naive_bayes';
  /** L2 penalty (logistic regression). */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Laplace smoothing (Naive Bayes). */
  alpha: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  algorithm: 'logreg',
  l2: 1e-4,
  epochs: 300,
  learningRate: 2,
  alpha: 0.3,
};

/**
 * Features seen in at least `minDf` documents (a number, or one per feature, e.g. higher for character n-grams),
 * sorted so the vocabulary does not depend on corpus order.
 */
export function buildVocabulary(
  documents: ReadonlyArray<ReadonlyArray<string>>,
  minDf: number | ((feature: string) => number),
): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of documents) for (const f of new Set(doc)) df.set(f, (df.get(f) ?? 0) + 1);
  const threshold = typeof minDf === 'number' ? () => minDf : minDf;
  const features = [...df.entries()]
    .filter(([f, n]) => n >= threshold(f))
    .map(([f]) => f)
    .sort();
  const n = documents.length;
  return { features, idf: features.map((f) => round(Math.log((1 + n) / (1 + df.get(f)!)) + 1)) };
}

const indexCache = new WeakMap<Vocabulary, Map<string, number>>();
function indexOf(vocabulary: Vocabulary): Map<string, number> {
  let map = indexCache.get(vocabulary);
  if (!map) {
    map = new Map(vocabulary.features.map((f, i) => [f, i]));
    indexCache.set(vocabulary, map);
  }
  return map;
}

export function vectorise(
  features: ReadonlyArray<string>,
  vocabulary: Vocabulary,
  input: LinearHead['input'],
): SparseVector {
  const map = indexOf(vocabulary);
  const index = [
    ...new Set(features.map((f) => map.get(f)).filter((i): i is number => i !== undefined)),
  ].sort((a, b) => a - b);
  if (input === 'binary') return { index, value: index.map(() => 1) };
  const raw = index.map((i) => vocabulary.idf[i]!);
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  return { index, value: raw.map((v) => v / norm) };
}

/** Raw scores (logits), in `head.labels` order. */
export function scoresOf(head: LinearHead, x: SparseVector): number[] {
  const scores = [...head.bias];
  for (let k = 0; k < x.index.length; k++) {
    const row = head.weights[x.index[k]!]!;
    const v = x.value[k]!;
    for (let c = 0; c < scores.length; c++) scores[c]! += row[c]! * v;
  }
  return scores;
}

/** Class probabilities, in `head.labels` order, calibrated by the head's temperature. */
export function predictProbabilities(head: LinearHead, x: SparseVector): number[] {
  const t = head.temperature ?? 1;
  return softmax(scoresOf(head, x).map((s) => s / t));
}

/**
 * The temperature that minimises the negative log-likelihood of held-out scores (temperature scaling, Guo et al.
 * 2017): one parameter, so it cannot change the argmax, only how sure the probabilities say the model is.
 * Golden-section search on [0.05, 20] in log space; deterministic.
 */
export function fitTemperature(
  scores: ReadonlyArray<ReadonlyArray<number>>,
  gold: ReadonlyArray<number>,
): number {
  const nll = (t: number) => {
    let sum = 0;
    scores.forEach((s, i) => {
      const p = softmax(s.map((v) => v / t));
      sum -= Math.log(Math.max(1e-12, p[gold[i]!]!));
    });
    return sum / Math.max(1, scores.length);
  };
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  return round(Math.exp((lo + hi) / 2));
}

/** The features that pushed `label` up the most for this input, for the diagnosis' evidence. */
export function topContributions(
  head: LinearHead,
  vocabulary: Vocabulary,
  x: SparseVector,
  label: string,
  n: number,
) {
  const c = head.labels.indexOf(label);
  if (c < 0) return [];
  return x.index
    .map((i, k) => ({ feature: vocabulary.features[i]!, weight: head.weights[i]![c]! * x.value[k]! }))
    .filter((e) => e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature))
    .slice(0, n);
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Trains one head. `y[i]` is the index of example i's label in `labels`. */
export function trainHead(
  xs: ReadonlyArray<SparseVector>,
  y: ReadonlyArray<number>,
  labels: string[],
  featureCount: number,
  options: TrainingOptions,
): LinearHead {
  return options.algorithm === 'naive_bayes'
    ? trainNaiveBayes(xs, y, labels, featureCount, options.alpha)
    : trainLogisticRegression(xs, y, labels, featureCount, options);
}

function trainNaiveBayes(
  xs: ReadonlyArray<SparseVector>,
  y: ReadonlyArray<number>,
  labels: string[],
  featureCount: number,
  alpha: number,
): LinearHead {
  const C = labels.length;
  const counts = Array.from({ length: featureCount }, () => new Array<number>(C).fill(0));
  const totals = new Array<number>(C).fill(0);
  const docs = new Array<number>(C).fill(0);
  xs.forEach((x, n) => {
    const c = y[n]!;
    docs[c]!++;
    for (const i of x.index) {
      counts[i]![c]!++;
      totals[c]!++;
    }
  });
  const weights = counts.map((row) =>
    row.map((count, c) => round(Math.log((count + alpha) / (totals[c]! + alpha * featureCount)))),
  );
  const bias = docs.map((d) => round(Math.log((d + 1) / (xs.length + C))));
  return { input: 'binary', labels, bias, weights };
}

function trainLogisticRegression(
  xs: ReadonlyArray<SparseVector>,
  y: ReadonlyArray<number>,
  labels: string[],
  featureCount: number,
  options: TrainingOptions,
): LinearHead {
  // Flat arrays (feature-major, C labels per feature), reused across epochs: the same full-batch gradient
  // descent with momentum as before, without allocating per feature and per epoch.
  const C = labels.length;
  const N = xs.length;
  const W = new Float64Array(featureCount * C);
  const V = new Float64Array(featureCount * C);
  const G = new Float64Array(featureCount * C);
  const b = new Float64Array(C);
  const vb = new Float64Array(C);
  const gb = new Float64Array(C);
  const p = new Float64Array(C);
  const momentum = 0.9;
  const lr = options.learningRate;
  const l2 = options.l2;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    G.fill(0);
    gb.fill(0);
    for (let n = 0; n < N; n++) {
      const x = xs[n]!;
      const index = x.index;
      const value = x.value;
      for (let c = 0; c < C; c++) p[c] = b[c]!;
      for (let k = 0; k < index.length; k++) {
        const base = index[k]! * C;
        const v = value[k]!;
        for (let c = 0; c < C; c++) p[c]! += W[base + c]! * v;
      }
      let max = p[0]!;
      for (let c = 1; c < C; c++) if (p[c]! > max) max = p[c]!;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        p[c] = Math.exp(p[c]! - max);
        sum += p[c]!;
      }
      for (let c = 0; c < C; c++) p[c] = p[c]! / sum;
      p[y[n]!]! -= 1;
      for (let c = 0; c < C; c++) gb[c]! += p[c]! / N;
      for (let k = 0; k < index.length; k++) {
        const base = index[k]! * C;
        const v = value[k]! / N;
        for (let c = 0; c < C; c++) G[base + c]! += p[c]! * v;
      }
    }
    for (let i = 0; i < W.length; i++) {
      V[i] = momentum * V[i]! - lr * (G[i]! + l2 * W[i]!);
      W[i]! += V[i]!;
    }
    for (let c = 0; c < C; c++) {
      vb[c] = momentum * vb[c]! - lr * gb[c]!;
      b[c]! += vb[c]!;
    }
  }
  const weights: number[][] = [];
  for (let f = 0; f < featureCount; f++) weights.push(Array.from(W.subarray(f * C, f * C + C), round));
  return { input: 'tfidf', labels, bias: Array.from(b, round), weights };
}

/** Four decimals: enough for the argmax, small enough for a committed JSON that diffs cleanly. */
function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
