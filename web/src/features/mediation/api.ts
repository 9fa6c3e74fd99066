import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../shared/api-client.ts';

const stepSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  why: z.string(),
  action: z.string(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
});
export type MediationStep = z.infer<typeof stepSchema>;

/** The mediator step of the file's escalation ladder (GET /api/v1/dossiers/:id/escalation). */
export function useMediatorStep(dossierId: string) {
  return useQuery({
    queryKey: ['mediation', 'escalation', dossierId],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/dossiers/${encodeURIComponent(dossierId)}/escalation`,
        z.object({ steps: z.array(stepSchema) }),
        signal,
      ),
    select: (d) => d.steps.find((s) => s.id === 'mediator') ?? null,
  });
}

const fileSchema = z.object({
  dossier: z.object({ id: z.string(), reference: z.string(), status: z.string() }).loose(),
});

export function useMediationFile(dossierId: string) {
  return useQuery({
    queryKey: ['mediation', 'file', dossierId],
    queryFn: ({ signal }) => apiGet(`/api/v1/dossiers/${encodeURIComponent(dossierId)}`, fileSchema, signal),
    select: (d) => d.dossier,
  });
}

const handledSchema = z.object({
  id: z.string(),
  status: z.string(),
  facts: z.object({
    mediatorSeizedOn: z.string().nullable(),
    mediationNotifiedOn: z.string().nullable(),
    mediationEndedOn: z.string().nullable(),
  }),
});

const referAnswer = z.object({
  dossier: handledSchema,
  mediator: z.object({ name: z.string(), howToSeize: z.string(), source: z.string() }).nullable(),
});
export type ReferAnswer = z.infer<typeof referAnswer>;

export type MediationRequest =
  | { step: 'refer' }
  | { step: 'notified'; notifiedOn?: string; fileCompleteOn?: string }
  | { step: 'outcome'; proposal: string; endedOn?: string };

const notifiedAnswer = z.object({ dossier: handledSchema, outcomeDue: z.string().nullable() });
const outcomeAnswer = z.object({ dossier: handledSchema, messageId: z.string() });

export type MediationAnswer = ReferAnswer | z.infer<typeof notifiedAnswer> | z.infer<typeof outcomeAnswer>;

function call(dossierId: string, request: MediationRequest): Promise<MediationAnswer> {
  const base = `/api/v1/dossiers/${encodeURIComponent(dossierId)}`;
  switch (request.step) {
    case 'refer':
      return apiSend(`${base}/refer-to-mediator`, { schema: referAnswer });
    case 'notified': {
      const { step: _step, ...body } = request;
      return apiSend(`${base}/mediation-notified`, { body, schema: notifiedAnswer });
    }
    case 'outcome': {
      const { step: _step, ...body } = request;
      return apiSend(`${base}/mediation-outcome`, { body, schema: outcomeAnswer });
    }
  }
}

export function useMediationStep(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MediationRequest) => call(dossierId, request),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
