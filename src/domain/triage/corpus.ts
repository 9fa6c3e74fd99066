import { z } from 'zod';
import { CATEGORIES, NEXT_STEPS, ORGANISATIONS, STAGES } from './labels.ts';

/** One labelled example of corpus/triage/*.jsonl (labelling rules: corpus/triage/GUIDE.md). */
export const labelledExampleSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  category: z.enum(CATEGORIES),
  organisation: z.enum(ORGANISATIONS),
  stage: z.enum(STAGES),
  nextStep: z.enum(NEXT_STEPS),
});
export type LabelledExample = z.infer<typeof labelledExampleSchema>;

/** Parses JSON Lines; throws with the line number on a malformed or mislabelled line (a corpus bug). */
export function parseCorpus(jsonl: string): LabelledExample[] {
  const out: LabelledExample[] = [];
  const ids = new Set<string>();
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = labelledExampleSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`corpus line ${i + 1}: ${parsed.error.message}`);
    if (ids.has(parsed.data.id)) throw new Error(`corpus line ${i + 1}: duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    out.push(parsed.data);
  });
  return out;
}
