import type { ActKind, GuaranteeKind, GuaranteeMode } from '../../../../src/domain/reimbursement/schema.ts';
import { ACT_KINDS, GUARANTEE_KINDS, GUARANTEE_MODES } from '../../../../src/domain/reimbursement/schema.ts';

// The act kinds and guarantee modes come from the domain schema; their French names live here, for the form.

export const GUARANTEE_KIND_LABELS: Record<GuaranteeKind, string> = {
  consultation_generaliste: 'Consultation de médecin généraliste',
  consultation_specialiste: 'Consultation de médecin spécialiste',
  teleconsultation: 'Téléconsultation',
  acte_technique: 'Acte technique médical (radiologie, chirurgie…)',
  sage_femme: 'Sage-femme',
  dentaire_soins: 'Soins dentaires',
  dentaire_prothese: 'Prothèse dentaire (couronne, bridge…)',
  medicament: 'Médicaments',
  auxiliaire_medical: 'Auxiliaire médical (infirmier, kinésithérapeute…)',
  transport: 'Transport sanitaire (ambulance, VSL, taxi)',
  hospitalisation: 'Hospitalisation',
  urgences: 'Passage aux urgences sans hospitalisation',
  chambre_particuliere: 'Chambre particulière',
  optique: 'Optique (lunettes, lentilles)',
  audiologie: 'Aides auditives',
  non_remboursable: 'Soins non remboursés (ostéopathie…)',
  forfait_journalier: 'Forfait journalier hospitalier',
};

export const actKindOptions = ACT_KINDS.map((id) => ({ value: id, label: GUARANTEE_KIND_LABELS[id] }));
export const guaranteeKindOptions = GUARANTEE_KINDS.map((id) => ({
  value: id,
  label: GUARANTEE_KIND_LABELS[id],
}));

export function actKindLabel(kind: string): string {
  return Object.hasOwn(GUARANTEE_KIND_LABELS, kind) ? GUARANTEE_KIND_LABELS[kind as ActKind] : kind;
}

export const MODE_LABELS: Record<GuaranteeMode, string> = {
  percent_br_including_amo: '% de la base, Sécurité sociale comprise',
  percent_br_excluding_amo: '% de la base, en plus de la Sécurité sociale',
  percent_br_plus_flat: '% de la base + forfait en euros',
  flat: 'Forfait en euros',
  real_expense: 'Frais réels',
};
export const modeOptions = GUARANTEE_MODES.map((id) => ({ value: id, label: MODE_LABELS[id] }));

export const SECTOR_OPTIONS = [
  { value: 'secteur_1', label: 'Secteur 1 (tarif de la Sécurité sociale)' },
  { value: 'secteur_2', label: 'Secteur 2 (honoraires libres)' },
  { value: 'non_conventionne', label: 'Non conventionné' },
] as const;

export const PRACTITIONER_OPTIONS = [
  { value: 'any', label: 'Tous les praticiens' },
  { value: 'optam', label: 'OPTAM ou secteur 1' },
  { value: 'non_optam', label: 'Hors OPTAM (secteur 2, non conventionné)' },
] as const;

export const PANIER_OPTIONS = [
  { value: 'any', label: 'Tous les paniers' },
  { value: '100_sante', label: '100\u00a0% Santé' },
  { value: 'libre', label: 'Panier libre' },
] as const;

export const AMOUNT_PER_OPTIONS = [
  { value: 'act', label: 'par acte ou séance' },
  { value: 'day', label: 'par jour' },
  { value: 'year', label: 'par an (budget)' },
] as const;

export const PAYER_LABELS: Record<string, string> = {
  amc: 'votre complémentaire',
  amo: 'l’Assurance maladie',
};
