import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { DecisionOutcome } from '../../../../src/contracts/decision-outcomes.ts';
import type { LetterType } from '../../../../src/domain/letters/schema.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

// Letters of a file and the mediation file (issue #6, docs/letters.md). Types, methods and statuses stay plain
// strings here: a value the server adds later is shown raw instead of making the whole list fail to load.

const base = (dossierId: string) => `/api/v1/dossiers/${encodeURIComponent(dossierId)}`;

export const letterKeys = {
  all: (dossierId: string) => ['letters', dossierId] as const,
  list: (dossierId: string) => [...letterKeys.all(dossierId), 'list'] as const,
  checks: (dossierId: string) => [...letterKeys.all(dossierId), 'mediation-checks'] as const,
};

export const letterSchema = z.object({
  id: z.string(),
  type: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentOn: z.string().nullable(),
  sendingMethod: z.string().nullable(),
  registeredNumber: z.string().nullable(),
  pdfUrl: z.string(),
});
export type StoredLetter = z.infer<typeof letterSchema>;

export function useLetters(dossierId: string) {
  return useQuery({
    queryKey: letterKeys.list(dossierId),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(dossierId)}/letters`, z.object({ letters: z.array(letterSchema) }), signal))
        .letters,
  });
}

/** The choices some letter types need (the API's `options`), as the form holds them. */
export interface LetterChoices {
  terminationGround?: 'annual' | 'anytime' | 'situation_change';
  answerDays?: number;
  decision?: { outcome: DecisionOutcome; reasons: string; amountGrantedCents?: number };
  requestedDocument?: string;
}

export interface DraftRequest {
  type: LetterType;
  choices: LetterChoices;
}

const previewSchema = z.object({
  letter: z
    .object({
      recipient: z.array(z.string()),
      sendingNote: z.string().optional(),
      answerBy: z.object({ date: z.string(), rule: z.string() }).optional(),
    })
    .loose(),
  text: z.object({ subject: z.string(), bodyText: z.string() }),
});
export type LetterPreview = z.infer<typeof previewSchema>;

function previewQuery({ type, choices }: DraftRequest): string {
  const query = new URLSearchParams({ type });
  if (choices.terminationGround) query.set('terminationGround', choices.terminationGround);
  if (choices.answerDays !== undefined) query.set('answerDays', String(choices.answerDays));
  if (choices.decision) {
    query.set('decisionOutcome', choices.decision.outcome);
    query.set('decisionReasons', choices.decision.reasons);
    if (choices.decision.amountGrantedCents !== undefined) {
      query.set('amountGrantedCents', String(choices.decision.amountGrantedCents));
    }
  }
  if (choices.requestedDocument) query.set('requestedDocument', choices.requestedDocument);
  return query.toString();
}

/** The letter drafted from the file, not stored: its subject and text go into the editor. */
export function useDraftPreview(dossierId: string) {
  return useMutation({
    mutationFn: (request: DraftRequest) =>
      apiGet(`${base(dossierId)}/letters/preview?${previewQuery(request)}`, previewSchema),
  });
}

function optionsOf(choices: LetterChoices) {
  const options: Record<string, unknown> = {};
  if (choices.terminationGround) options.terminationGround = choices.terminationGround;
  if (choices.answerDays !== undefined) options.answerDays = choices.answerDays;
  if (choices.decision) options.decision = choices.decision;
  if (choices.requestedDocument) options.requestedDocuments = [choices.requestedDocument];
  return options;
}

export interface NewLetterInput extends DraftRequest {
  subject: string;
  bodyText: string;
}

const createdSchema = z.object({ letter: letterSchema, pdfUrl: z.string() });

/** Stores the edited letter; the answer carries the address of its PDF. */
export function useCreateLetter(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, choices, subject, bodyText }: NewLetterInput) => {
      const options = optionsOf(choices);
      return apiSend(`${base(dossierId)}/letters`, {
        body: { type, subject, bodyText, ...(Object.keys(options).length > 0 ? { options } : {}) },
        schema: createdSchema,
      });
    },
    onSuccess: ({ letter }) => {
      queryClient.setQueryData<StoredLetter[]>(letterKeys.list(dossierId), (current) =>
        current && !current.some((l) => l.id === letter.id) ? [...current, letter] : current,
      );
      return queryClient.invalidateQueries({ queryKey: letterKeys.all(dossierId) });
    },
  });
}

export const SENDING_METHODS = ['recommande_ar', 'lettre_simple', 'email', 'remise_main'] as const;
export type SendingMethod = (typeof SENDING_METHODS)[number];

export interface SentInput {
  sentOn: string;
  sendingMethod: SendingMethod;
  registeredNumber: string | null;
  answerOutcome?: DecisionOutcome;
}

const sentSchema = z.object({
  letter: letterSchema,
  recorded: z.array(z.object({ field: z.string(), value: z.unknown() })),
  explanation: z.string(),
});

/** Records how and when a letter left; the fact it starts (complaint sent, mediator seized…) changes the file. */
export function useMarkSent(dossierId: string, letterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SentInput) =>
      apiSend(`${base(dossierId)}/letters/${encodeURIComponent(letterId)}/sent`, {
        body: input,
        schema: sentSchema,
      }),
    onSuccess: ({ letter, recorded }) => {
      queryClient.setQueryData<StoredLetter[]>(letterKeys.list(dossierId), (current) =>
        current?.map((l) => (l.id === letter.id ? letter : l)),
      );
      const refreshed = [queryClient.invalidateQueries({ queryKey: letterKeys.all(dossierId) })];
      // A recorded fact moves the file's deadlines, ladder and status: every query about files is refreshed
      // (by its key prefix, without importing the dossiers feature).
      if (recorded.length > 0) {
        refreshed.push(queryClient.invalidateQueries({ queryKey: ['dossiers'] }));
        refreshed.push(queryClient.invalidateQueries({ queryKey: ['mediation'] }));
      }
      return Promise.all(refreshed);
    },
  });
}

const checkSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  detail: z.string(),
  source: z.string(),
});
export type AdmissibilityCheck = z.infer<typeof checkSchema>;

const checksSchema = z.object({
  mediator: z.object({ name: z.string(), postalAddress: z.array(z.string()), howToSeize: z.string() }),
  admissible: z.boolean(),
  checks: z.array(checkSchema),
  window: z.object({ opensOn: z.string().nullable(), closesOn: z.string().nullable() }).nullable(),
});
export type MediationChecks = z.infer<typeof checksSchema>;

export function useMediationChecks(dossierId: string) {
  return useQuery({
    queryKey: letterKeys.checks(dossierId),
    queryFn: ({ signal }) => apiGet(`${base(dossierId)}/mediation-bundle/checks`, checksSchema, signal),
  });
}

export const mediationBundleUrl = (dossierId: string) => `${base(dossierId)}/mediation-bundle`;
