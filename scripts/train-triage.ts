/**
 * Trains the triage model on the whole labelled corpus and writes src/domain/triage/model.json.
 * Deterministic: same corpus, same file. The held-out estimate of this configuration comes from
 * `npm run eval:triage` (which trains on the train split only).
 *   tsx scripts/train-triage.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorpus } from '../src/domain/triage/corpus.ts';
import { DEFAULT_MODEL_OPTIONS, trainTriageModel } from '../src/domain/triage/model.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS_PATH = `${root}corpus/triage/corpus.jsonl`;
export const MODEL_PATH = `${root}src/domain/triage/model.json`;

export function serialiseModel(model: unknown): string {
  return `${JSON.stringify(model)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const examples = parseCorpus(readFileSync(CORPUS_PATH, 'utf8'));
  const started = performance.now();
  const model = trainTriageModel(examples, DEFAULT_MODEL_OPTIONS);
  writeFileSync(MODEL_PATH, serialiseModel(model));
  console.log(
    `model.json: ${examples.length} examples, ${model.vocabulary.features.length} features, ` +
      `trained in ${Math.round(performance.now() - started)} ms`,
  );
}
