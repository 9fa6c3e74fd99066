import type { AuditEventType } from '../../contracts/audit-events.ts';

export type { AuditEventType };
/**
 * What each kind of history event is called in French, for the auditor's page and its CSV export. The type codes
 * stay in the database (they are hashed into the chain) and in the API's filters; a person reads these labels only.
 * A type missing here reads « Autre événement » rather than its code (`event-labels.test.ts` checks that every type
 * the server writes has its label).
 */
export const AUDIT_EVENT_LABELS = {
  'account.erasure_requested': 'Demande d’effacement du compte',
  'account.exported': 'Export des données du compte',
  'contact.logged': 'Contact noté',
  'contact.updated': 'Contact modifié',
  'contract.saved': 'Contrat enregistré',
  'document.added': 'Document ajouté',
  'document.text_corrected': 'Texte d’un document corrigé',
  'document.text_read': 'Lecture automatique d’un document',
  'document.updated': 'Document reclassé',
  'document.uploaded': 'Document déposé',
  'document.viewed': 'Consultation d’un document',
  'dossier.acknowledged': 'Accusé de réception',
  'dossier.assigned': 'Dossier attribué',
  'dossier.claimed': 'Dossier rattaché à un adhérent',
  'dossier.closed': 'Dossier clos',
  'dossier.contract_saved': 'Tableau de garanties enregistré',
  'dossier.created': 'Dossier ouvert',
  'dossier.decided': 'Réponse de l’organisme',
  'dossier.documents_requested': 'Pièces demandées',
  'dossier.erased': 'Données personnelles effacées',
  'dossier.erasure_requested': 'Demande d’effacement',
  'dossier.exported': 'Export du dossier',
  'dossier.facts_updated': 'Dates du dossier modifiées',
  'dossier.identified': 'Adhérent identifié',
  'dossier.imported': 'Dossier importé',
  'dossier.merged': 'Dossiers fusionnés',
  'dossier.note_added': 'Note interne ajoutée',
  'dossier.priority_changed': 'Priorité modifiée',
  'dossier.recorded': 'Réclamation enregistrée par un conseiller',
  'dossier.referred_to_mediator': 'Saisine du médiateur',
  'dossier.reopened': 'Dossier rouvert',
  'dossier.retention_applied': 'Durée de conservation écoulée',
  'dossier.satisfaction_recorded': 'Avis de satisfaction',
  'dossier.status_changed': 'Changement d’étape',
  'dossier.transmitted': 'Dossier transmis à l’organisme',
  'dossier.viewed': 'Consultation du dossier',
  'ethics.decided': 'Décision du comité d’éthique',
  'ethics.opinion_recorded': 'Avis du comité d’éthique',
  'ethics.requested': 'Saisine du comité d’éthique',
  'ethics.vote_recorded': 'Vote au comité d’éthique',
  'facts.updated': 'Dates du dossier modifiées',
  'kpi.viewed': 'Consultation des indicateurs',
  'letter.created': 'Courrier rédigé',
  'letter.sent': 'Envoi d’un courrier',
  'mediation.notified': 'Ouverture de la médiation notifiée',
  'mediation.outcome_recorded': 'Issue de la médiation',
  'medical.marked': 'Pièce marquée médicale',
  'medical.unmarked': 'Pièce non médicale',
  'medical.viewed': 'Consultation d’une pièce médicale',
  'medical_opinion.given': 'Avis du médecin-conseil',
  'medical_opinion.requested': 'Avis médical demandé',
  'member.claim_code_renewed': 'Code de rattachement renouvelé',
  'member.recorded': 'Adhérent enregistré',
  'message.created': 'Message envoyé',
  'message.posted': 'Message envoyé',
  'message.updated': 'Message modifié',
  'note.created': 'Note interne ajoutée',
  'note.posted': 'Note interne ajoutée',
  'organisation.updated': 'Paramètres de l’organisme modifiés',
  'patterns.clauses_imported': 'Import de clauses de contrat',
  'patterns.clause_edited': 'Modification d’une clause de contrat',
  'patterns.clause_deleted': 'Suppression d’une clause de contrat',
  'patterns.memberships_imported': 'Import des effectifs par produit',
  'patterns.themes_read': 'Consultation des thèmes de réclamations',
  'privacy.retention_purged': 'Purge des données à durée de conservation écoulée',
  'register.exported': 'Export du registre',
  'register.imported': 'Import dans le registre',
  'register.viewed': 'Consultation du registre',
  'report.acpr_exported': 'Export du rapport ACPR',
  'report.audit_pack_exported': 'Export du dossier d’audit',
  'staff.changed': 'Rôle ou accès d’un membre du personnel modifié',
  'staff.invitation_accepted': 'Invitation acceptée',
  'staff.invitation_renewed': 'Invitation renouvelée',
  'staff.invited': 'Membre du personnel invité',
  'satisfaction.recorded': 'Avis de satisfaction',
  'status.changed': 'Changement d’étape',
} as const satisfies Record<AuditEventType, string>;

export const UNKNOWN_EVENT_LABEL = 'Autre événement';

export function auditEventLabel(type: string): string {
  return Object.hasOwn(AUDIT_EVENT_LABELS, type)
    ? AUDIT_EVENT_LABELS[type as AuditEventType]
    : UNKNOWN_EVENT_LABEL;
}

/**
 * The choices of the type filter: one per label (two codes that read the same, e.g. an old and a new name of one
 * event, are one choice), sorted as a French reader expects.
 */
export function auditEventTypeOptions(): { label: string; types: AuditEventType[] }[] {
  const byLabel = new Map<string, AuditEventType[]>();
  for (const [type, label] of Object.entries(AUDIT_EVENT_LABELS) as [AuditEventType, string][]) {
    byLabel.set(label, [...(byLabel.get(label) ?? []), type]);
  }
  return [...byLabel]
    .map(([label, types]) => ({ label, types }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}
