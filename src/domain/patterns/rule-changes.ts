import { type DatedParameter, PARAMETERS } from '../deadlines/parameters.ts';
import { LETTER_LABELS } from '../letters/chronology.ts';
import type { LetterType } from '../letters/schema.ts';
import {
  buildParameters,
  type ParameterOptions,
  type DatedParameter as ReimbursementParameter,
} from '../reimbursement/parameters.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';

/**
 * What changed in the rules over a period (issue 15 §4), the basis of the legal watch: every dated parameter of
 * the reimbursement and deadline tables whose new value starts within the period, with the letters, deadlines and
 * checks it feeds. The "feeds" map is kept here as data, next to the list of parameter ids it covers; a test fails
 * when a parameter is added to either table without saying what it touches.
 */

export interface RuleImpact {
  letters: LetterType[];
  /** Deadline ids of the deadline engine (src/domain/deadlines). */
  deadlines: string[];
  checks: string[];
}

const REIMBURSEMENT_CHECK =
  'Vérificateur de remboursement (part Sécurité sociale, part du contrat, reste à charge)';
const SLA_CHECK = 'Feux du registre et rappels (délais de traitement des réclamations)';
const AMOUNT_LETTERS: LetterType[] = ['detail_calcul', 'reclamation'];

const REIMBURSEMENT_IMPACT: RuleImpact = {
  letters: AMOUNT_LETTERS,
  deadlines: [],
  checks: [REIMBURSEMENT_CHECK],
};

