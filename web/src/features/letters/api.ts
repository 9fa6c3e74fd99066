import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createdLetterSchema,
  letterListSchema,
  letterPreviewSchema,
  mediationChecksSchema,
  type StoredLetter,
  sentLetterSchema,
} from '../../../../src/contracts/api/letters.ts';
import type { DecisionOutcome } from '../../../../src/contracts/decision-outcomes.ts';
import type { LetterType } from '../../../../src/domain/letters/schema.ts';
import { apiGet, apiSend } from '../../shared/api-client.ts';

// Letters of a file and the mediation file (issue #6, docs/letters.md). Types, methods and statuses stay plain
// strings here: a value the server adds later is shown raw instead of making the whole list fail to load.

const base = (dossierId: string) => `/api/v1/dossiers/${encodeURIComponent(dossierId)}`;

export type {
  AdmissibilityCheck,
  LetterPreview,
  MediationChecks,
  StoredLetter,
} from '../../../../src/contracts/api/letters.ts';

export const letterKeys = {
  all: (dossierId: string) => ['letters', dossierId] as const,
  list: (dossierId: string) => [...letterKeys.all(dossierId), 'list'] as const,
  checks: (dossierId: string) => [...letterKeys.all(dossierId), 'mediation-checks'] as const,
};

export function useLetters(dossierId: string) {
  return useQuery({
    queryKey: letterKeys.list(dossierId),
    queryFn: async ({ signal }) =>
      (await apiGet(`${base(dossierId)}/letters`, letterListSchema, signal)).letters,
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
      apiGet(`${base(dossierId)}/letters/preview?${previewQuery(request)}`, letterPreviewSchema),
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

/** Stores the edited letter; the answer carries the address of its PDF. */
export function useCreateLetter(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, choices, subject, bodyText }: NewLetterInput) => {
      const options = optionsOf(choices);
      return apiSend(`${base(dossierId)}/letters`, {
        body: { type, subject, bodyText, ...(Object.keys(options).length > 0 ? { options } : {}) },
        schema: createdLetterSchema,
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

/** Records how and when a letter left; the fact it starts (complaint sent, mediator seized…) changes the file. */
export function useMarkSent(dossierId: string, letterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SentInput) =>
      apiSend(`${base(dossierId)}/letters/${encodeURIComponent(letterId)}/sent`, {
        body: input,
        schema: sentLetterSchema,
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

export function useMediationChecks(dossierId: string) {
  return useQuery({
    queryKey: letterKeys.checks(dossierId),
    queryFn: ({ signal }) =>
      apiGet(`${base(dossierId)}/mediation-bundle/checks`, mediationChecksSchema, signal),
  });
}

export const mediationBundleUrl = (dossierId: string) => `${base(dossierId)}/mediation-bundle`;
