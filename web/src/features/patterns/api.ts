import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  clauseReportSchema,
  deletedClauseSchema,
  editedClauseSchema,
  importedClausesSchema,
  membershipsSchema,
  ruleChangesSchema,
  savedMembershipsSchema,
  storedSpikesSchema,
  storedThemesSchema,
} from '../../../../src/contracts/api/patterns.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

/** The « Tendances » page's calls (issue 15): stored spikes and themes, clauses à réécrire, rule changes. */

export interface Period {
  from: string;
  to: string;
}

const KEY = ['patterns'] as const;
const query = (p: Period) => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

export type {
  Clause,
  RewriteItem,
  RuleChange,
  SpikeAlert,
  StoredThemes,
  Theme,
} from '../../../../src/contracts/api/patterns.ts';

export function useSpikes() {
  return useQuery({
    queryKey: [...KEY, 'spikes'],
    queryFn: ({ signal }) => apiGet('/api/v1/patterns', storedSpikesSchema, signal),
  });
}

/** The themes the weekly job stored (the page computes nothing; the period does not apply). */
export function useThemes() {
  return useQuery({
    queryKey: [...KEY, 'themes'],
    queryFn: ({ signal }) => apiGet('/api/v1/patterns/themes/latest', storedThemesSchema, signal),
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

export function useEditClause() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; title: string; text: string; product: string | null }) =>
      apiSend(`/api/v1/patterns/clauses/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
        schema: editedClauseSchema,
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
        schema: deletedClauseSchema,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'clauses'] }),
  });
}

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
        schema: savedMembershipsSchema,
      }),
    // The rates per 1 000 members of the clauses and products change with the denominator.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [...KEY, 'memberships'] }),
        client.invalidateQueries({ queryKey: [...KEY, 'clauses'] }),
      ]),
  });
}

export function useRuleChanges(period: Period) {
  return useQuery({
    queryKey: [...KEY, 'rules', period],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/patterns/rule-changes?${query(period)}`, ruleChangesSchema, signal),
  });
}
