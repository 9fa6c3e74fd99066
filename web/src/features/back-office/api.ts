import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type Dossier, oneDossierSchema } from '../../../../src/contracts/api/dossiers.ts';
import { ethicsReviewListSchema, oneEthicsReviewSchema } from '../../../../src/contracts/api/ethics.ts';
import { actionAnswerSchema } from '../../../../src/contracts/api/handling.ts';
import {
  notificationListSchema,
  notificationReadSchema,
} from '../../../../src/contracts/api/notifications.ts';
import {
  bulkResultSchema,
  handlerListSchema,
  type registerEntrySchema,
  registerPageSchema,
  slaClockSchema,
} from '../../../../src/contracts/api/register.ts';
import type { DecisionOutcome } from '../../../../src/contracts/decision-outcomes.ts';
import type { Priority } from '../../../../src/contracts/priorities.ts';
import { ApiError, apiGet, apiSend } from '../../shared/api-client.ts';
import { SESSION_QUERY_KEY, type Session } from '../../shared/session.ts';

// ---------------------------------------------------------------------------------------------------------------
// Register (GET /api/v1/register)

// The schemas are the route's own (src/contracts/api/register.ts).
const clockSchema = slaClockSchema;

export { slaClockSchema };
export type SlaClockView = z.infer<typeof clockSchema>;
export type RegisterEntry = z.infer<typeof registerEntrySchema>;
export type { EthicsReview } from '../../../../src/contracts/api/ethics.ts';
export type { ActionAnswer } from '../../../../src/contracts/api/handling.ts';
export type { AppNotification } from '../../../../src/contracts/api/notifications.ts';

import type { BulkResult } from '../../../../src/contracts/api/register.ts';

export type { BulkResult, Handler } from '../../../../src/contracts/api/register.ts';
/** One file as the handling section needs it. */
export type StaffFile = Dossier;
const registerSchema = registerPageSchema;
export type RegisterPage = z.infer<typeof registerSchema>;

export const PAGE_SIZE = 20;
/** The server's bound on offsets: further pages are reached by cursor only. */
export const MAX_OFFSET = 10_000;

/** The register's filters as the page keeps them (already mapped from the URL). */
export interface RegisterFilters {
  status: string;
  category: string;
  channel: string;
  handlerId: string;
  mine: boolean;
  sla: string;
  from: string;
  to: string;
  q: string;
  sort: 'urgency' | 'date';
  page: number;
  /** The cursor of this page when the previous one gave it (keyset: as fast deep in the list as at its head). */
  cursor?: string | undefined;
}

function registerQuery(f: RegisterFilters): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.category) p.set('category', f.category);
  if (f.channel) p.set('channel', f.channel);
  if (f.handlerId) p.set('handlerId', f.handlerId);
  if (f.mine) p.set('mine', 'true');
  if (f.sla) p.set('sla', f.sla);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.q.trim()) p.set('q', f.q.trim());
  // With a search the server orders by relevance unless an order is asked for; the page keeps its own.
  p.set('sort', f.sort);
  p.set('limit', String(PAGE_SIZE));
  if (f.cursor) p.set('cursor', f.cursor);
  else p.set('offset', String(Math.min(MAX_OFFSET, (f.page - 1) * PAGE_SIZE)));
  return p.toString();
}

export const REGISTER_KEY = ['back-office', 'register'] as const;

export function useRegister(filters: RegisterFilters, enabled = true) {
  return useQuery({
    queryKey: [...REGISTER_KEY, filters],
    queryFn: ({ signal }) => apiGet(`/api/v1/register?${registerQuery(filters)}`, registerSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHandlers(enabled = true) {
  return useQuery({
    queryKey: ['back-office', 'handlers'],
    queryFn: ({ signal }) => apiGet('/api/v1/register/handlers', handlerListSchema, signal),
    select: (d) => d.handlers,
    staleTime: 60_000,
    enabled,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk actions and assignment (POST /api/v1/register/assign, /bulk): per-file results, also on refusal

/** eligible: the possible files are changed, the others reported; all_or_nothing: one refusal stops all. */
export type BulkMode = 'eligible' | 'all_or_nothing';
export type BulkRequest = { mode: BulkMode } & (
  | { action: 'assign'; dossierIds: string[]; handlerId: string | null }
  | { action: 'priority'; dossierIds: string[]; priority: Priority }
  | { action: 'acknowledge'; dossierIds: string[] }
);

export interface BulkOutcome {
  ok: boolean;
  message: string | null;
  results: BulkResult[];
}

/**
 * The bulk endpoints answer per file even when they refuse (all or nothing), which apiSend's error drops: this call
 * reads the body itself, with the session's CSRF token (from the session query, like apiSend's).
 */
async function sendBulk(path: string, body: unknown, csrfToken: string | null): Promise<BulkOutcome> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'Le serveur ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.',
    );
  }
  const json: unknown = await response.json().catch(() => null);
  const parsed = bulkBodySchema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'INVALID_RESPONSE',
      'Réponse inattendue du serveur. Rechargez la page.',
    );
  }
  return {
    ok: response.ok,
    message: response.ok ? null : (parsed.data.error?.message ?? 'Action refusée.'),
    results: parsed.data.results ?? [],
  };
}

const bulkBodySchema = z.object({
  results: z.array(bulkResultSchema).optional(),
  error: z.object({ message: z.string() }).optional(),
});

function useCsrfToken(): string | null {
  const queryClient = useQueryClient();
  return queryClient.getQueryData<Session>(SESSION_QUERY_KEY)?.csrfToken ?? null;
}

export function useBulkAction() {
  const queryClient = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: (request: BulkRequest) => sendBulk('/api/v1/register/bulk', request, csrf),
    onSettled: () => queryClient.invalidateQueries(),
  });
}

