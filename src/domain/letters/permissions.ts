import { canReadDossier, type DossierParties } from '../access/policy.ts';
import type { Actor } from '../access/roles.ts';
import { type LetterType, sideOf } from './schema.ts';

/**
 * Who may draft and store a letter of a type (on top of `canReadDossier`): the member writes his own letters;
 * the organisation's handlers and supervisors write the organisation's (acknowledgment, request for a document,
 * reasoned answer). A mediator, an auditor or an administrator reads the letters and writes none (least
 * privilege, RGPD art. 25).
 */
export type LetterRefusal = { code: 'FORBIDDEN'; message: string; field: string };

export function letterWriteRefusal(
  actor: Actor,
  dossier: DossierParties,
  type: LetterType,
): LetterRefusal | undefined {
  if (!canReadDossier(actor, dossier)) {
    return { code: 'FORBIDDEN', message: 'Dossier introuvable, ou vous n’y avez pas accès.', field: 'id' };
  }
  const side = sideOf(type);
  if (actor.role === 'member') {
    if (side === 'member' && actor.id === dossier.memberId) return undefined;
    return {
      code: 'FORBIDDEN',
      message: `Le courrier « ${type} » est rédigé par l’organisme : il n’est pas proposé à l’adhérent.`,
      field: 'type',
    };
  }
  if (actor.role === 'handler' || actor.role === 'supervisor') {
    if (
      side === 'organisation' &&
      actor.organisationId !== null &&
      actor.organisationId === dossier.organisationId
    ) {
      return undefined;
    }
    return {
      code: 'FORBIDDEN',
      message: `Le courrier « ${type} » est rédigé par l’adhérent : l’organisme ne peut pas l’écrire à sa place.`,
      field: 'type',
    };
  }
  return {
    code: 'FORBIDDEN',
    message: 'Votre rôle permet de lire les courriers de ce dossier, pas d’en rédiger ni d’en envoyer.',
    field: 'type',
  };
}
