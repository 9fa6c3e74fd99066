import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentListSchema } from '../../../../src/contracts/api/dossiers.ts';
import {
  claimCodeSchema,
  claimedSchema,
  type DocumentText,
  documentTextSchema,
  duplicatesSchema,
  intakeSchema,
  memberSearchSchema,
  mergedSchema,
  recordedSchema,
} from '../../../../src/contracts/api/intake.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

export type {
  DocumentText,
  DuplicateCandidate,
  Intake,
  MemberMatch,
  Recorded,
} from '../../../../src/contracts/api/intake.ts';

// ---------------------------------------------------------------------------------------------------------------
// Members known to the organisation (GET /api/v1/intake/members)

export function useMemberSearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: ['intake-members', q],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/intake/members?q=${encodeURIComponent(q)}`, memberSearchSchema, signal),
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

export function useIntake(dossierId: string) {
  return useQuery({
    queryKey: ['intake', dossierId],
    queryFn: ({ signal }) => apiGet(`/api/v1/dossiers/${dossierId}/intake`, intakeSchema, signal),
  });
}

export function useDuplicates(dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['duplicates', dossierId],
    queryFn: ({ signal }) => apiGet(`/api/v1/dossiers/${dossierId}/duplicates`, duplicatesSchema, signal),
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
        schema: mergedSchema,
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
        schema: claimCodeSchema,
      }),
  });
}

/** The documents of the file and the text read on each (one request per document: a file holds a few). */
export function useDocumentTexts(dossierId: string) {
  return useQuery({
    queryKey: ['document-texts', dossierId],
    queryFn: async ({ signal }) => {
      const { documents } = await apiGet(
        `/api/v1/dossiers/${dossierId}/documents`,
        documentListSchema,
        signal,
      );
      return Promise.all(
        documents.map(async (d) => ({
          ...d,
          // A medical piece's text is refused to staff who may not read it: shown as not read.
          read: await apiGet(
            `/api/v1/dossiers/${dossierId}/documents/${d.id}/text`,
            documentTextSchema,
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
        schema: documentTextSchema,
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
      apiSend('/api/v1/me/claim', { body, schema: claimedSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dossiers'] }),
  });
}
