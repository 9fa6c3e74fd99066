/** Where a file stands on its way from the first contact to its outcome. */
export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'awaiting_member',
  'answered',
  'mediation',
  'closed',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const STATUS_LABELS: Record<DossierStatus, string> = {
  draft: 'Brouillon',
  submitted: 'Réclamation envoyée',
  acknowledged: 'Accusé de réception',
  awaiting_member: 'Document demandé',
  answered: 'Réponse rendue',
  mediation: 'En médiation',
  closed: 'Clos',
};

export const ORGANISATION_KINDS = ['mutuelle', 'insurer', 'institution_prevoyance', 'cpam'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  mutuelle: 'Mutuelle',
  insurer: 'Assureur',
  institution_prevoyance: 'Institution de prévoyance',
  cpam: 'CPAM (Assurance maladie)',
};
