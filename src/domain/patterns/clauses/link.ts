import type { DossierCategory } from '../../../contracts/categories.ts';
import type { GuaranteeKind } from '../../reimbursement/schema.ts';
import { normaliseText } from '../../triage/normalise.ts';

/**
 * Which clause of the contract a complaint disputes (issue 15 §3). A complaint about money owed points at a line
 * of the table of guarantees (the reimbursement checker's ContractSchema, stored on the file): which line is read
 * from the words of the description (lunettes → optique, couronne → prothèse dentaire…). Other categories point
 * at the general conditions (résiliation, cotisations, portabilité, tiers payant). Only the kind of care is
 * derived, never a diagnosis (medical secrecy: CSP art. L1110-4).
 */

export interface ContractGuaranteeLine {
  kind: GuaranteeKind;
  label: string;
}

export interface LinkedClause {
  /** Stable identifier: `garantie:<kind>` or `conditions:<topic>`. */
  clauseId: string;
  /** Label shown: the line's own label when the table of guarantees has one. */
  label: string;
  source: 'table_of_guarantees' | 'general_conditions';
}

/** Words that name a kind of care, tried in this order (the more specific first: « chambre particulière » before « hospitalisation »). */
const CARE_CUES: readonly (readonly [GuaranteeKind, RegExp])[] = [
  ['forfait_journalier', /\bforfait (journalier|hospitalier)\b/],
  ['chambre_particuliere', /\bchambre (particuliere|individuelle|seule)\b/],
  ['teleconsultation', /\bteleconsultation\b/],
  ['urgences', /\burgences?\b/],
  ['optique', /\b(lunettes?|optique|verres?|montures?|lentilles?|opticien)\b/],
  ['audiologie', /\b(auditifs?|audioprothes\w*|appareils? auditifs?|audition)\b/],
  ['dentaire_prothese', /\b(protheses? dentaires?|couronnes?|implants?|bridges?|dentier)\b/],
  ['dentaire_soins', /\b(dentistes?|dentaires?|detartrage|caries?|dents?)\b/],
  ['hospitalisation', /\b(hospitalisations?|hopital|clinique|sejour|operations?|chirurgie)\b/],
  ['sage_femme', /\bsage femme\b/],
  ['auxiliaire_medical', /\b(kinesitherapeute|kine|infirmiere?s?|orthophonistes?|podologue)\b/],
  ['transport', /\b(ambulances?|taxi conventionne|transports? sanitaires?|vsl)\b/],
  ['acte_technique', /\b(radios?|radiographie|irm|scanner|echographies?|analyses?)\b/],
  ['medicament', /\b(medicaments?|pharmacie|ordonnance)\b/],
  [
    'consultation_specialiste',
    /\b(specialistes?|dermatologue|gynecologue|ophtalmologiste|cardiologue|psychiatre|pediatre)\b/,
  ],
  ['consultation_generaliste', /\b(generaliste|medecin traitant|consultations?)\b/],
];

const KIND_LABELS: Record<GuaranteeKind, string> = {
  consultation_generaliste: 'Consultations de généraliste',
  consultation_specialiste: 'Consultations de spécialiste',
  teleconsultation: 'Téléconsultations',
  acte_technique: 'Actes techniques et imagerie',
  sage_femme: 'Sage-femme',
  dentaire_soins: 'Soins dentaires',
  dentaire_prothese: 'Prothèses dentaires',
  medicament: 'Médicaments',
  auxiliaire_medical: 'Auxiliaires médicaux',
  transport: 'Transports sanitaires',
  hospitalisation: 'Hospitalisation',
  urgences: 'Urgences',
  chambre_particuliere: 'Chambre particulière',
  optique: 'Optique',
  audiologie: 'Aides auditives',
  non_remboursable: 'Actes non remboursables par la Sécurité sociale',
  forfait_journalier: 'Forfait journalier',
};

const GENERAL_CONDITIONS: Partial<Record<DossierCategory, { topic: string; label: string }>> = {
  termination: { topic: 'resiliation', label: 'Résiliation du contrat' },
  contributions: { topic: 'cotisations', label: 'Cotisations et leur évolution' },
  portability: { topic: 'portabilite', label: 'Portabilité des garanties' },
  rights_suspended: { topic: 'suspension', label: 'Suspension des garanties et tiers payant' },
};

export const MONEY_CATEGORIES: readonly string[] = [
  'reimbursement_contested',
  'coverage_interpretation',
  'care_refused',
];

/** The kind of care a description is about, or undefined. */
export function careKindOf(text: string): GuaranteeKind | undefined {
  const normalised = normaliseText(text);
  return CARE_CUES.find(([, cue]) => cue.test(normalised))?.[0];
}

export function linkComplaintToClause(complaint: {
  category: string;
  text: string;
  guarantees?: readonly ContractGuaranteeLine[];
}): LinkedClause | undefined {
  const general = GENERAL_CONDITIONS[complaint.category as DossierCategory];
  if (general) {
    return { clauseId: `conditions:${general.topic}`, label: general.label, source: 'general_conditions' };
  }
  if (!MONEY_CATEGORIES.includes(complaint.category)) return undefined;
  const kind = careKindOf(complaint.text);
  if (!kind) return undefined;
  const line = complaint.guarantees?.find((g) => g.kind === kind);
  return {
    clauseId: `garantie:${kind}`,
    label: line?.label ?? KIND_LABELS[kind],
    source: 'table_of_guarantees',
  };
}
