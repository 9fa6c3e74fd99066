import type { StoredFacts } from '../../contracts/facts.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import {
  type DossierChanges,
  insertMessage,
  lockDossier,
  organisationById,
  updateDossier,
} from '../../db/repositories/handling.ts';
import type { NewNotification } from '../../db/repositories/notifications.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/access/roles.ts';
import { planAcknowledgment } from '../../domain/register/acknowledgment.ts';
import { canApplyAction, type HandlingAction, statusAfter } from '../../domain/register/actions.ts';
import {
  competentMediatorFor,
  type DecisionOutcome,
  type NamedMediator,
  reasonedAnswerText,
} from '../../domain/register/answer.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { todayInParis } from '../shared/deadline-projection.ts';
import { type ActionResult, afterCommit, checkFacts, factsOf, handledOf } from '../shared/handled-dossier.ts';
import { notifyInTransaction } from '../shared/notify.ts';
import { NOT_FOUND_MESSAGE, refusalError } from '../shared/refusal.ts';

// Moved below the features (issue 13): the register and the mediator use them too.
export {
  type ActionResult,
  afterCommit,
  checkFacts,
  factsOf,
  handledOf,
  type StoredFacts,
} from '../shared/handled-dossier.ts';

interface Step {
  tx: Db;
  ctx: AppContext;
  actor: Actor;
  row: DossierRow;
  now: Date;
  today: CalendarDate;
}

function memberNotice(
  row: DossierRow,
  kind: string,
  title: string,
  body: string,
  now: Date,
  key: string,
): NewNotification {
  return {
    userId: row.memberId,
    dossierId: row.id,
    kind,
    title,
    body,
    dedupeKey: `${kind}:${row.id}:${key}`,
    createdAt: now,
  };
}

/** Loads and locks the file, applies the pure decision, then `apply`; all in one transaction with its audit. */
async function runAction(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  action: HandlingAction,
  apply: (step: Step) => Promise<ActionResult>,
): Promise<ActionResult> {
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const row = await lockDossier(tx, dossierId);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const actor = actorOf(user);
    const decision = canApplyAction(actor, handledOf(row), action);
    if (!decision.ok) throw refusalError(decision.error);
    return apply({ tx, ctx, actor, row, now, today: todayInParis(now) });
  });
  await afterCommit(ctx, result);
  return result;
}

/** Records the acknowledgment (ACPR 2024-R-02: within 10 jours ouvrables) and tells the member when to expect the answer. */
export async function acknowledgeInTransaction(step: Step): Promise<ActionResult> {
  const { tx, actor, row, now, today } = step;
  const facts: StoredFacts = { ...factsOf(row), acknowledgedOn: today };
  const output = checkFacts(row, facts, now);
  const due = (id: string) => output.deadlines.find((d) => d.id === id)?.dueDate ?? null;
  // A late acknowledgment apologises and never promises a date already past (src/domain/register/acknowledgment.ts).
  const body = planAcknowledgment({
    today,
    reference: row.reference,
    complaintSentOn: facts.complaintSentOn,
    acknowledgmentDue: due('complaint.acknowledgment'),
    answerDue: due('complaint.answer'),
  }).text;
  const messageId = await insertMessage(tx, {
    dossierId: row.id,
    authorId: actor.id,
    body,
    kind: 'message',
    internal: false,
    createdAt: now,
  });
  const status = statusAfter('acknowledge', row.status);
  const dossier = await updateDossier(tx, row.id, { facts, status }, now);
  await appendAuditEvent(tx, {
    dossierId: row.id,
    actorId: actor.id,
    type: 'dossier.acknowledged',
    payload: { before: { status: row.status }, after: { status, acknowledgedOn: today }, messageId },
    occurredAt: now,
  });
  const notificationIds = await notifyInTransaction(tx, [
    memberNotice(
      row,
      'dossier.acknowledged',
      `Dossier ${row.reference} : réclamation bien reçue`,
      'L’organisme a accusé réception de votre réclamation. Consultez votre dossier sur Recours.',
      now,
      today,
    ),
  ]);
  return {
    dossier,
    notificationIds,
    messageId,
    live: [
      { type: 'status.changed', audience: 'all' },
      { type: 'message.created', audience: 'all', id: messageId },
    ],
  };
}

export function acknowledge(ctx: AppContext, user: UserRow, dossierId: string) {
  return runAction(ctx, user, dossierId, 'acknowledge', acknowledgeInTransaction);
}

export function requestDocuments(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  input: { documents: string[]; message?: string | undefined },
) {
  return runAction(ctx, user, dossierId, 'request_document', async ({ tx, actor, row, now }) => {
    const body = [
      'Pour instruire votre réclamation, merci de nous transmettre :',
      ...input.documents.map((d) => `- ${d}`),
      ...(input.message?.trim() ? ['', input.message.trim()] : []),
    ].join('\n');
    const messageId = await insertMessage(tx, {
      dossierId: row.id,
      authorId: actor.id,
      body,
      kind: 'document_request',
      internal: false,
      createdAt: now,
    });
    const status = statusAfter('request_document', row.status);
    const dossier = await updateDossier(tx, row.id, { status }, now);
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: actor.id,
      type: 'dossier.documents_requested',
      // The list itself stays in the message (it may name health documents); the chain keeps ids and counts.
      payload: {
        before: { status: row.status },
        after: { status },
        messageId,
        documentCount: input.documents.length,
      },
      occurredAt: now,
    });
    const notificationIds = await notifyInTransaction(tx, [
      memberNotice(
        row,
        'dossier.documents_requested',
        `Dossier ${row.reference} : pièces demandées`,
        'L’organisme vous demande des pièces pour instruire votre réclamation. Consultez votre dossier sur Recours.',
        now,
        messageId,
      ),
    ]);
    return {
      dossier,
      notificationIds,
      messageId,
      live: [
        { type: 'status.changed', audience: 'all' },
        { type: 'message.created', audience: 'all', id: messageId },
      ],
    };
  });
}

