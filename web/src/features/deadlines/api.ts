import { useMutation } from '@tanstack/react-query';
import { type DeadlinesInput, deadlinesOutputSchema } from '../../../../src/domain/deadlines/schema.ts';
import { apiSend } from '../../shared/api-client.ts';

export type {
  Convention,
  Deadline,
  DeadlinesOutput as DeadlinesResult,
} from '../../../../src/domain/deadlines/schema.ts';

/** Public computation (no account, nothing stored): the dates of a dispute in, every deadline that applies out. */
export function useComputeDeadlines() {
  return useMutation({
    mutationFn: (input: DeadlinesInput) =>
      apiSend('/api/v1/deadlines', { body: input, schema: deadlinesOutputSchema }),
  });
}
