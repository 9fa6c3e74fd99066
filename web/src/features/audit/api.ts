import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../shared/api-client.ts';

// The auditor's API (src/server/audit/routes.ts): verification, signed checkpoints, the history and its proofs.

const breakSchema = z.object({
  reason: z.string(),
  chainId: z.string().nullable(),
  dossierId: z.string().nullable().optional(),
  dossierReference: z.string().optional(),
  organisationName: z.string().optional(),
  chainSeq: z.number().int().optional(),
  eventId: z.number().int().optional(),
  checkpointId: z.number().int().optional(),
});
export type AuditBreak = z.infer<typeof breakSchema>;

const verificationSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  chains: z.number().int(),
  leaves: z.number().int(),
  pending: z.number().int(),
  checkpointsChecked: z.number().int(),
  breakCount: z.number().int(),
  otherOrganisationsBreaks: z.number().int(),
  breaks: z.array(breakSchema),
  durationMs: z.number(),
});
export type Verification = z.infer<typeof verificationSchema>;

/** Runs the whole verification on the server (it reads every event: seconds to minutes). */
export function useVerification() {
  return useMutation({
    mutationFn: () => apiSend('/api/v1/audit/verifications', { schema: verificationSchema }),
  });
}

const checkpointSchema = z.object({
  id: z.number().int(),
  origin: z.string(),
  treeSize: z.number().int(),
  rootHash: z.string(),
  issuedAt: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export function useCheckpoints(limit = 10) {
  return useQuery({
    queryKey: ['audit', 'checkpoints', limit],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/audit/checkpoints?limit=${limit}`,
        z.object({ checkpoints: z.array(checkpointSchema) }),
        signal,
      ),
    select: (d) => d.checkpoints,
  });
}

/** The file `recours audit verify --checkpoint FILE` reads: the signed checkpoint without its database number. */
export function checkpointFile(checkpoint: Checkpoint): string {
  const { id: _id, ...file } = checkpoint;
  return `${JSON.stringify(file, null, 2)}\n`;
}

const eventSchema = z.object({
  id: z.number().int(),
  dossierId: z.string().nullable(),
  reference: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  typeLabel: z.string(),
  occurredAt: z.string(),
  chainSeq: z.number().int(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof eventSchema>;

export interface HistoryFilters {
  reference: string;
  actorId: string;
  /** Type codes, comma-separated (one French label may cover several). */
  type: string;
  from: string;
  to: string;
}

/** The query string of the filters (shared by the page of events, the CSV export). */
export function historyQuery(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.reference.trim()) params.set('reference', filters.reference.trim());
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.type) params.set('type', filters.type);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

export const HISTORY_PAGE_SIZE = 50;

/** One page of the history, newest first; `before` is the keyset cursor (the last event number seen). */
export function useHistory(filters: HistoryFilters, before: number | null) {
  const params = historyQuery(filters);
  params.set('limit', String(HISTORY_PAGE_SIZE));
  if (before !== null) params.set('before', String(before));
  return useQuery({
    queryKey: ['audit', 'events', params.toString()],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/audit/events?${params}`,
        z.object({ events: z.array(eventSchema), nextBefore: z.number().int().nullable() }),
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
