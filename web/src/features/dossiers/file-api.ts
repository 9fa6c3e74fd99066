import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checklistSchema,
  contactListSchema,
  documentListSchema,
  escalationSchema,
  factsAnswerSchema,
  messageListSchema,
  oneContactSchema,
  oneDocumentSchema,
  oneMessageSchema,
  satisfactionSchema,
  timelineSchema,
} from '../../../../src/contracts/api/dossiers.ts';
import { letterListSchema } from '../../../../src/contracts/api/letters.ts';
import { apiGet, apiSend, apiUpload } from '../../shared/api-client.ts';
import { dossierKeys } from './api.ts';

export type {
  Checklist,
  Contact,
  DossierDocument,
  EscalationStep,
  Message,
  NextStep,
  Timeline,
  TimelineEntry,
} from '../../../../src/contracts/api/dossiers.ts';
export type { StoredLetter as Letter } from '../../../../src/contracts/api/letters.ts';
export type { Deadline as EngineDeadline } from '../../../../src/domain/deadlines/schema.ts';

// Everything inside one file (issue #5, docs/dossiers.md): pieces, checklist, contacts, messages, timeline,
// escalation ladder, facts, survey. Enumerations stay plain strings: a value the server adds later is shown raw.

const base = (id: string) => `/api/v1/dossiers/${encodeURIComponent(id)}`;

// ── Pieces ─────────────────────────────────────────────────────────────────────────────────────────────────

export function useDocuments(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'documents'),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(id)}/documents`, documentListSchema, signal)).documents,
  });
}

export interface UploadInput {
  file: File;
  kind: string;
  title?: string;
  documentDate?: string;
  medical?: boolean;
}

export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadInput) => {
      const form = new FormData();
      // Fields first: the server reads the parts in order and checks them before the bytes.
      form.append('kind', input.kind);
      if (input.title) form.append('title', input.title);
      if (input.documentDate) form.append('documentDate', input.documentDate);
      if (input.medical) form.append('medical', 'true');
      form.append('file', input.file, input.file.name);
      return apiUpload(`${base(id)}/documents`, form, oneDocumentSchema).then((answer) => answer.document);
    },
    onSuccess: () => invalidateFile(queryClient, id, ['documents', 'checklist', 'timeline']),
  });
}

export interface DocumentPatch {
  medical?: boolean;
  kind?: string;
  title?: string;
  documentDate?: string | null;
}

export function useUpdateDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ docId, patch }: { docId: string; patch: DocumentPatch }) =>
      apiSend(`${base(id)}/documents/${encodeURIComponent(docId)}`, {
        method: 'PATCH',
        body: patch,
        schema: oneDocumentSchema,
      }).then((answer) => answer.document),
    onSuccess: () => invalidateFile(queryClient, id, ['documents', 'checklist', 'timeline']),
  });
}

export function useChecklist(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'checklist'),
    queryFn: ({ signal }) => apiGet(`${base(id)}/checklist`, checklistSchema, signal),
  });
}

// ── Contacts ───────────────────────────────────────────────────────────────────────────────────────────────

export function useContacts(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'contacts'),
    queryFn: async ({ signal }) => (await apiGet(`${base(id)}/contacts`, contactListSchema, signal)).contacts,
  });
}

export interface NewContactInput {
  channel: string;
  summary: string;
  occurredAt?: string;
  agentName?: string;
  reference?: string;
  promises?: string;
  medical?: boolean;
}

export function useLogContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewContactInput) =>
      apiSend(`${base(id)}/contacts`, { body: input, schema: oneContactSchema }).then(
        (answer) => answer.contact,
      ),
    // A first contact ticks the ladder's first step.
    onSuccess: () => invalidateFile(queryClient, id, ['contacts', 'timeline', 'escalation']),
  });
}

// ── Messages ───────────────────────────────────────────────────────────────────────────────────────────────

export function useMessages(id: string, enabled: boolean) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'messages'),
    queryFn: async ({ signal }) => (await apiGet(`${base(id)}/messages`, messageListSchema, signal)).messages,
    enabled,
  });
}

export function usePostMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; medical: boolean }) =>
      apiSend(`${base(id)}/messages`, { body: input, schema: oneMessageSchema }).then(
        (answer) => answer.message,
      ),
    onSuccess: (message) => {
      ownMessageIds.add(message.id);
      return invalidateFile(queryClient, id, ['messages', 'timeline']);
    },
  });
}

/** Puts a message under medical secrecy, or lifts it (the member, the medical adviser). */
export function useMarkMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, medical }: { messageId: string; medical: boolean }) =>
      apiSend(`${base(id)}/messages/${encodeURIComponent(messageId)}`, {
        method: 'PATCH',
        body: { medical },
        schema: oneMessageSchema,
      }),
    onSuccess: () => invalidateFile(queryClient, id, ['messages', 'timeline']),
  });
}

/** Messages written from this tab: their live event is not announced as news. */
export const ownMessageIds = new Set<string>();

/** The file's letters (written by the letters feature); used when the organisation is reached by post. */
export function useLetters(id: string, enabled: boolean) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'letters'),
    queryFn: async ({ signal }) => (await apiGet(`${base(id)}/letters`, letterListSchema, signal)).letters,
    enabled,
    retry: false,
  });
}

// ── Timeline, deadlines, facts, ladder ────────────────────────────────────────────────────────────────────

export function useTimeline(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'timeline'),
    queryFn: ({ signal }) => apiGet(`${base(id)}/timeline`, timelineSchema, signal),
  });
}

export function useEscalation(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'escalation'),
    queryFn: async ({ signal }) => (await apiGet(`${base(id)}/escalation`, escalationSchema, signal)).steps,
  });
}

export type FactValue = string | boolean | string[] | null;

/** The facts as the server last returned them (PATCH answer); the page otherwise reads them off the timeline. */
export function useSavedFacts(id: string) {
  const queryClient = useQueryClient();
  const key = dossierKeys.part(id, 'facts');
  return useQuery({
    queryKey: key,
    // Nothing to fetch: a refresh keeps what the last save returned.
    queryFn: () => queryClient.getQueryData<Record<string, unknown> | null>(key) ?? null,
    initialData: null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRecordFacts(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (facts: Record<string, FactValue>) =>
      apiSend(`${base(id)}/facts`, { method: 'PATCH', body: { facts }, schema: factsAnswerSchema }),
    onSuccess: (answer) => {
      queryClient.setQueryData(dossierKeys.part(id, 'facts'), answer.facts);
      return Promise.all([
        invalidateFile(queryClient, id, ['timeline', 'escalation']),
        queryClient.invalidateQueries({ queryKey: dossierKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: dossierKeys.list() }),
      ]);
    },
  });
}

// ── Satisfaction ───────────────────────────────────────────────────────────────────────────────────────────

export function useRecordSatisfaction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { score: number; comment?: string }) =>
      apiSend(`${base(id)}/satisfaction`, {
        body: input,
        schema: satisfactionSchema,
      }),
    onSuccess: () => invalidateFile(queryClient, id, ['timeline']),
  });
}

// ── Helpers ────────────────────────────────────────────────────────────────────────────────────────────────

export function invalidateFile(
  queryClient: ReturnType<typeof useQueryClient>,
  id: string,
  parts: readonly string[],
): Promise<unknown> {
  return Promise.all(
    parts.map((part) => queryClient.invalidateQueries({ queryKey: dossierKeys.part(id, part) })),
  );
}
