/**
 * Trains the triage model on the train and test splits (scripts/triage-corpus.ts; never the evaluation split)
 * and writes src/domain/triage/model.json. Deterministic: same corpus, same file. The held-out estimate comes
 * from `npm run eval:triage`.
 *   tsx scripts/train-triage.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_OPTIONS, trainTriageModel } from '../src/domain/triage/model.ts';
import { shippedTrainingSet } from './triage-corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const MODEL_PATH = `${root}src/domain/triage/model.json`;

export function serialiseModel(model: unknown): string {
  return `${JSON.stringify(model)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const examples = shippedTrainingSet();
  const started = performance.now();
  const model = trainTriageModel(examples, DEFAULT_MODEL_OPTIONS);
  const json = serialiseModel(model);
  writeFileSync(MODEL_PATH, json);
  console.log(
    `model.json: ${examples.length} examples, ${model.vocabulary.features.length} features, ` +
      `temperature ${model.category.temperature ?? 1}, ${(json.length / 1024).toFixed(0)} kB, ` +
      `trained in ${Math.round(performance.now() - started)} ms`,
  );
}
