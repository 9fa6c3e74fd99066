import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, apiUpload } from '../../shared/api-client.ts';
import { dossierKeys } from './api.ts';

// Everything inside one file (issue #5, docs/dossiers.md): pieces, checklist, contacts, messages, timeline,
// escalation ladder, facts, survey. Enumerations stay plain strings: a value the server adds later is shown raw.

const base = (id: string) => `/api/v1/dossiers/${encodeURIComponent(id)}`;

// ── Pieces ─────────────────────────────────────────────────────────────────────────────────────────────────

export const documentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  documentDate: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  contentUrl: z.string(),
  // Medical secrecy (docs/medical-secrecy.md): a withheld piece shows only that it exists, its date and holder.
  medical: z.boolean().default(false),
  withheld: z.boolean().default(false),
  heldBy: z.string().nullable().default(null),
});
export type DossierDocument = z.infer<typeof documentSchema>;

export function useDocuments(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'documents'),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(id)}/documents`, z.object({ documents: z.array(documentSchema) }), signal))
        .documents,
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
      return apiUpload(`${base(id)}/documents`, form, z.object({ document: documentSchema })).then(
        (answer) => answer.document,
      );
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
        schema: z.object({ document: documentSchema }),
      }).then((answer) => answer.document),
    onSuccess: () => invalidateFile(queryClient, id, ['documents', 'checklist', 'timeline']),
  });
}

export const checklistSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      required: z.boolean(),
      why: z.string(),
      done: z.boolean(),
      documentIds: z.array(z.string()),
    }),
  ),
  missing: z.number().int(),
  complete: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export function useChecklist(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'checklist'),
    queryFn: ({ signal }) => apiGet(`${base(id)}/checklist`, checklistSchema, signal),
  });
}

// ── Contacts ───────────────────────────────────────────────────────────────────────────────────────────────

export const contactSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  channel: z.string(),
  agentName: z.string().nullable(),
  reference: z.string().nullable(),
  summary: z.string(),
  promises: z.string().nullable(),
  createdAt: z.string(),
  medical: z.boolean().default(false),
  withheld: z.boolean().default(false),
});
export type Contact = z.infer<typeof contactSchema>;

export function useContacts(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'contacts'),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(id)}/contacts`, z.object({ contacts: z.array(contactSchema) }), signal)).contacts,
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
      apiSend(`${base(id)}/contacts`, { body: input, schema: z.object({ contact: contactSchema }) }).then(
        (answer) => answer.contact,
      ),
    // A first contact ticks the ladder's first step.
    onSuccess: () => invalidateFile(queryClient, id, ['contacts', 'timeline', 'escalation']),
  });
}

// ── Messages ───────────────────────────────────────────────────────────────────────────────────────────────

export const messageSchema = z.object({
  id: z.string(),
  body: z.string(),
  kind: z.string(),
  internal: z.boolean(),
  medical: z.boolean().default(false),
  withheld: z.boolean().default(false),
  author: z.object({ id: z.string(), displayName: z.string(), role: z.string() }),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

export function useMessages(id: string, enabled: boolean) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'messages'),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(id)}/messages`, z.object({ messages: z.array(messageSchema) }), signal)).messages,
    enabled,
  });
}

export function usePostMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; medical: boolean }) =>
      apiSend(`${base(id)}/messages`, { body: input, schema: z.object({ message: messageSchema }) }).then(
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
        schema: z.object({ message: messageSchema }),
      }),
    onSuccess: () => invalidateFile(queryClient, id, ['messages', 'timeline']),
  });
}

/** Messages written from this tab: their live event is not announced as news. */
export const ownMessageIds = new Set<string>();

export const letterSchema = z.object({
  id: z.string(),
  subject: z.string(),
  createdAt: z.string(),
  sentOn: z.string().nullable(),
  pdfUrl: z.string(),
});
export type Letter = z.infer<typeof letterSchema>;

/** The file's letters (written by the letters feature); used when the organisation is reached by post. */
export function useLetters(id: string, enabled: boolean) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'letters'),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(id)}/letters`, z.object({ letters: z.array(letterSchema) }), signal)).letters,
    enabled,
    retry: false,
  });
}

// ── Timeline, deadlines, facts, ladder ────────────────────────────────────────────────────────────────────

const nextStepSchema = z
  .object({
    deadlineId: z.string(),
    text: z.string(),
    action: z.string(),
    dueDate: z.string(),
    daysLeft: z.number().int(),
  })
  .nullable();
export type NextStep = z.infer<typeof nextStepSchema>;

/** A deadline of the engine, when the server sends them whole (optional: today only the entries carry them). */
const deadlineSchema = z.object({
  id: z.string(),
  title: z.string(),
  party: z.string(),
  dueDate: z.string().nullable(),
  status: z.string(),
  daysLeft: z.number().int().nullable(),
  rule: z.string().optional(),
  source: z.string().optional(),
  action: z.string().optional(),
  computation: z.string().optional(),
  notes: z.array(z.string()).optional(),
  doneOn: z.string().optional(),
});
export type EngineDeadline = z.infer<typeof deadlineSchema>;

export const timelineEntrySchema = z.object({
  kind: z.string(),
  at: z.string(),
  text: z.string(),
  detail: z.string().nullable(),
  ref: z.string(),
  upcoming: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineSchema = z.object({
  entries: z.array(timelineEntrySchema),
  next: nextStepSchema,
  waitingFor: nextStepSchema,
  deadlinesError: z.string().nullable(),
  deadlines: z.array(deadlineSchema).optional(),
});
export type Timeline = z.infer<typeof timelineSchema>;

export function useTimeline(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'timeline'),
    queryFn: ({ signal }) => apiGet(`${base(id)}/timeline`, timelineSchema, signal),
  });
}

export const stepSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  why: z.string(),
  action: z.string(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  source: z.string(),
  letterType: z.string().optional(),
});
export type EscalationStep = z.infer<typeof stepSchema>;

export function useEscalation(id: string) {
  return useQuery({
    queryKey: dossierKeys.part(id, 'escalation'),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(id)}/escalation`, z.object({ steps: z.array(stepSchema) }), signal)).steps,
  });
}

export type FactValue = string | boolean | string[] | null;

const factsAnswerSchema = z.object({ facts: z.record(z.string(), z.unknown()), status: z.string() });

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
        schema: z.object({ score: z.number().int(), comment: z.string().nullable() }),
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
