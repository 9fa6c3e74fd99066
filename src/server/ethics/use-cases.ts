import type { AuditEventType } from '../../contracts/audit-events.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import {
  type EthicsReviewRow,
  ethicsReviewsOf,
  hasOpenReview,
  insertEthicsReview,
  lockEthicsReview,
  updateEthicsReview,
} from '../../db/repositories/ethics-reviews.ts';
import { lockDossier } from '../../db/repositories/handling.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import {
  canDecide,
  canReadReviews,
  canRecordOpinion,
  canRequestReview,
  canVote,
  type EthicsVote,
  type ReviewState,
  type VoteChoice,
  withVote,
} from '../../domain/register/ethics.ts';
import type { Result } from '../../domain/shared/result.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { NOT_FOUND_MESSAGE, refusalError } from '../shared/refusal.ts';

export interface ReviewWithReference {
  review: EthicsReviewRow;
  reference: string;
}

function stateOf(review: EthicsReviewRow, organisationId: string | null): ReviewState {
  return {
    organisationId,
    status: review.status,
    committeeMembers: review.committeeMembers as string[],
    opinion: review.opinion,
    votes: review.votes as EthicsVote[],
  };
}

function orThrow<T>(result: Result<T>): void {
  if (!result.ok) throw refusalError(result.error);
}

/** A supervisor sends a complex file to the ethics committee (seed 004), with the question and its members. */
export async function requestEthicsReview(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  input: { question: string; committeeMembers: string[] },
): Promise<ReviewWithReference> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockDossier(tx, dossierId);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    orThrow(canRequestReview(actorOf(user), row, await hasOpenReview(tx, row.id)));
    const members = [...new Set(input.committeeMembers.map((m) => m.trim()))];
    const review = await insertEthicsReview(tx, {
      dossierId: row.id,
      requestedById: user.id,
      question: input.question.trim(),
      committeeMembers: members,
      createdAt: now,
    });
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: user.id,
      type: 'ethics.requested',
      payload: { reviewId: review.id, after: { status: 'open', committeeMembers: members } },
      occurredAt: now,
    });
    return { review, reference: row.reference };
  });
}

/** Loads, locks and checks a review, applies `change`, audits before/after; one transaction. */
async function changeReview(
  ctx: AppContext,
  user: UserRow,
  reviewId: string,
  check: (state: ReviewState) => Result<true>,
  change: (review: EthicsReviewRow, now: Date) => Partial<EthicsReviewRow>,
  eventType: Extract<AuditEventType, `ethics.${string}`>,
  describe: (before: EthicsReviewRow, after: EthicsReviewRow) => Record<string, unknown>,
): Promise<ReviewWithReference> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const found = await lockEthicsReview(tx, reviewId);
    if (!found) throw new AppError('NOT_FOUND', 'Saisine du comité introuvable, ou vous n’y avez pas accès.');
    orThrow(check(stateOf(found.review, found.organisationId)));
    const updated = await updateEthicsReview(tx, reviewId, change(found.review, now));
    await appendAuditEvent(tx, {
      dossierId: found.review.dossierId,
      actorId: user.id,
      type: eventType,
      payload: { reviewId, ...describe(found.review, updated) },
      occurredAt: now,
    });
    return { review: updated, reference: found.reference };
  });
}

export function recordOpinion(ctx: AppContext, user: UserRow, reviewId: string, opinion: string) {
  return changeReview(
    ctx,
    user,
    reviewId,
    (s) => canRecordOpinion(actorOf(user), s),
    () => ({ opinion: opinion.trim() }),
    'ethics.opinion_recorded',
    (before) => ({ before: { hadOpinion: before.opinion !== null }, after: { hasOpinion: true } }),
  );
}

export function recordVote(
  ctx: AppContext,
  user: UserRow,
  reviewId: string,
  input: { member: string; vote: VoteChoice; comment?: string | undefined },
) {
  const member = input.member.trim();
  return changeReview(
    ctx,
    user,
    reviewId,
    (s) => canVote(actorOf(user), s, member),
    (review, now) => ({
      votes: withVote(review.votes as EthicsVote[], {
        member,
        vote: input.vote,
        ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
        recordedAt: now.toISOString(),
      }),
    }),
    'ethics.vote_recorded',
    (before) => ({
      member,
      before: { vote: (before.votes as EthicsVote[]).find((v) => v.member === member)?.vote ?? null },
      after: { vote: input.vote },
    }),
  );
}

export function recordDecision(ctx: AppContext, user: UserRow, reviewId: string, decision: string) {
  return changeReview(
    ctx,
    user,
    reviewId,
    (s) => canDecide(actorOf(user), s),
    (_review, now) => ({ decision: decision.trim(), status: 'decided', decidedAt: now }),
    'ethics.decided',
    (before, after) => ({ before: { status: before.status }, after: { status: after.status } }),
  );
}

export async function listEthicsReviews(ctx: AppContext, user: UserRow, status?: 'open' | 'decided') {
  orThrow(canReadReviews(actorOf(user)));
  return ethicsReviewsOf(ctx.database.db, user.organisationId!, status);
}
