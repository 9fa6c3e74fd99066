import { REGISTER_ROLES } from '../../contracts/roles.ts';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import { findDossier } from '../../db/repositories/dossiers.ts';
import { userById } from '../../db/repositories/handling.ts';
import { findUserById, type UserRow } from '../../db/repositories/users.ts';
import { canReadDossier } from '../../domain/access/policy.ts';
import { planAcknowledgment } from '../../domain/register/acknowledgment.ts';
import { canApplyAction } from '../../domain/register/actions.ts';
import type { DecisionOutcome } from '../../domain/register/answer.ts';
import { slaClocksOf } from '../../domain/register/sla.ts';
import { DECISION_LABELS, nextActionOf } from '../../domain/register/staff-summary.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { deadlinesOf, todayInParis } from '../shared/deadline-projection.ts';
import { factsOf, handledOf } from '../shared/handled-dossier.ts';
import { NOT_FOUND_MESSAGE } from '../shared/refusal.ts';

/**
 * What a handler reads first on a file: who the member is and how to reach him, who holds the file, every clock
 * with its state, what is due next and by whom, and, before acknowledging, whether the acknowledgment is late.
 * Staff of the file's organisation only (a member or a mediator gets 403: they have their own view); the reading
 * is logged like any reading of the file (RGPD art. 9).
 */
export async function staffSummary(ctx: AppContext, user: UserRow, dossierId: string) {
  const { db } = ctx.database;
  const row = await findDossier(db, dossierId);
  const actor = actorOf(user);
  if (!row || !canReadDossier(actor, row)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  if (!REGISTER_ROLES.includes(user.role)) {
    throw new AppError('FORBIDDEN', 'Cette synthèse est réservée au personnel de l’organisme.');
  }
  const now = ctx.now();
  const today = todayInParis(now);
  const facts = factsOf(row);
  const [member, handler] = await Promise.all([
    findUserById(db, row.memberId),
    row.assignedHandlerId ? userById(db, row.assignedHandlerId) : Promise.resolve(undefined),
  ]);
  const engine = deadlinesOf(row, now);
  const deadlines = engine.ok ? engine.value.deadlines : undefined;
  const clocks = slaClocksOf(deadlines, { status: row.status, facts });
  const erased = row.erasedAt !== null;
  const canAcknowledge = canApplyAction(actor, handledOf(row), 'acknowledge').ok;
  const acknowledgment = canAcknowledge
    ? planAcknowledgment({
        today,
        reference: row.reference,
        complaintSentOn: facts.complaintSentOn,
        acknowledgmentDue: clocks.acknowledgment.dueDate,
        answerDue: clocks.answer.dueDate,
      })
    : null;
  const outcome = (row.decision ?? facts.answerOutcome ?? null) as DecisionOutcome | null;
  await logAuditEvent(db, {
    dossierId: row.id,
    actorId: user.id,
    type: 'dossier.viewed',
    payload: { role: user.role, part: 'staff-summary' },
    occurredAt: now,
  });
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    priority: row.priority,
    member: erased
      ? { name: '(effacé)', email: null, postalAddress: null, memberNumber: null }
      : {
          name: member?.displayName ?? '',
          email: member?.email ?? null,
          postalAddress: member?.postalAddress ?? null,
          memberNumber: row.memberNumber,
        },
    organisationReference: row.organisationReference,
    assignedHandler: handler ? { id: handler.id, name: handler.displayName } : null,
    clocks,
    nextAction: nextActionOf({
      status: row.status,
      assigneeName: handler?.displayName ?? null,
      clocks,
      mediationDueOn: row.mediationDueOn,
    }),
    answer: facts.answerReceivedOn
      ? {
          answeredOn: facts.answerReceivedOn,
          outcome,
          outcomeLabel: outcome ? DECISION_LABELS[outcome] : null,
        }
      : null,
    acknowledgment: acknowledgment
      ? { warning: acknowledgment.warning, text: acknowledgment.text, late: acknowledgment.late }
      : null,
    today,
  };
}