export const DEADLINE_RULES: Record<keyof typeof PARAMETERS, RuleImpact & { label: string }> = {
  complaintAcknowledgment: {
    label: 'Délai d’accusé de réception d’une réclamation',
    letters: ['accuse_reception', 'relance'],
    deadlines: ['complaint.acknowledgment'],
    checks: [SLA_CHECK],
  },
  complaintAnswer: {
    label: 'Délai de réponse à une réclamation',
    letters: ['relance', 'mise_en_demeure', 'reponse_motivee'],
    deadlines: ['complaint.answer'],
    checks: [SLA_CHECK, 'Échelle de recours (ouverture du médiateur)'],
  },
  mediationEarliestWithoutAnswer: {
    label: 'Délai avant de saisir le médiateur sans réponse',
    letters: ['saisine_mediateur'],
    deadlines: ['mediation.referral_window'],
    checks: ['Échelle de recours (ouverture du médiateur)'],
  },
  mediationLatest: {
    label: 'Délai maximal pour saisir le médiateur',
    letters: ['saisine_mediateur'],
    deadlines: ['mediation.referral_window'],
    checks: [],
  },
  mediationInadmissibilityNotice: {
    label: 'Délai d’information sur l’irrecevabilité d’une médiation',
    letters: [],
    deadlines: ['mediation.inadmissibility_notice'],
    checks: [],
  },
  mediationOutcome: {
    label: 'Délai d’issue de la médiation',
    letters: [],
    deadlines: ['mediation.outcome'],
    checks: ['Suivi des médiations'],
  },
  prescriptionMutuelle: {
    label: 'Prescription des actions contre une mutuelle',
    letters: ['reclamation', 'mise_en_demeure'],
    deadlines: ['prescription.benefits', 'prescription.contributions'],
    checks: [],
  },
  prescriptionInsurer: {
    label: 'Prescription des actions contre un assureur',
    letters: ['reclamation', 'mise_en_demeure'],
    deadlines: ['prescription.benefits', 'prescription.contributions'],
    checks: [],
  },
  prescriptionInstitution: {
    label: 'Prescription des actions contre une institution de prévoyance',
    letters: ['reclamation', 'mise_en_demeure'],
    deadlines: ['prescription.benefits', 'prescription.contributions'],
    checks: [],
  },
  prescriptionCpam: {
    label: 'Prescription des prestations de l’Assurance maladie',
    letters: ['recours_cra'],
    deadlines: ['prescription.cpam_benefits'],
    checks: [],
  },
  mediationSuspensionMinimum: {
    label: 'Reprise minimale de la prescription après une médiation',
    letters: [],
    deadlines: ['prescription.benefits'],
    checks: [],
  },
  craReferral: {
    label: 'Délai de saisine de la commission de recours amiable',
    letters: ['recours_cra'],
    deadlines: ['cpam.cra_referral'],
    checks: [],
  },
  craImplicitRejection: {
    label: 'Délai de rejet implicite de la commission de recours amiable',
    letters: ['recours_cra'],
    deadlines: ['cpam.cra_decision'],
    checks: [],
  },
  tribunalReferral: {
    label: 'Délai de saisine du tribunal (pôle social)',
    letters: [],
    deadlines: ['cpam.tribunal_referral'],
    checks: [],
  },
  annualTermination: {
    label: 'Préavis de résiliation à échéance',
    letters: ['resiliation'],
    deadlines: ['termination.annual'],
    checks: [],
  },
  chatelLateNoticeThreshold: {
    label: 'Seuil d’envoi tardif de l’avis d’échéance (loi Chatel)',
    letters: ['resiliation'],
    deadlines: ['termination.annual'],
    checks: [],
  },
  chatelWindow: {
    label: 'Délai de résiliation après l’avis d’échéance (loi Chatel)',
    letters: ['resiliation'],
    deadlines: ['termination.annual'],
    checks: [],
  },
  terminationRefund: {
    label: 'Délai de remboursement du trop-perçu après résiliation',
    letters: ['resiliation'],
    deadlines: ['termination.refund'],
    checks: [],
  },
  anytimeTerminationAfter: {
    label: 'Ancienneté ouvrant la résiliation à tout moment',
    letters: ['resiliation'],
    deadlines: ['termination.anytime'],
    checks: [],
  },
  anytimeTerminationEffect: {
    label: 'Prise d’effet de la résiliation à tout moment',
    letters: ['resiliation'],
    deadlines: ['termination.anytime', 'termination.effective'],
    checks: [],
  },
  situationChangeWindow: {
    label: 'Délai de résiliation après un changement de situation',
    letters: ['resiliation'],
    deadlines: ['termination.situation_change'],
    checks: [],
  },
  situationChangeEffect: {
    label: 'Prise d’effet de la résiliation après un changement de situation',
    letters: ['resiliation'],
    deadlines: ['termination.effective'],
    checks: [],
  },
  portabilityCap: {
    label: 'Durée maximale de la portabilité',
    letters: ['portabilite'],
    deadlines: ['portability.end'],
    checks: [],
  },
  evinProposal: {
    label: 'Délai de proposition du maintien loi Evin',
    letters: ['portabilite'],
    deadlines: ['evin.insurer_proposal'],
    checks: [],
  },
  evinApplication: {
    label: 'Délai de demande du maintien loi Evin',
    letters: ['portabilite'],
    deadlines: ['evin.application'],
    checks: [],
  },
};

/** The titles the deadline engine gives these deadlines (src/domain/deadlines), for people reading the list. */
export const DEADLINE_TITLES: Record<string, string> = {
  'complaint.acknowledgment': 'Accusé de réception de la réclamation',
  'complaint.answer': 'Réponse à la réclamation',
  'cpam.cra_decision': 'Décision de la CRA (ou rejet implicite)',
  'cpam.cra_referral': 'Saisine de la commission de recours amiable (CRA)',
  'cpam.tribunal_referral': 'Saisine du pôle social du tribunal judiciaire',
  'evin.application': 'Demande de maintien loi Evin',
  'evin.insurer_proposal': 'Proposition de maintien loi Evin par l’organisme',
  'mediation.inadmissibility_notice': 'Notification d’une éventuelle irrecevabilité par le médiateur',
  'mediation.outcome': 'Issue de la médiation',
  'mediation.referral_window': 'Saisine du médiateur',
  'portability.end': 'Fin de la portabilité de la complémentaire santé',
  'prescription.benefits': 'Prescription de l’action contre l’organisme',
  'prescription.contributions': 'Prescription de la cotisation échue',
  'prescription.cpam_benefits': 'Prescription de la demande de prestations à l’Assurance maladie',
  'termination.annual': 'Résiliation à l’échéance annuelle',
  'termination.anytime': 'Résiliation à tout moment après un an',
  'termination.effective': 'Date d’effet de la résiliation',
  'termination.refund': 'Remboursement de la cotisation non courue',
  'termination.situation_change': 'Résiliation pour changement de situation',
};

