/** What a dispute is about (seed 004: the main kinds of disputes between mutuals and members). */
export const DOSSIER_CATEGORIES = [
  'reimbursement_contested',
  'coverage_interpretation',
  'termination',
  'contributions',
  'service_quality',
  'rights_suspended',
  'portability',
  'care_refused',
  'cpam_decision',
  'other',
] as const;
export type DossierCategory = (typeof DOSSIER_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<DossierCategory, string> = {
  reimbursement_contested: 'Remboursement contesté',
  coverage_interpretation: 'Lecture des garanties',
  termination: 'Résiliation',
  contributions: 'Cotisations (hausse, prélèvement, remboursement)',
  service_quality: 'Qualité de service',
  rights_suspended: 'Droits suspendus / tiers payant refusé',
  portability: 'Portabilité des droits',
  care_refused: 'Refus de prise en charge',
  cpam_decision: 'Décision de la CPAM',
  other: 'Autre',
};
