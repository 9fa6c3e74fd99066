import { type DossierStatus, STATUS_LABELS } from '../../contracts/dossier-status.ts';
import { canReadDossier, type DossierParties } from '../access/policy.ts';
import { ACTING_ROLES, type Actor, HANDLING_ROLES, REGISTER_ROLES, type Role } from '../access/roles.ts';
import { formatFrenchDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';

/** What a handler or a supervisor does to a file from the back office. */
export const HANDLING_ACTIONS = [
  'acknowledge',
  'request_document',
  'note',
  'decide',
  'reopen',
  'close',
] as const;
export type HandlingAction = (typeof HANDLING_ACTIONS)[number];

/**
 * Refusal codes of the back office rules; the HTTP layer maps them:
 * not_visible → 404 (never reveal a file one may not see), forbidden → 403, invalid_state → 409,
 * invalid_target → 400.
 */
export type RefusalCode = 'not_visible' | 'forbidden' | 'invalid_state' | 'invalid_target';

/** What the rules need to know of a file. */
export interface HandledDossier extends DossierParties {
  status: string;
  assignedHandlerId: string | null;
  facts: {
    complaintSentOn?: string;
    complaintReceivedOn?: string;
    acknowledgedOn?: string;
    answerReceivedOn?: string;
    mediatorSeizedOn?: string;
    mediationEndedOn?: string;
  };
}

const refuse = (code: RefusalCode, message: string, field?: string): Result<true> =>
  fail(code, message, field);

/** Staff of the file's organisation; anyone else gets "not found" (or, for a member/mediator who sees it, 403). */
function checkStaffAccess(actor: Actor, dossier: HandledDossier, allowed: readonly Role[]): Result<true> {
  if (!canReadDossier(actor, dossier)) {
    return refuse('not_visible', 'Dossier introuvable, ou vous n’y avez pas accès.');
  }
  if (actor.role === 'auditor') {
    return refuse('forbidden', 'Le rôle auditeur est en lecture seule : aucune action sur les dossiers.');
  }
  if (!REGISTER_ROLES.includes(actor.role)) {
    return refuse('forbidden', 'Action réservée aux conseillers et superviseurs de l’organisme.');
  }
  if (!allowed.includes(actor.role)) {
    const who = allowed.includes('handler') ? 'aux conseillers et superviseurs' : 'aux superviseurs';
    return refuse('forbidden', `Action réservée ${who} de l’organisme.`);
  }
  return ok(true);
}

/** A handler works the files assigned to him, and the unassigned ones; a supervisor works them all. */
function checkAssignment(actor: Actor, dossier: HandledDossier): Result<true> {
  if (actor.role !== 'handler') return ok(true);
  if (dossier.assignedHandlerId !== null && dossier.assignedHandlerId !== actor.id) {
    return refuse(
      'forbidden',
      'Ce dossier est attribué à un autre conseiller : demandez à un superviseur de vous le réattribuer.',
    );
  }
  return ok(true);
}

function statusLabel(status: string): string {
  return STATUS_LABELS[status as DossierStatus] ?? status;
}

const OPEN_FOR_HANDLING = new Set(['submitted', 'acknowledged', 'awaiting_member']);

const WHO: Record<HandlingAction, readonly Role[]> = {
  acknowledge: HANDLING_ROLES,
  request_document: HANDLING_ROLES,
  note: HANDLING_ROLES,
  decide: HANDLING_ROLES,
  close: HANDLING_ROLES,
  reopen: ['supervisor'],
};

/**
 * May this actor apply this handling action to this file now? A refusal says why, in French.
 * Deciding does not require a prior acknowledgment: an answer within 10 jours ouvrables stands for it
 * (ACPR 2024-R-02).
 */
export function canApplyAction(actor: Actor, dossier: HandledDossier, action: HandlingAction): Result<true> {
  const access = checkStaffAccess(actor, dossier, WHO[action]);
  if (!access.ok) return access;
  if (action !== 'note') {
    const assigned = checkAssignment(actor, dossier);
    if (!assigned.ok) return assigned;
  }
  const { status, facts } = dossier;
  const fr = formatFrenchDate;
  switch (action) {
    case 'note':
      return ok(true);
    case 'acknowledge':
      if (status === 'draft') {
        return refuse('invalid_state', 'Brouillon : l’adhérent n’a pas encore envoyé sa réclamation.');
      }
      if (facts.acknowledgedOn) {
        return refuse(
          'invalid_state',
          `Réception déjà accusée le ${fr(facts.acknowledgedOn)} : rien à refaire.`,
        );
      }
      if (status !== 'submitted') {
        return refuse(
          'invalid_state',
          `Dossier au statut « ${statusLabel(status)} » : l’accusé de réception n’a plus lieu d’être.`,
        );
      }
      return ok(true);
    case 'request_document':
      if (!OPEN_FOR_HANDLING.has(status)) {
        return refuse(
          'invalid_state',
          `Dossier au statut « ${statusLabel(status)} » : une demande de pièces n’est possible que pendant l’instruction.`,
        );
      }
      return ok(true);
    case 'decide':
      if (status === 'draft') {
        return refuse('invalid_state', 'Brouillon : l’adhérent n’a pas encore envoyé sa réclamation.');
      }
      if (status === 'answered' && facts.answerReceivedOn) {
        return refuse(
          'invalid_state',
          `Réponse déjà rendue le ${fr(facts.answerReceivedOn)} : un superviseur peut rouvrir le dossier pour la revoir.`,
        );
      }
      if (!OPEN_FOR_HANDLING.has(status)) {
        return refuse(
          'invalid_state',
          `Dossier au statut « ${statusLabel(status)} » : impossible de rendre une décision.`,
        );
      }
      return ok(true);
    case 'reopen':
      if (status !== 'answered' && status !== 'closed') {
        return refuse(
          'invalid_state',
          `Dossier au statut « ${statusLabel(status)} » : seul un dossier répondu ou clos peut être rouvert.`,
        );
      }
      return ok(true);
    case 'close':
      if (status === 'closed') return refuse('invalid_state', 'Dossier déjà clos.');
      if (status === 'mediation' && !facts.mediationEndedOn) {
        return refuse(
          'invalid_state',
          'Médiation en cours : attendez l’issue de la médiation avant de clore le dossier.',
        );
      }
      if (status !== 'answered' && status !== 'mediation') {
        return refuse(
          'invalid_state',
          'Rendez d’abord une réponse motivée (décision) : un dossier ne se clôt qu’après la réponse.',
        );
      }
      return ok(true);
  }
}

/** The user a file is assigned to, as the rules see him. */
export interface AssignTarget {
  id: string;
  role: Role;
  organisationId: string | null;
}

/**
 * May this actor assign the file to `target` (null = take the file off anyone's list)?
 * Supervisors and admins assign and reassign to a handler or supervisor of their organisation; a handler may only
 * take an unassigned file for himself. `ok(false)` means "already so": nothing to change.
 */
export function canAssign(
  actor: Actor,
  dossier: HandledDossier,
  target: AssignTarget | null,
): Result<boolean> {
  const access = checkStaffAccess(actor, dossier, ACTING_ROLES);
  if (!access.ok) return access;
  if (dossier.status === 'closed') {
    return fail('invalid_state', 'Dossier clos : rouvrez-le avant de l’attribuer.');
  }
  if (target && (target.organisationId !== actor.organisationId || !HANDLING_ROLES.includes(target.role))) {
    return fail(
      'invalid_target',
      'Choisissez un conseiller ou un superviseur de votre organisme.',
      'handlerId',
    );
  }
  if (actor.role === 'handler') {
    if (!target || target.id !== actor.id) {
      return fail(
        'forbidden',
        'Un conseiller ne peut attribuer un dossier qu’à lui-même : demandez à un superviseur.',
        'handlerId',
      );
    }
    if (dossier.assignedHandlerId === actor.id) return ok(false);
    if (dossier.assignedHandlerId !== null) {
      return fail(
        'forbidden',
        'Ce dossier est déjà attribué à un autre conseiller : seul un superviseur peut le réattribuer.',
      );
    }
    return ok(true);
  }
  return ok((target?.id ?? null) !== dossier.assignedHandlerId);
}

export { PRIORITIES, type Priority } from '../../contracts/priorities.ts';

/** Supervisors and admins set any open file's priority; a handler, only for the files assigned to him. */
export function canChangePriority(actor: Actor, dossier: HandledDossier): Result<true> {
  const access = checkStaffAccess(actor, dossier, ACTING_ROLES);
  if (!access.ok) return access;
  if (actor.role === 'handler' && dossier.assignedHandlerId !== actor.id) {
    return refuse(
      'forbidden',
      'Un conseiller ne change la priorité que de ses propres dossiers : prenez d’abord le dossier.',
    );
  }
  if (dossier.status === 'closed')
    return refuse('invalid_state', 'Dossier clos : sa priorité ne change plus.');
  return ok(true);
}

/** The status a file takes after an action (the reopen goes back to instruction, acknowledged). */
export function statusAfter(action: HandlingAction, current: DossierStatus): DossierStatus {
  switch (action) {
    case 'acknowledge':
      return 'acknowledged';
    case 'request_document':
      return 'awaiting_member';
    case 'decide':
      return 'answered';
    case 'reopen':
      return 'acknowledged';
    case 'close':
      return 'closed';
    case 'note':
      return current;
  }
}