export function addInternalNote(ctx: AppContext, user: UserRow, dossierId: string, text: string) {
  return runAction(ctx, user, dossierId, 'note', async ({ tx, actor, row, now }) => {
    // internal = true: staff only, never shown to the member (seed 004: traceability of the handling).
    const messageId = await insertMessage(tx, {
      dossierId: row.id,
      authorId: actor.id,
      body: text.trim(),
      kind: 'note',
      internal: true,
      createdAt: now,
    });
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: actor.id,
      type: 'dossier.note_added',
      payload: { messageId, internal: true },
      occurredAt: now,
    });
    return {
      dossier: row,
      notificationIds: [],
      messageId,
      live: [{ type: 'note.created', audience: 'staff', id: messageId }],
    };
  });
}

/** The mediator an answer of this file names: the organisation's own declaration, or its family's mediator. */
export async function mediatorForAnswer(tx: Db, row: DossierRow): Promise<NamedMediator> {
  const organisation = await organisationById(tx, row.organisationId);
  return competentMediatorFor({
    kind: row.organisationKind,
    mediatorName: organisation?.mediatorName ?? null,
    mediatorContact: organisation?.mediatorContact ?? null,
  });
}

export function decide(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  input: { outcome: DecisionOutcome; reasons: string },
) {
  return runAction(ctx, user, dossierId, 'decide', async ({ tx, actor, row, now, today }) => {
    const facts: StoredFacts = { ...factsOf(row), answerReceivedOn: today, answerOutcome: input.outcome };
    checkFacts(row, facts, now);
    const mediator = await mediatorForAnswer(tx, row);
    const answerText = reasonedAnswerText({
      reference: row.reference,
      organisationName: row.organisationName,
      organisationKind: row.organisationKind,
      outcome: input.outcome,
      reasons: input.reasons,
      decidedOn: today,
      complaintSentOn: facts.complaintSentOn,
      mediator,
    });
    const messageId = await insertMessage(tx, {
      dossierId: row.id,
      authorId: actor.id,
      body: answerText,
      kind: 'answer',
      internal: false,
      createdAt: now,
    });
    const status = statusAfter('decide', row.status);
    const changes: DossierChanges = {
      facts,
      status,
      decision: input.outcome,
      decisionReason: input.reasons.trim(),
    };
    const dossier = await updateDossier(tx, row.id, changes, now);
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: actor.id,
      type: 'dossier.decided',
      payload: {
        before: { status: row.status, decision: row.decision },
        after: { status, decision: input.outcome, answerReceivedOn: today },
        messageId,
        mediator: mediator.name,
      },
      occurredAt: now,
    });
    const notificationIds = await notifyInTransaction(tx, [
      memberNotice(
        row,
        'dossier.answered',
        `Dossier ${row.reference} : réponse à votre réclamation`,
        'L’organisme a répondu à votre réclamation. Consultez la réponse et vos recours sur Recours.',
        now,
        today,
      ),
    ]);
    return {
      dossier,
      notificationIds,
      messageId,
      answerText,
      live: [
        { type: 'status.changed', audience: 'all' },
        { type: 'message.created', audience: 'all', id: messageId },
      ],
    };
  });
}

export function reopen(ctx: AppContext, user: UserRow, dossierId: string, reason: string) {
  return runAction(ctx, user, dossierId, 'reopen', async ({ tx, actor, row, now }) => {
    const messageId = await insertMessage(tx, {
      dossierId: row.id,
      authorId: actor.id,
      body: `Dossier rouvert : ${reason.trim()}`,
      kind: 'note',
      internal: true,
      createdAt: now,
    });
    const status = statusAfter('reopen', row.status);
    const dossier = await updateDossier(tx, row.id, { status, closedAt: null }, now);
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: actor.id,
      type: 'dossier.reopened',
      payload: { before: { status: row.status }, after: { status }, messageId },
      occurredAt: now,
    });
    return {
      dossier,
      notificationIds: [],
      messageId,
      live: [
        { type: 'status.changed', audience: 'all' },
        { type: 'note.created', audience: 'staff', id: messageId },
      ],
    };
  });
}

export function close(ctx: AppContext, user: UserRow, dossierId: string, reason: string | undefined) {
  return runAction(ctx, user, dossierId, 'close', async ({ tx, actor, row, now }) => {
    let messageId: string | undefined;
    if (reason?.trim()) {
      messageId = await insertMessage(tx, {
        dossierId: row.id,
        authorId: actor.id,
        body: `Clôture : ${reason.trim()}`,
        kind: 'note',
        internal: true,
        createdAt: now,
      });
    }
    const status = statusAfter('close', row.status);
    const dossier = await updateDossier(tx, row.id, { status, closedAt: now }, now);
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: actor.id,
      type: 'dossier.closed',
      payload: { before: { status: row.status }, after: { status }, ...(messageId ? { messageId } : {}) },
      occurredAt: now,
    });
    return {
      dossier,
      notificationIds: [],
      ...(messageId ? { messageId } : {}),
      live: [{ type: 'status.changed', audience: 'all' }],
    };
  });
}
