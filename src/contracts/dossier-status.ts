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

export const STATUS_LABELS = {
  draft: 'Brouillon',
  submitted: 'Réclamation envoyée',
  acknowledged: 'Accusé de réception',
  awaiting_member: 'Document demandé',
  answered: 'Réponse rendue',
  mediation: 'En médiation',
  closed: 'Clos',
} as const satisfies Record<DossierStatus, string>;
