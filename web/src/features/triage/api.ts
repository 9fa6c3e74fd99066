import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { oneDossierSchema, organisationListSchema } from '../../../../src/contracts/api/dossiers.ts';
import { diagnosisSchema, type TriageAnswers } from '../../../../src/domain/triage/schema.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

export type Diagnosis = z.infer<typeof diagnosisSchema>;
export type Question = Diagnosis['questions'][number];
export type { TriageAnswers };

export interface TriageInput {
  text: string;
  answers: TriageAnswers;
}

/** POST /api/v1/triage: public, nothing stored; every answer sends the whole conversation again. */
export function useTriage() {
  return useMutation({
    mutationFn: ({ text, answers }: TriageInput) =>
      apiSend('/api/v1/triage', { body: { text, answers }, schema: diagnosisSchema }),
  });
}

export type { Organisation } from '../../../../src/contracts/api/dossiers.ts';

/** Organisations present on Recours (public), for the pre-filled file. */
export function useOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ['organisations'],
    enabled,
    queryFn: async ({ signal }) =>
      (await apiGet('/api/v1/organisations', organisationListSchema, signal)).organisations,
    staleTime: 5 * 60_000,
  });
}

export interface PrefilledDossier {
  organisationId?: string;
  organisationName?: string;
  organisationKind?: string;
  category: string;
  title: string;
  description: string;
  amountCents?: number;
  complaintSentOn?: string;
}

/** Opens the file (POST /api/v1/dossiers); the idempotency key makes a double click open it once. */
export function useOpenDossier() {
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: PrefilledDossier; idempotencyKey: string }) =>
      apiSend('/api/v1/dossiers', {
        body: input,
        headers: { 'idempotency-key': idempotencyKey },
        schema: oneDossierSchema,
      }).then((answer) => answer.dossier),
  });
}