export interface RuleChange {
  parameter: string;
  label: string;
  table: 'remboursement' | 'délais';
  from: CalendarDate;
  before: string | null;
  after: string;
  source: string;
  confidence: 'confirmed' | 'secondary' | 'unconfirmed';
  letters: { type: LetterType; label: string }[];
  deadlines: { id: string; label: string }[];
  checks: string[];
  explanation: string;
}

function formatValue(value: number | boolean, unit: string): string {
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (unit === 'cents') {
    return `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100).replace(/[\u202f ]/g, '\u00a0')}\u00a0€`;
  }
  if (unit === 'percent') return `${value}\u00a0%`;
  const units: Record<string, string> = {
    jours: 'jours',
    jours_ouvrables: 'jours ouvrables',
    semaines: 'semaines',
    mois: 'mois',
    ans: value > 1 ? 'ans' : 'an',
  };
  return `${value} ${units[unit] ?? unit}`;
}

export function ruleChanges(
  from: CalendarDate,
  to: CalendarDate,
  options: ParameterOptions = {},
): Result<RuleChange[]> {
  if (from > to)
    return fail('INVALID_PERIOD', 'La date de début doit précéder la date de fin de la période.', 'from');
  const changes: RuleChange[] = [];
  const explain = (
    c: Omit<RuleChange, 'explanation' | 'letters' | 'deadlines'> & {
      letters: LetterType[];
      deadlines: string[];
    },
  ): RuleChange => {
    const letters = c.letters.map((type) => ({ type, label: LETTER_LABELS[type] }));
    const deadlines = c.deadlines.map((id) => ({ id, label: DEADLINE_TITLES[id] ?? id }));
    const touched = [
      letters.length > 0 ? `courriers : ${letters.map((l) => l.label).join(', ')}` : '',
      deadlines.length > 0 ? `délais : ${deadlines.map((d) => d.label).join(', ')}` : '',
      c.checks.length > 0 ? `contrôles : ${c.checks.join(', ')}` : '',
    ].filter(Boolean);
    return {
      ...c,
      letters,
      deadlines,
      explanation: `${c.label} : ${c.before ?? 'nouvelle règle'} → ${c.after} à compter du ${formatFrenchDate(c.from)} (${c.source}).${touched.length > 0 ? ` Concerne les ${touched.join(' ; ')}.` : ''}`,
    };
  };
  const reimbursement = buildParameters(options);
  for (const param of Object.values(reimbursement) as ReimbursementParameter<number | boolean>[]) {
    param.values.forEach((v, i) => {
      if (i === 0 || v.from < from || v.from > to) return;
      const previous = param.values[i - 1]!;
      if (previous.value === v.value) return;
      changes.push(
        explain({
          parameter: param.id,
          label: param.label,
          table: 'remboursement',
          from: v.from,
          before: formatValue(previous.value, param.unit),
          after: formatValue(v.value, param.unit),
          source: v.source,
          confidence: v.confidence,
          ...REIMBURSEMENT_IMPACT,
        }),
      );
    });
  }
  for (const id of Object.keys(PARAMETERS) as (keyof typeof PARAMETERS)[]) {
    const versions: DatedParameter = PARAMETERS[id];
    versions.forEach((v, i) => {
      if (v.from === null || v.from < from || v.from > to) return;
      const previous = i > 0 ? versions[i - 1]! : null;
      if (previous && previous.value === v.value && previous.unit === v.unit) return;
      changes.push(
        explain({
          parameter: id,
          table: 'délais',
          from: v.from,
          before: previous ? formatValue(previous.value, previous.unit) : null,
          after: formatValue(v.value, v.unit),
          source: v.source,
          confidence: v.status ?? 'confirmed',
          ...DEADLINE_RULES[id],
        }),
      );
    });
  }
  changes.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.parameter < b.parameter ? -1 : 1));
  return ok(changes);
}
