/**
 * The triage corpus and its three splits (corpus/triage/GUIDE.md, docs/triage.md):
 * - train: the first corpus' hash-train part (corpus.jsonl) + member-style batches 01–28 and 37 on;
 * - test: the first corpus' hash-test part + member-style batches 29–36 (written after 01–28), used to choose;
 * - eval: members/eval-NN.jsonl, written last, after the reader and the model were frozen; never used to train
 *   or to choose anything. The shipped model is trained on train + test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LabelledExample, parseCorpus } from '../src/domain/triage/corpus.ts';
import { isTestExample } from '../src/domain/triage/split.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS_DIR = `${root}corpus/triage/`;
/** Member-style batches FIRST_TEST_BATCH..LAST_TEST_BATCH are the test split (written after batches 01–28). */
export const FIRST_TEST_BATCH = 29;
/** Batches after this one (37 on, written in a second round) are train again; the eval batches come after all. */
export const LAST_TEST_BATCH = 36;
const isTestBatch = (n: number) => n >= FIRST_TEST_BATCH && n <= LAST_TEST_BATCH;

const load = (path: string) => parseCorpus(readFileSync(path, 'utf8'));

function memberFiles(prefix: 'batch' | 'eval'): Array<{ n: number; path: string }> {
  const dir = `${CORPUS_DIR}members/`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => f.match(new RegExp(`^${prefix}-(\\d+)\\.jsonl$`)))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ n: Number(m[1]), path: `${dir}${m[0]}` }))
    .sort((a, b) => a.n - b.n);
}

export interface Splits {
  train: LabelledExample[];
  test: LabelledExample[];
  eval: LabelledExample[];
  /** The first, short-text holdout (60 texts), kept for comparison. */
  holdout: LabelledExample[];
}

export function loadSplits(): Splits {
  const first = load(`${CORPUS_DIR}corpus.jsonl`);
  const batches = memberFiles('batch');
  const train = [
    ...first.filter((e) => !isTestExample(e.id)),
    ...batches.filter((b) => !isTestBatch(b.n)).flatMap((b) => load(b.path)),
  ];
  const test = [
    ...first.filter((e) => isTestExample(e.id)),
    ...batches.filter((b) => isTestBatch(b.n)).flatMap((b) => load(b.path)),
  ];
  const evalSplit = memberFiles('eval').flatMap((b) => load(b.path));
  const holdoutPath = `${CORPUS_DIR}holdout.jsonl`;
  const holdout = existsSync(holdoutPath) ? load(holdoutPath) : [];
  const ids = new Set<string>();
  for (const e of [...train, ...test, ...evalSplit, ...holdout]) {
    if (ids.has(e.id)) throw new Error(`duplicate id across the corpus: ${e.id}`);
    ids.add(e.id);
  }
  return { train, test, eval: evalSplit, holdout };
}

/** What the shipped model is trained on: everything but the evaluation split and the old holdout. */
export function shippedTrainingSet(splits: Splits = loadSplits()): LabelledExample[] {
  return [...splits.train, ...splits.test];
}
