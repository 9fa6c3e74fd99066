import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  dossierListSchema,
  erasureAnswerSchema,
  oneDossierSchema,
  organisationListSchema,
  transmittedSchema,
} from '../../../../src/contracts/api/dossiers.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

export type { Dossier, ErasureAnswer, Organisation } from '../../../../src/contracts/api/dossiers.ts';

// Status, category and kind stay plain strings here: a value the server adds later is shown raw
// (see shared/labels.ts) instead of making the whole list fail to load.

/** Query keys: everything about one file lives under `file(id)`, so that one invalidation refreshes it all. */
export const dossierKeys = {
  all: ['dossiers'] as const,
  list: () => [...dossierKeys.all, 'list'] as const,
  detail: (id: string) => [...dossierKeys.all, 'detail', id] as const,
  file: (id: string) => [...dossierKeys.all, 'file', id] as const,
  part: (id: string, part: string) => [...dossierKeys.file(id), part] as const,
};

/** The files the signed-in person may see: his own (member), his organisation's (staff), referred (mediator). */
export function useDossiers() {
  return useQuery({
    queryKey: dossierKeys.list(),
    queryFn: async ({ signal }) => (await apiGet('/api/v1/dossiers', dossierListSchema, signal)).dossiers,
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: dossierKeys.detail(id),
    queryFn: async ({ signal }) =>
      (await apiGet(`/api/v1/dossiers/${encodeURIComponent(id)}`, oneDossierSchema, signal)).dossier,
  });
}

/** Organisations present on Recours, for the "organisme" select of a new file. */
export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: async ({ signal }) =>
      (await apiGet('/api/v1/organisations', organisationListSchema, signal)).organisations,
    staleTime: 5 * 60_000,
  });
}

export interface NewDossierInput {
  organisationId?: string;
  organisationName?: string;
  organisationKind?: string;
  category: string;
  title: string;
  description?: string;
  amountCents?: number;
  complaintSentOn?: string;
}

/** Opens a file; the same idempotency key sent twice (a retry, a double click) opens it once. */
export function useCreateDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: NewDossierInput; idempotencyKey: string }) =>
      apiSend('/api/v1/dossiers', {
        body: input,
        headers: { 'idempotency-key': idempotencyKey },
        schema: oneDossierSchema,
      }).then((answer) => answer.dossier),
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierKeys.detail(dossier.id), dossier);
      return queryClient.invalidateQueries({ queryKey: dossierKeys.list() });
    },
  });
}

// ── Personal data (RGPD) ───────────────────────────────────────────────────────────────────────────────────

/** The zip of everything Recours holds about the member (a plain link: the browser downloads it). */
export const EXPORT_URL = '/api/v1/me/export';

export function useRequestErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend('/api/v1/me/erasure-request', { body: { confirm: true }, schema: erasureAnswerSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dossierKeys.all }),
  });
}

/** « Transmettre à l'organisme »: the private draft becomes a complaint the organisation sees. */
export function useTransmitDossier(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend(`/api/v1/dossiers/${encodeURIComponent(id)}/transmit`, {
        method: 'POST',
        schema: transmittedSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dossierKeys.all }),
  });
}
