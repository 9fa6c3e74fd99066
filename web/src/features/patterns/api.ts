import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../shared/api-client.ts';

/** The « Tendances » page's calls (issue 15): stored spikes, themes, clauses à réécrire, rule changes. */

export interface Period {
  from: string;
  to: string;
}

const KEY = ['patterns'] as const;
const query = (p: Period) => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

const alertSchema = z.object({
  dimensions: z.record(z.string(), z.string()),
  weekStart: z.string(),
  observed: z.number(),
  expected: z.number(),
  score: z.number(),
  explanation: z.string(),
});
const spikesSchema = z.object({
  computedAt: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  message: z.string().nullable(),
  alerts: z.array(alertSchema),
});
export type SpikeAlert = z.infer<typeof alertSchema>;

export function useSpikes() {
  return useQuery({
    queryKey: [...KEY, 'spikes'],
    queryFn: ({ signal }) => apiGet('/api/v1/patterns', spikesSchema, signal),
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
const clausesSchema = z.object({
  clauses: z.array(
    z.object({ id: z.string(), title: z.string(), product: z.string().nullable(), review: reviewSchema }),
  ),
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
