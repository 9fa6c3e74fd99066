import type { Actor } from './roles.ts';

/** What the access rules need to know of a file: who brought it, against whom, who mediates it. */
export interface DossierParties {
  memberId: string;
  organisationId: string | null;
  mediatorId: string | null;
  /** Null while the member keeps the file as a private draft (not yet sent to the organisation). */
  transmittedAt: Date | string | null;
}

/**
 * Which files an actor may see (RGPD art. 9 and 25: health data, least privilege).
 * - a member: only the files he brought;
 * - staff of an organisation (handler, supervisor, auditor, admin, medical adviser): only that organisation's
 *   files, once the member transmitted them (a draft stays private to the member, issue 16); what a medical
 *   adviser alone may read inside them is `medicalAccess` (src/domain/access/medical.ts);
 * - a mediator: only the files referred to him.
 */
export type DossierScope =
  | { kind: 'member'; memberId: string }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'mediator'; mediatorId: string }
  | { kind: 'none' };

export function dossierScope(actor: Actor): DossierScope {
  switch (actor.role) {
    case 'member':
      return { kind: 'member', memberId: actor.id };
    case 'mediator':
      return { kind: 'mediator', mediatorId: actor.id };
    case 'handler':
    case 'supervisor':
    case 'auditor':
    case 'admin':
    case 'medical_adviser':
      return actor.organisationId
        ? { kind: 'organisation', organisationId: actor.organisationId }
        : { kind: 'none' };
  }
}

/** Whether the member sent the file to the organisation: before that, it is his private draft. */
export function isTransmitted(dossier: Pick<DossierParties, 'transmittedAt'>): boolean {
  return dossier.transmittedAt !== null && dossier.transmittedAt !== undefined;
}

export function canReadDossier(actor: Actor, dossier: DossierParties): boolean {
  const scope = dossierScope(actor);
  switch (scope.kind) {
    case 'member':
      return dossier.memberId === scope.memberId;
    case 'organisation':
      return dossier.organisationId === scope.organisationId && isTransmitted(dossier);
    case 'mediator':
      return dossier.mediatorId === scope.mediatorId;
    case 'none':
      return false;
  }
}

/** Only a member opens a file for himself: staff register files received through other channels later. */
export function canCreateDossier(actor: Actor): boolean {
  return actor.role === 'member';
}
