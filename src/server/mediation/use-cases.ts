import { appendAuditEvent } from '../../db/repositories/audit.ts';
import {
  insertMessage,
  lockDossier,
  organisationById,
  updateDossier,
} from '../../db/repositories/handling.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { canRecordMediationStep, canReferToMediator } from '../../domain/register/mediation.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, domainInputError } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { deadlinesOf, todayInParis } from '../shared/deadline-projection.ts';
import { checkFacts, factsOf, handledOf, type StoredFacts } from '../shared/handled-dossier.ts';
import { notifyInTransaction, queueEmails } from '../shared/notify.ts';
import { NOT_FOUND_MESSAGE, refusalError } from '../shared/refusal.ts';

/**
 * The member refers his file to the organisation's mediator, when the deadline engine says the window is open
 * (C. consom. L612-2). The mediator is told in the app and by e-mail, after commit.
 */
export async function referToMediator(ctx: AppContext, user: UserRow, dossierId: string) {
  const now = ctx.now();
  const today = todayInParis(now);
  const result = await ctx.database.db.transaction(async (tx) => {
    const row = await lockDossier(tx, dossierId);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const deadlines = deadlinesOf(row, now);
    if (!deadlines.ok) throw domainInputError(deadlines.error);
    const window = deadlines.value.deadlines.find((d) => d.id === 'mediation.referral_window');
    const organisation = await organisationById(tx, row.organisationId);
    const mediatorId = organisation?.mediatorId ?? null;
    const decision = canReferToMediator(actorOf(user), handledOf(row), window, mediatorId !== null);
    if (!decision.ok) throw refusalError(decision.error);
    const facts: StoredFacts = { ...factsOf(row), mediatorSeizedOn: today };
    checkFacts(row, facts, now);
    const dossier = await updateDossier(tx, row.id, { facts, status: 'mediation', mediatorId }, now);
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: user.id,
      type: 'dossier.referred_to_mediator',
      payload: {
        before: { status: row.status, mediatorId: row.mediatorId },
        after: { status: 'mediation', mediatorId, mediatorSeizedOn: today },
      },
      occurredAt: now,
    });
    const notificationIds = await notifyInTransaction(tx, [
      {
        userId: mediatorId!,
        dossierId: row.id,
        kind: 'mediation.referred',
        title: `Dossier ${row.reference} : nouvelle saisine`,
        body: 'Un adhérent vous a saisi d’un litige. Notifiez la saisine aux parties dès réception du dossier complet (C. consom. R612-2).',
        dedupeKey: `mediation.referred:${row.id}:${today}`,
        createdAt: now,
      },
    ]);
    return { dossier, notificationIds, mediator: window?.mediator };
  });
  await queueEmails(ctx, result.notificationIds);
  publishChange({ type: 'status.changed', audience: 'all', dossierId });
  return result;
}

/** R612-2: the mediator records the day he notified the parties of the referral (the 90 days of R612-5 start). */
export async function recordMediationNotified(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  input: { notifiedOn?: CalendarDate | undefined; fileCompleteOn?: CalendarDate | undefined },
) {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockDossier(tx, dossierId);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const decision = canRecordMediationStep(actorOf(user), handledOf(row), 'notified');
    if (!decision.ok) throw refusalError(decision.error);
    const notifiedOn = input.notifiedOn ?? todayInParis(now);
    const facts: StoredFacts = {
      ...factsOf(row),
      mediationNotifiedOn: notifiedOn,
      ...(input.fileCompleteOn ? { mediationFileCompleteOn: input.fileCompleteOn } : {}),
    };
    const output = checkFacts(row, facts, now);
    const dossier = await updateDossier(tx, row.id, { facts }, now);
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: user.id,
      type: 'mediation.notified',
      payload: {
        after: { mediationNotifiedOn: notifiedOn, mediationFileCompleteOn: input.fileCompleteOn ?? null },
      },
      occurredAt: now,
    });
    const outcomeDue = output.deadlines.find((d) => d.id === 'mediation.outcome')?.dueDate ?? null;
    return { dossier, outcomeDue };
  });
}

/** R612-3 to R612-5: the mediator's proposal and the end of the mediation; the parties are free to refuse it. */
export async function recordMediationOutcome(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  input: { proposal: string; endedOn?: CalendarDate | undefined },
) {
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const row = await lockDossier(tx, dossierId);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const decision = canRecordMediationStep(actorOf(user), handledOf(row), 'outcome');
    if (!decision.ok) throw refusalError(decision.error);
    const endedOn = input.endedOn ?? todayInParis(now);
    const facts: StoredFacts = { ...factsOf(row), mediationEndedOn: endedOn };
    checkFacts(row, facts, now);
    const body = [
      'Proposition du médiateur :',
      input.proposal.trim(),
      '',
      'Vous êtes libre d’accepter ou de refuser cette proposition ; les tribunaux restent ouverts et leur décision peut être différente (C. consom. R612-3 et R612-4).',
    ].join('\n');
    const messageId = await insertMessage(tx, {
      dossierId: row.id,
      authorId: user.id,
      body,
      kind: 'mediation_proposal',
      internal: false,
      createdAt: now,
    });
    const dossier = await updateDossier(tx, row.id, { facts }, now);
    await appendAuditEvent(tx, {
      dossierId: row.id,
      actorId: user.id,
      type: 'mediation.outcome_recorded',
      payload: { after: { mediationEndedOn: endedOn }, messageId },
      occurredAt: now,
    });
    const notificationIds = await notifyInTransaction(tx, [
      {
        userId: row.memberId,
        dossierId: row.id,
        kind: 'mediation.outcome',
        title: `Dossier ${row.reference} : proposition du médiateur`,
        body: 'Le médiateur a rendu sa proposition. Consultez-la sur Recours.',
        dedupeKey: `mediation.outcome:${row.id}`,
        createdAt: now,
      },
    ]);
    return { dossier, messageId, notificationIds };
  });
  await queueEmails(ctx, result.notificationIds);
  publishChange({ type: 'message.created', audience: 'all', dossierId, id: result.messageId });
  return result;
}
