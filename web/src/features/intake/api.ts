import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../shared/api-client.ts';

// ---------------------------------------------------------------------------------------------------------------
// Members known to the organisation (GET /api/v1/intake/members)

const memberSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  memberNumber: z.string().nullable(),
  phone: z.string().nullable(),
  hasAccount: z.boolean(),
});
export type MemberMatch = z.infer<typeof memberSchema>;

export function useMemberSearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: ['intake-members', q],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/intake/members?q=${encodeURIComponent(q)}`,
        z.object({ members: z.array(memberSchema) }),
        signal,
      ),
    enabled: q.length >= 2,
    select: (data) => data.members,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Recording a complaint (POST /api/v1/intake/complaints)

export interface RecordComplaintBody {
  member:
    | { id: string }
    | {
        new: {
          displayName: string;
          email?: string;
          phone?: string;
          memberNumber?: string;
          postalAddress?: string;
        };
      };
  channel: 'letter' | 'email' | 'phone' | 'counter';
  receivedOn: string;
  writtenOn?: string;
  writtenAtCounter?: boolean;
  category?: string;
  title: string;
  description: string;
  amountCents?: number;
  memberNumber?: string;
}

const recordedSchema = z.object({
  dossier: z.object({
    id: z.string(),
    reference: z.string(),
    category: z.string(),
    suggestedCategory: z.string().nullable(),
    status: z.string(),
    writtenConfirmationInvitedOn: z.string().nullable(),
  }),
  claimCode: z.string().nullable(),
  notes: z.array(z.string()),
});
export type Recorded = z.infer<typeof recordedSchema>;

export function useRecordComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RecordComplaintBody; idempotencyKey: string }) =>
      apiSend('/api/v1/intake/complaints', {
        body,
        schema: recordedSchema,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['register'] }),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A file's intake (GET /api/v1/dossiers/:id/intake, duplicates, merge, identify, read texts)

const intakeSchema = z.object({
  channel: z.string(),
  recordedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  writtenConfirmationInvitedOn: z.string().nullable(),
  identificationPending: z.boolean(),
  member: memberSchema.nullable(),
  mergedInto: z.object({ id: z.string(), reference: z.string() }).nullable(),
  mergedFrom: z.array(z.object({ id: z.string(), reference: z.string() })),
});
export type Intake = z.infer<typeof intakeSchema>;

export function useIntake(dossierId: string) {
  return useQuery({
    queryKey: ['intake', dossierId],
    queryFn: ({ signal }) => apiGet(`/api/v1/dossiers/${dossierId}/intake`, intakeSchema, signal),
  });
}

const candidateSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  channel: z.string(),
  status: z.string(),
  receivedOn: z.string(),
  score: z.number(),
  daysApart: z.number(),
  reasons: z.array(z.string()),
});
export type DuplicateCandidate = z.infer<typeof candidateSchema>;

export function useDuplicates(dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['duplicates', dossierId],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/dossiers/${dossierId}/duplicates`,
        z.object({ candidates: z.array(candidateSchema) }),
        signal,
      ),
    select: (data) => data.candidates,
    enabled,
  });
}

export function useMerge(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (intoId: string) =>
      apiSend(`/api/v1/dossiers/${dossierId}/merge`, {
        body: { intoId },
        schema: z.object({ kept: z.string(), closed: z.string() }),
      }),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useIdentify(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { memberId?: string; memberNumber?: string; displayName?: string }) =>
      apiSend(`/api/v1/dossiers/${dossierId}/identify`, { body, schema: null }),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useRenewClaimCode() {
  return useMutation({
    mutationFn: (memberId: string) =>
      apiSend(`/api/v1/intake/members/${memberId}/claim-code`, {
        schema: z.object({ code: z.string(), expiresAt: z.string() }),
      }),
  });
}

const documentsSchema = z.object({
  documents: z.array(
    z.object({ id: z.string(), title: z.string(), fileName: z.string(), mimeType: z.string() }),
  ),
});
const textSchema = z.object({
  status: z.enum(['pending', 'done', 'failed', 'unsupported']).nullable(),
  text: z.string().nullable(),
  correctedAt: z.string().nullable(),
});
export type DocumentText = z.infer<typeof textSchema>;

/** The documents of the file and the text read on each (one request per document: a file holds a few). */
export function useDocumentTexts(dossierId: string) {
  return useQuery({
    queryKey: ['document-texts', dossierId],
    queryFn: async ({ signal }) => {
      const { documents } = await apiGet(`/api/v1/dossiers/${dossierId}/documents`, documentsSchema, signal);
      return Promise.all(
        documents.map(async (d) => ({
          ...d,
          // A medical piece's text is refused to staff who may not read it: shown as not read.
          read: await apiGet(
            `/api/v1/dossiers/${dossierId}/documents/${d.id}/text`,
            textSchema,
            signal,
          ).catch((): DocumentText => ({ status: null, text: null, correctedAt: null })),
        })),
      );
    },
  });
}

export function useCorrectText(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ documentId, text }: { documentId: string; text: string }) =>
      apiSend(`/api/v1/dossiers/${dossierId}/documents/${documentId}/text`, {
        method: 'PUT',
        body: { text },
        schema: textSchema,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['document-texts', dossierId] }),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A member claims the files recorded for him (POST /api/v1/me/claim)

export function useClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; memberNumber?: string; email?: string }) =>
      apiSend('/api/v1/me/claim', { body, schema: z.object({ files: z.number() }) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dossiers'] }),
  });
}
