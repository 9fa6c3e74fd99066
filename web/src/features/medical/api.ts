import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../shared/api-client.ts';

// The medical adviser's opinions (issue 18, docs/medical-secrecy.md): requests, answers and the adviser's queue.

export const opinionSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  question: z.string(),
  requestedAt: z.string(),
  conclusion: z.string().nullable(),
  conclusionLabel: z.string().nullable(),
  summary: z.string().nullable(),
  medicalDetail: z.string().nullable(),
  medicalDetailWithheld: z.boolean(),
  answeredAt: z.string().nullable(),
});
export type Opinion = z.infer<typeof opinionSchema>;

const queueEntrySchema = opinionSchema.extend({
  reference: z.string(),
  title: z.string(),
  requestedByName: z.string(),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

const keys = {
  ofDossier: (id: string) => ['dossiers', id, 'medical-opinions'] as const,
  queue: (status: string) => ['medical-opinions', status] as const,
};

const base = (id: string) => `/api/v1/dossiers/${encodeURIComponent(id)}/medical-opinions`;

export function useOpinions(dossierId: string) {
  return useQuery({
    queryKey: keys.ofDossier(dossierId),
    queryFn: async ({ signal }) =>
      (await apiGet(base(dossierId), z.object({ opinions: z.array(opinionSchema) }), signal)).opinions,
  });
}

export function useRequestOpinion(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (question: string) =>
      apiSend(base(dossierId), { body: { question }, schema: z.object({ opinion: opinionSchema }) }),
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
        schema: z.object({ opinion: opinionSchema }),
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
      return apiGet(
        `/api/v1/medical-opinions?${query}`,
        z.object({ entries: z.array(queueEntrySchema), next: z.string().nullable() }),
        signal,
      );
    },
    getNextPageParam: (last) => last.next,
  });
}
