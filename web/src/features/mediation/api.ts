import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { escalationSchema, oneDossierSchema } from '../../../../src/contracts/api/dossiers.ts';
import {
  mediationNotifiedSchema,
  mediationOutcomeSchema,
  type ReferAnswer,
  referredSchema,
} from '../../../../src/contracts/api/handling.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

export type { EscalationStep as MediationStep } from '../../../../src/contracts/api/dossiers.ts';
export type { ReferAnswer } from '../../../../src/contracts/api/handling.ts';

/** The mediator step of the file's escalation ladder (GET /api/v1/dossiers/:id/escalation). */
export function useMediatorStep(dossierId: string) {
  return useQuery({
    queryKey: ['mediation', 'escalation', dossierId],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/dossiers/${encodeURIComponent(dossierId)}/escalation`, escalationSchema, signal),
    select: (d) => d.steps.find((s) => s.id === 'mediator') ?? null,
  });
}

export function useMediationFile(dossierId: string) {
  return useQuery({
    queryKey: ['mediation', 'file', dossierId],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/dossiers/${encodeURIComponent(dossierId)}`, oneDossierSchema, signal),
    select: (d) => d.dossier,
  });
}

export type MediationRequest =
  | { step: 'refer' }
  | { step: 'notified'; notifiedOn?: string; fileCompleteOn?: string }
  | { step: 'outcome'; proposal: string; endedOn?: string };

export type MediationAnswer =
  | ReferAnswer
  | z.infer<typeof mediationNotifiedSchema>
  | z.infer<typeof mediationOutcomeSchema>;

function call(dossierId: string, request: MediationRequest): Promise<MediationAnswer> {
  const base = `/api/v1/dossiers/${encodeURIComponent(dossierId)}`;
  switch (request.step) {
    case 'refer':
      return apiSend(`${base}/refer-to-mediator`, { schema: referredSchema });
    case 'notified': {
      const { step: _step, ...body } = request;
      return apiSend(`${base}/mediation-notified`, { body, schema: mediationNotifiedSchema });
    }
    case 'outcome': {
      const { step: _step, ...body } = request;
      return apiSend(`${base}/mediation-outcome`, { body, schema: mediationOutcomeSchema });
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
