import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { storedSpikesSchema } from '../../../../src/contracts/api/patterns.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

/** The « Tendances » page's calls (issue 15): stored spikes, themes, clauses à réécrire, rule changes. */

export interface Period {
  from: string;
  to: string;
}

const KEY = ['patterns'] as const;
const query = (p: Period) => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

export type { SpikeAlert } from '../../../../src/contracts/api/patterns.ts';

export function useSpikes() {
  return useQuery({
    queryKey: [...KEY, 'spikes'],
    queryFn: ({ signal }) => apiGet('/api/v1/patterns', storedSpikesSchema, signal),
  });
}

const themeSchema = z.object({
  label: z.string(),
  terms: z.array(z.string()),
  complaints: z.number(),
  examples: z.array(z.string()),
  weekly: z.array(z.object({ weekStart: z.string(), complaints: z.number() })),
  recent: z.number(),
  baselinePerWeek: z.number(),
  alert: z.object({ kind: z.enum(['new', 'growing']), explanation: z.string() }).nullable(),
});
export type Theme = z.infer<typeof themeSchema>;
const themesSchema = z.object({
  sample: z.number(),
  sampleLimit: z.number(),
  message: z.string().nullable(),
  themes: z.array(themeSchema),
});

export function useThemes(period: Period) {
  return useQuery({
    queryKey: [...KEY, 'themes', period],
    queryFn: ({ signal }) => apiGet(`/api/v1/patterns/themes?${query(period)}`, themesSchema, signal),
  });
}

const reviewSchema = z.object({
  status: z.enum(['scored', 'empty', 'not_french']),
  message: z.string().optional(),
  readability: z.number().optional(),
  level: z.string().optional(),
  undefinedJargon: z.array(z.string()).optional(),
  suggestions: z.array(z.string()).optional(),
});
const rewriteSchema = z.object({
  clauseId: z.string(),
  label: z.string(),
  complaints: z.number(),
  perThousand: z.number().optional(),
  readability: z.number().nullable(),
  priority: z.number(),
  reasons: z.array(z.string()),
  suggestions: z.array(z.string()),
});
export type RewriteItem = z.infer<typeof rewriteSchema>;
const rankedSchema = z.object({
  product: z.string(),
  label: z.string(),
  complaints: z.number(),
  perThousand: z.number().optional(),
  text: z.string().optional(),
});
const clauseSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  product: z.string().nullable(),
  review: reviewSchema,
});
export type Clause = z.infer<typeof clauseSchema>;
const clausesSchema = z.object({
  clauses: z.array(clauseSchema),
  toRewrite: z.array(rewriteSchema),
  products: z.object({ ranked: z.array(rankedSchema), withoutMembership: z.array(rankedSchema) }),
});

export function useClauseReport(period: Period) {
  return useQuery({
    queryKey: [...KEY, 'clauses', period],
    queryFn: ({ signal }) => apiGet(`/api/v1/patterns/clauses?${query(period)}`, clausesSchema, signal),
  });
}

const importedSchema = z.object({
  clauses: z.array(z.object({ id: z.string(), title: z.string(), review: reviewSchema })),
});

export function useImportClauses() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; title?: string; product?: string }) =>
      apiSend('/api/v1/patterns/clauses', { body, schema: importedSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'clauses'] }),
  });
}

export function useEditClause() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; title: string; text: string; product: string | null }) =>
      apiSend(`/api/v1/patterns/clauses/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
        schema: z.object({ clause: clauseSchema }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'clauses'] }),
  });
}

export function useDeleteClause() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(`/api/v1/patterns/clauses/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        schema: z.object({ id: z.string() }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'clauses'] }),
  });
}

const membershipsSchema = z.object({
  memberships: z.array(z.object({ product: z.string(), countedOn: z.string(), members: z.number() })),
});

export function useMemberships() {
  return useQuery({
    queryKey: [...KEY, 'memberships'],
    queryFn: ({ signal }) => apiGet('/api/v1/patterns/memberships', membershipsSchema, signal),
  });
}

export function useSaveMemberships() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { countedOn: string; products: { product: string; members: number }[] }) =>
      apiSend('/api/v1/patterns/memberships', {
        method: 'PUT',
        body,
        schema: z.object({ products: z.number() }),
      }),
    // The rates per 1 000 members of the clauses and products change with the denominator.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [...KEY, 'memberships'] }),
        client.invalidateQueries({ queryKey: [...KEY, 'clauses'] }),
      ]),
  });
}

const changeSchema = z.object({
  parameter: z.string(),
  label: z.string(),
  from: z.string(),
  before: z.string().nullable(),
  after: z.string(),
  letters: z.array(z.object({ type: z.string(), label: z.string() })),
  deadlines: z.array(z.object({ id: z.string(), label: z.string() })),
  checks: z.array(z.string()),
  explanation: z.string(),
});
export type RuleChange = z.infer<typeof changeSchema>;

export function useRuleChanges(period: Period) {
  return useQuery({
    queryKey: [...KEY, 'rules', period],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/patterns/rule-changes?${query(period)}`,
        z.object({ changes: z.array(changeSchema) }),
        signal,
      ),
  });
}