export function useAssign() {
  const queryClient = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: (request: { dossierIds: string[]; handlerId: string | null }) =>
      sendBulk('/api/v1/register/assign', request, csrf),
    onSettled: () => queryClient.invalidateQueries(),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One file as the handling section needs it (GET /api/v1/dossiers/:id, own key: another feature owns the page)

export function useStaffFile(id: string) {
  return useQuery({
    queryKey: ['back-office', 'file', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/dossiers/${encodeURIComponent(id)}`, oneDossierSchema, signal),
    select: (d): Dossier => d.dossier,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Handling actions (POST /api/v1/dossiers/:id/actions/…)

export type HandlingRequest =
  | { action: 'acknowledge' }
  | { action: 'request-document'; documents: string[]; message?: string }
  | { action: 'note'; text: string }
  | { action: 'decide'; outcome: DecisionOutcome; reasons: string }
  | { action: 'reopen'; reason: string }
  | { action: 'close'; reason?: string };

export function useHandlingAction(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: HandlingRequest) =>
      apiSend(`/api/v1/dossiers/${encodeURIComponent(dossierId)}/actions/${action}`, {
        body,
        schema: actionAnswerSchema,
      }),
    // Every view of the file (status, messages, history, register) may have changed.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Ethics committee

export const ETHICS_KEY = ['back-office', 'ethics-reviews'] as const;

export function useEthicsReviews(enabled = true) {
  return useQuery({
    queryKey: ETHICS_KEY,
    queryFn: ({ signal }) => apiGet('/api/v1/ethics-reviews', ethicsReviewListSchema, signal),
    select: (d) => d.reviews,
    enabled,
  });
}

export type EthicsRequest =
  | { step: 'request'; dossierId: string; question: string; committeeMembers: string[] }
  | { step: 'opinion'; reviewId: string; opinion: string }
  | { step: 'vote'; reviewId: string; member: string; vote: 'for' | 'against' | 'abstain'; comment?: string }
  | { step: 'decision'; reviewId: string; decision: string };

function ethicsCall(request: EthicsRequest) {
  switch (request.step) {
    case 'request':
      return apiSend(`/api/v1/dossiers/${encodeURIComponent(request.dossierId)}/ethics-review`, {
        body: { question: request.question, committeeMembers: request.committeeMembers },
        schema: oneEthicsReviewSchema,
      });
    case 'opinion':
      return apiSend(`/api/v1/ethics-reviews/${encodeURIComponent(request.reviewId)}/opinion`, {
        body: { opinion: request.opinion },
        schema: oneEthicsReviewSchema,
      });
    case 'vote': {
      const { member, vote, comment } = request;
      return apiSend(`/api/v1/ethics-reviews/${encodeURIComponent(request.reviewId)}/votes`, {
        body: comment ? { member, vote, comment } : { member, vote },
        schema: oneEthicsReviewSchema,
      });
    }
    case 'decision':
      return apiSend(`/api/v1/ethics-reviews/${encodeURIComponent(request.reviewId)}/decision`, {
        body: { decision: request.decision },
        schema: oneEthicsReviewSchema,
      });
  }
}

export function useEthicsStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ethicsCall,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications (every signed-in user)

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ signal }) => apiGet('/api/v1/notifications?limit=100', notificationListSchema, signal),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(`/api/v1/notifications/${encodeURIComponent(id)}/read`, {
        schema: notificationReadSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
