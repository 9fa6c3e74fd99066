import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { DeadlinesInput } from '../../../../src/domain/deadlines/schema.ts';
import { apiSend } from '../../shared/api-client.ts';

// Ids, kinds, statuses and parties stay plain strings here: a value the server adds later is shown raw
// (see labels.ts) instead of making the whole timeline fail to load.
export const deadlineSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  party: z.string(),
  opensOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
  daysLeft: z.number().int().nullable(),
  rolledOver: z.boolean(),
  rule: z.string(),
  source: z.string(),
  action: z.string(),
  computation: z.string(),
  notes: z.array(z.string()),
  mediator: z.object({ name: z.string(), howToSeize: z.string(), source: z.string() }).optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const conventionSchema = z.object({
  option: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
  isDefault: z.boolean(),
  explanation: z.string(),
});
export type Convention = z.infer<typeof conventionSchema>;

export const deadlinesResultSchema = z.object({
  today: z.string(),
  organisationType: z.string(),
  zone: z.string(),
  deadlines: z.array(deadlineSchema),
  conventions: z.array(conventionSchema),
});
export type DeadlinesResult = z.infer<typeof deadlinesResultSchema>;

/** Public computation (no account, nothing stored): the dates of a dispute in, every deadline that applies out. */
export function useComputeDeadlines() {
  return useMutation({
    mutationFn: (input: DeadlinesInput) =>
      apiSend('/api/v1/deadlines', { body: input, schema: deadlinesResultSchema }),
  });
}
