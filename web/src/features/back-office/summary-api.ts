import { useQuery } from '@tanstack/react-query';
import { type StaffSummary, staffSummarySchema } from '../../../../src/contracts/api/register.ts';
import { apiGet } from '../../shared/api-client.ts';

// GET /api/v1/register/dossiers/:id/summary: what a handler reads first on a file (the route's own schema).
const summarySchema = staffSummarySchema;

export type { StaffSummary };

export const summaryKey = (id: string) => ['back-office', 'summary', id] as const;

export function useStaffSummary(dossierId: string, enabled = true) {
  return useQuery({
    queryKey: summaryKey(dossierId),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/register/dossiers/${encodeURIComponent(dossierId)}/summary`, summarySchema, signal),
    enabled,
  });
}
