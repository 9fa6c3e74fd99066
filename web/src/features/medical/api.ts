import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  medicalQueuePageSchema,
  oneOpinionSchema,
  opinionListSchema,
} from '../../../../src/contracts/api/medical.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

// The medical adviser's opinions (issue 18, docs/medical-secrecy.md): requests, answers and the adviser's queue.

export type { Opinion, QueueEntry } from '../../../../src/contracts/api/medical.ts';

const keys = {
  ofDossier: (id: string) => ['dossiers', id, 'medical-opinions'] as const,
  queue: (status: string) => ['medical-opinions', status] as const,
};

const base = (id: string) => `/api/v1/dossiers/${encodeURIComponent(id)}/medical-opinions`;

export function useOpinions(dossierId: string) {
  return useQuery({
    queryKey: keys.ofDossier(dossierId),
    queryFn: async ({ signal }) => (await apiGet(base(dossierId), opinionListSchema, signal)).opinions,
  });
}

export function useRequestOpinion(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (question: string) =>
      apiSend(base(dossierId), { body: { question }, schema: oneOpinionSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.ofDossier(dossierId) }),
  });
}

export interface OpinionAnswer {
  conclusion: string;
  summary: string;
  medicalDetail?: string;
}

export function useAnswerOpinion(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opinionId, answer }: { opinionId: string; answer: OpinionAnswer }) =>
      apiSend(`${base(dossierId)}/${encodeURIComponent(opinionId)}/answer`, {
        body: answer,
        schema: oneOpinionSchema,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.ofDossier(dossierId) });
      return queryClient.invalidateQueries({ queryKey: ['medical-opinions'] });
    },
  });
}

/** The adviser's queue, oldest first, page after page (keyset cursor). */
export function useMedicalQueue(status: 'requested' | 'answered') {
  return useInfiniteQuery({
    queryKey: keys.queue(status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ status, limit: '25' });
      if (pageParam) query.set('after', pageParam);
      return apiGet(`/api/v1/medical-opinions?${query}`, medicalQueuePageSchema, signal);
    },
    getNextPageParam: (last) => last.next,
  });
}
