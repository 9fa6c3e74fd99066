import { canReadDossier } from '../access/policy.ts';
import type { Actor } from '../access/roles.ts';
import type { Deadline } from '../deadlines/schema.ts';
import { formatFrenchDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import type { HandledDossier } from './actions.ts';

/**
 * May the member refer his file to the mediator today? Only the deadline engine knows the window
 * (C. consom. L612-2: after a written complaint answered negatively or partly, or 2 months without answer; within
 * 1 year of the written complaint); a refusal carries the engine's own French explanation.
 */
export function canReferToMediator(
  actor: Actor,
  dossier: HandledDossier & { organisationId: string | null },
  window: Deadline | undefined,
  mediatorOnRecours: boolean,
): Result<true> {
  if (!canReadDossier(actor, dossier)) {
    return fail('not_visible', 'Dossier introuvable, ou vous n’y avez pas accès.');
  }
  if (actor.role !== 'member') {
    return fail('forbidden', 'Seul l’adhérent peut saisir le médiateur pour son dossier.');
  }
  if (dossier.facts.mediatorSeizedOn) {
    return fail(
      'invalid_state',
      `Le médiateur a déjà été saisi le ${formatFrenchDate(dossier.facts.mediatorSeizedOn)}.`,
    );
  }
  if (dossier.status === 'closed') {
    return fail('invalid_state', 'Dossier clos : demandez sa réouverture avant de saisir le médiateur.');
  }
  if (!window) {
    return fail(
      'invalid_state',
      'Adressez d’abord une réclamation écrite à l’organisme : le médiateur ne peut être saisi qu’après elle (C. consom. art. L612-2).',
    );
  }
  if (window.status !== 'open') {
    return fail('invalid_state', `${window.rule} ${window.action}`.trim());
  }
  if (!dossier.organisationId || !mediatorOnRecours) {
    const how = window.mediator?.howToSeize ?? '';
    return fail(
      'invalid_state',
      `Le médiateur de cet organisme ne reçoit pas les saisines sur Recours : saisissez-le directement. ${how}`.trim(),
    );
  }
  return ok(true);
}

export const MEDIATION_STEPS = ['notified', 'outcome'] as const;
export type MediationStep = (typeof MEDIATION_STEPS)[number];

/** The mediator of the file records the R612-2 notification, then the outcome (R612-3 to R612-5). */
export function canRecordMediationStep(
  actor: Actor,
  dossier: HandledDossier,
  step: MediationStep,
): Result<true> {
  if (!canReadDossier(actor, dossier)) {
    return fail('not_visible', 'Dossier introuvable, ou vous n’y avez pas accès.');
  }
  if (actor.role !== 'mediator' || dossier.mediatorId !== actor.id) {
    return fail('forbidden', 'Réservé au médiateur saisi de ce dossier.');
  }
  const { facts } = dossier;
  if (dossier.status !== 'mediation' || !facts.mediatorSeizedOn) {
    return fail('invalid_state', 'Ce dossier n’est pas en médiation.');
  }
  if (facts.mediationEndedOn) {
    return fail(
      'invalid_state',
      `La médiation est terminée depuis le ${formatFrenchDate(facts.mediationEndedOn)}.`,
    );
  }
  if (step === 'notified' && (facts as { mediationNotifiedOn?: string }).mediationNotifiedOn) {
    return fail('invalid_state', 'La notification de la saisine (R612-2) est déjà enregistrée.');
  }
  return ok(true);
}
