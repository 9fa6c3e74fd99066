/** Classification metrics for the evaluation script and the accuracy-floor test. */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[gold][predicted], in `labels` order. */
  confusion: number[][];
  labels: string[];
}

export function evaluate(
  labels: ReadonlyArray<string>,
  gold: ReadonlyArray<string>,
  predicted: ReadonlyArray<string>,
): Report {
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((g, n) => {
    const p = predicted[n]!;
    if (g === p) correct++;
    const gi = index.get(g);
    const pi = index.get(p);
    if (gi !== undefined && pi !== undefined) confusion[gi]![pi]!++;
  });
  const perClass = labels.map((label, i) => {
    const tp = confusion[i]![i]!;
    const predictedCount = confusion.reduce((s, row) => s + row[i]!, 0);
    const support = confusion[i]!.reduce((s, v) => s + v, 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const present = perClass.filter((c) => c.support > 0);
  return {
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: present.reduce((s, c) => s + c.f1, 0) / Math.max(1, present.length),
    perClass,
    confusion,
    labels: [...labels],
  };
}

/** The most frequent label of the training set: the floor any model must beat. */
export function majorityLabel(labels: ReadonlyArray<string>): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
