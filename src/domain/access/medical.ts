import { canReadDossier, type DossierParties } from './policy.ts';
import type { Actor } from './roles.ts';

/**
 * Medical secrecy inside a file. A piece (document, message, contact-log entry) marked medical holds health
 * information covered by medical secrecy: C. santé publ. L1110-4 (secrecy binds every professional who receives
 * it; sharing only between those who take part in the person's care, or with his consent). Within an insurer, a
 * mutual or a CPAM, medical information goes to the médecin-conseil, who keeps it from the management services
 * (C. santé publ. R4127-104, art. 104 of the code of medical ethics: "le médecin chargé du contrôle est tenu au
 * secret envers l'administration ou l'organisme qui fait appel à ses services"; CNOM, recommendations on the
 * médecin-conseil of complementary insurers: only his conclusions, never the medical detail, reach the insurer's
 * staff). The member brought the information and reads it (C. santé publ. L1111-7: access to one's own health
 * information); the mediator the file is referred to reads it to settle the dispute, which the member asked for by
 * referring it (C. consom. L612-1 and R612-2; the mediation file is sent to him under a confidential cover).
 */
export type MedicalAccess =
  /** Reads the content of medical pieces. */
  | 'content'
  /** Sees that a medical piece exists, its date and who holds it; never its content. */
  | 'existence'
  /** Does not see the file at all. */
  | 'none';

function isOwner(actor: Actor, dossier: DossierParties) {
  return actor.role === 'member' && actor.id === dossier.memberId;
}

function ofTheOrganisation(actor: Actor, dossier: DossierParties) {
  return actor.organisationId !== null && actor.organisationId === dossier.organisationId;
}

function isMedicalAdviser(actor: Actor, dossier: DossierParties) {
  return actor.role === 'medical_adviser' && ofTheOrganisation(actor, dossier);
}

function isHandlingStaff(actor: Actor, dossier: DossierParties) {
  return (actor.role === 'handler' || actor.role === 'supervisor') && ofTheOrganisation(actor, dossier);
}

export function medicalAccess(actor: Actor, dossier: DossierParties): MedicalAccess {
  if (!canReadDossier(actor, dossier)) return 'none';
  if (isOwner(actor, dossier) || isMedicalAdviser(actor, dossier)) return 'content';
  // canReadDossier lets a mediator in only once the file is referred to him.
  if (actor.role === 'mediator') return 'content';
  return 'existence';
}

/** Whether the content of a piece may be shown to this actor: every non-medical piece, medical ones to readers. */
export function mayReadPiece(access: MedicalAccess, piece: { medical: boolean }): boolean {
  return access !== 'none' && (!piece.medical || access === 'content');
}

/**
 * Who may put a piece under medical secrecy: the member (his own data), the medical adviser, and the handlers
 * who receive medical details where they do not belong (a member who wrote his diagnosis in a plain message)
 * and move them out of their own sight. A mediator, an auditor or an admin changes nothing in the file.
 */
export function canMarkMedical(actor: Actor, dossier: DossierParties): boolean {
  return (
    canReadDossier(actor, dossier) &&
    (isOwner(actor, dossier) || isMedicalAdviser(actor, dossier) || isHandlingStaff(actor, dossier))
  );
}

/**
 * Lifting the mark shows the content to every handler: only those who read it may judge that it holds no medical
 * detail, the member (his consent, L1110-4) or the medical adviser. A handler cannot lift what he cannot read.
 */
export function canUnmarkMedical(actor: Actor, dossier: DossierParties): boolean {
  return isOwner(actor, dossier) || isMedicalAdviser(actor, dossier);
}

/**
 * Who may write a medical message: the member to the medical adviser, and the adviser to the member (to ask for a
 * report, to explain his opinion). A handler does not write under a secrecy he is not allowed to read back.
 */
export function canWriteMedicalMessage(actor: Actor, dossier: DossierParties): boolean {
  return isOwner(actor, dossier) || isMedicalAdviser(actor, dossier);
}

/** A handler or a supervisor asks the medical adviser for an opinion on a file of his organisation. */
export function canRequestMedicalOpinion(actor: Actor, dossier: DossierParties): boolean {
  return canReadDossier(actor, dossier) && isHandlingStaff(actor, dossier);
}

/** Only the organisation's medical adviser gives the opinion (R4127-104: the controlling doctor's own judgement). */
export function canGiveMedicalOpinion(actor: Actor, dossier: DossierParties): boolean {
  return canReadDossier(actor, dossier) && isMedicalAdviser(actor, dossier);
}

/** The queue of files waiting for an opinion belongs to the organisation's medical adviser alone. */
export function canReadMedicalQueue(actor: Actor): boolean {
  return actor.role === 'medical_adviser' && actor.organisationId !== null;
}
