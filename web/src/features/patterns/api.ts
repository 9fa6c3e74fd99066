import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  clauseReportSchema,
  importedClausesSchema,
  ruleChangesSchema,
  storedSpikesSchema,
  themesReportSchema,
} from '../../../../src/contracts/api/patterns.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

/** The « Tendances » page's calls (issue 15): stored spikes, themes, clauses à réécrire, rule changes. */

export interface Period {
  from: string;
  to: string;
}

const KEY = ['patterns'] as const;
const query = (p: Period) => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

export type { RewriteItem, RuleChange, SpikeAlert, Theme } from '../../../../src/contracts/api/patterns.ts';

export function useSpikes() {
  return useQuery({
    queryKey: [...KEY, 'spikes'],
    queryFn: ({ signal }) => apiGet('/api/v1/patterns', storedSpikesSchema, signal),
  });
}

export function useThemes(period: Period) {
  return useQuery({
    queryKey: [...KEY, 'themes', period],
    queryFn: ({ signal }) => apiGet(`/api/v1/patterns/themes?${query(period)}`, themesReportSchema, signal),
  });
}

export function useClauseReport(period: Period) {
  return useQuery({
    queryKey: [...KEY, 'clauses', period],
    queryFn: ({ signal }) => apiGet(`/api/v1/patterns/clauses?${query(period)}`, clauseReportSchema, signal),
  });
}

export function useImportClauses() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; title?: string; product?: string }) =>
      apiSend('/api/v1/patterns/clauses', { body, schema: importedClausesSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'clauses'] }),
  });
}

export function useRuleChanges(period: Period) {
  return useQuery({
    queryKey: [...KEY, 'rules', period],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/patterns/rule-changes?${query(period)}`, ruleChangesSchema, signal),
  });
}
