import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { PRIORITIES } from '../../../../src/contracts/priorities.ts';
import { apiGet } from '../../shared/api-client.ts';
import { slaClockSchema } from './api.ts';

// GET /api/v1/register/dossiers/:id/summary: what a handler reads first on a file.
const summarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  priority: z.enum(PRIORITIES),
  member: z.object({
    name: z.string(),
    email: z.string().nullable(),
    postalAddress: z.string().nullable(),
    memberNumber: z.string().nullable(),
  }),
  organisationReference: z.string().nullable(),
  assignedHandler: z.object({ id: z.string(), name: z.string() }).nullable(),
  clocks: z.object({ acknowledgment: slaClockSchema, answer: slaClockSchema }),
  nextAction: z
    .object({
      what: z.string(),
      dueDate: z.string().nullable(),
      by: z.string(),
      party: z.enum(['organisation', 'member']),
    })
    .nullable(),
  answer: z
    .object({ answeredOn: z.string(), outcome: z.string().nullable(), outcomeLabel: z.string().nullable() })
    .nullable(),
  acknowledgment: z
    .object({ warning: z.string().nullable(), text: z.string(), late: z.boolean() })
    .nullable(),
  today: z.string(),
});
export type StaffSummary = z.infer<typeof summarySchema>;

export const summaryKey = (id: string) => ['back-office', 'summary', id] as const;

export function useStaffSummary(dossierId: string, enabled = true) {
  return useQuery({
    queryKey: summaryKey(dossierId),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/register/dossiers/${encodeURIComponent(dossierId)}/summary`, summarySchema, signal),
    enabled,
  });
}
