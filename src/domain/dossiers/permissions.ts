import { canReadDossier, type DossierParties } from '../access/policy.ts';
import { type Actor, HANDLING_ROLES, STAFF_ROLES } from '../access/roles.ts';

export { HANDLING_ROLES };

/**
 * Who may do what inside a file, on top of `canReadDossier` (who may see it at all: the member, his
 * organisation's staff, the mediator the file was referred to). Reading is the policy's business; these rules
 * say who may *write* each part of the file. Least privilege (RGPD art. 25): an auditor and an administrator read,
 * a mediator reads the referred file but never writes in the organisation's record.
 */

/**
 * Roles that belong to the organisation's side and may therefore read its internal notes. The medical adviser is
 * one of them, but what is marked medical is decided apart, by `medicalAccess` (src/domain/access/medical.ts).
 */
export const ORGANISATION_STAFF_ROLES = STAFF_ROLES;

export type DossierAction =
  | 'document.write'
  | 'contact.write'
  | 'message.write'
  | 'note.write'
  | 'facts.write'
  | 'contract.write'
  | 'satisfaction.write';

export interface Audience {
  /** 'member' sees what the member may see; 'staff' sees the organisation's record, internal notes included. */
  kind: 'member' | 'staff';
}

function isOwner(actor: Actor, dossier: DossierParties) {
  return actor.role === 'member' && actor.id === dossier.memberId;
}

function isHandlingStaff(actor: Actor, dossier: DossierParties) {
  return (
    HANDLING_ROLES.includes(actor.role) &&
    actor.organisationId !== null &&
    actor.organisationId === dossier.organisationId
  );
}

export function canDo(actor: Actor, dossier: DossierParties, action: DossierAction): boolean {
  if (!canReadDossier(actor, dossier)) return false;
  switch (action) {
    case 'document.write':
    case 'contact.write':
    case 'message.write':
    case 'facts.write':
    case 'contract.write':
      return isOwner(actor, dossier) || isHandlingStaff(actor, dossier);
    case 'note.write':
      return isHandlingStaff(actor, dossier);
    case 'satisfaction.write':
      return isOwner(actor, dossier);
  }
}

/** Internal notes and staff-only events: only the organisation's own staff. A mediator sees the member's view. */
export function audienceOf(actor: Actor, dossier: DossierParties): Audience {
  return ORGANISATION_STAFF_ROLES.includes(actor.role) &&
    actor.organisationId !== null &&
    actor.organisationId === dossier.organisationId
    ? { kind: 'staff' }
    : { kind: 'member' };
}
