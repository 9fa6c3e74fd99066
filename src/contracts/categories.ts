/**
 * What a dispute is about (the main kinds of disputes between mutuals and members), with ONE French label each:
 * the register, the file, the exports, the ACPR report and the diagnostic all say the same words.
 */
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

/**
 * The words of the triage guide (corpus/triage/GUIDE.md), which define each category: `care_refused` is a
 * professional refusing care (not an insurer refusing cover, which is `coverage_interpretation`).
 */
export const CATEGORY_LABELS = {
  reimbursement_contested: 'Remboursement contesté',
  coverage_interpretation: 'Interprétation des garanties du contrat',
  termination: 'Résiliation',
  contributions: 'Cotisations (augmentation, calcul, prélèvement)',
  service_quality: 'Qualité de service',
  rights_suspended: 'Droits suspendus ou fermés (tiers payant, carte)',
  portability: 'Portabilité et maintien des garanties',
  care_refused: 'Refus de soins',
  cpam_decision: "Décision de l'Assurance maladie",
  other: 'Autre demande',
} as const satisfies Record<DossierCategory, string>;
