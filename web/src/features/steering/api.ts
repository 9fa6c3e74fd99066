import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { benchmarkSchema, kpiDefinitionsSchema, kpiReportSchema } from '../../../../src/contracts/api/kpi.ts';
import { registerPageSchema } from '../../../../src/contracts/api/register.ts';
import { apiGet } from '../../shared/api-client.ts';
import type { Period } from './period.ts';

// The figures of a period, the definitions and the benchmark (src/contracts/api/kpi.ts); the register's count.
export type { Benchmark, KpiDefinitions, KpiReport } from '../../../../src/contracts/api/kpi.ts';

const registerCountSchema = registerPageSchema.pick({ total: true, totalCapped: true, today: true });

const periodQuery = (p: Period, asOf?: string) =>
  new URLSearchParams({ from: p.from, to: p.to, ...(asOf ? { asOf } : {}) }).toString();

export function useKpi(period: Period, asOf?: string) {
  return useQuery({
    queryKey: ['steering', 'kpi', period.from, period.to, asOf ?? ''],
    queryFn: ({ signal }) => apiGet(`/api/v1/kpi?${periodQuery(period, asOf)}`, kpiReportSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useKpiDefinitions() {
  return useQuery({
    queryKey: ['steering', 'definitions'],
    queryFn: ({ signal }) => apiGet('/api/v1/kpi/definitions', kpiDefinitionsSchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useBenchmark(period: Period, asOf?: string) {
  return useQuery({
    queryKey: ['steering', 'benchmark', period.from, period.to, asOf ?? ''],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/kpi/benchmark?${periodQuery(period, asOf)}`, benchmarkSchema, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many open files of the register are at a given SLA colour now (the register counts, one row fetched). */
export function useSlaCount(colour: 'red' | 'amber') {
  return useQuery({
    queryKey: ['steering', 'sla', colour],
    queryFn: ({ signal }) => apiGet(`/api/v1/register?sla=${colour}&limit=1`, registerCountSchema, signal),
  });
}
