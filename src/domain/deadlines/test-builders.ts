import { computeDeadlines } from './engine.ts';
import type { Deadline, DeadlineId, DeadlinesInput, DeadlinesOutput } from './schema.ts';

type Input = DeadlinesInput;

/** Test data builder: a dispute file with sensible defaults, overridable part by part. */
export function file(overrides: {
  context?: Partial<Input['context']>;
  facts?: Input['facts'];
  options?: Input['options'];
}): Input {
  return {
    context: { organisationType: 'mutuelle', zone: 'metropole', today: '2026-06-15', ...overrides.context },
    facts: overrides.facts ?? {},
    options: overrides.options ?? {},
  };
}

export function run(overrides: Parameters<typeof file>[0]): DeadlinesOutput {
  const result = computeDeadlines(file(overrides));
  if (!result.ok) throw new Error(`unexpected refusal: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export function find(output: DeadlinesOutput, id: DeadlineId): Deadline {
  const found = output.deadlines.find((d) => d.id === id);
  if (!found) throw new Error(`deadline ${id} missing; got ${output.deadlines.map((d) => d.id).join(', ')}`);
  return found;
}

export function deadlineOf(id: DeadlineId, overrides: Parameters<typeof file>[0]): Deadline {
  return find(run(overrides), id);
}
