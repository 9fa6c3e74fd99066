import { durationWords, PARAMETERS } from '../deadlines/parameters.ts';
import { LETTER_LABELS } from '../letters/chronology.ts';
import type { LetterType } from '../letters/schema.ts';
import {
  buildParameters,
  type ParameterOptions,
  type DatedParameter as ReimbursementParameter,
} from '../reimbursement/parameters.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import type { DatedParameter as SharedDatedParameter } from '../shared/dated-parameter.ts';
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

export const DEADLINE_RULES: Record<keyof typeof PARAMETERS, RuleImpact> = {
  complaintAcknowledgment: {
    letters: ['accuse_reception', 'relance'],
    deadlines: ['complaint.acknowledgment'],
    checks: [SLA_CHECK],
  },
  complaintAnswer: {
    letters: ['relance', 'mise_en_demeure', 'reponse_motivee'],
    deadlines: ['complaint.answer'],
    checks: [SLA_CHECK, 'Échelle de recours (ouverture du médiateur)'],
  },
  mediationEarliestWithoutAnswer: {
    letters: ['saisine_mediateur'],
    deadlines: ['mediation.referral_window'],
    checks: ['Échelle de recours (ouverture du médiateur)'],
  },
  mediationLatest: {
    letters: ['saisine_mediateur'],
    deadlines: ['mediation.referral_window'],
    checks: [],
  },
  mediationInadmissibilityNotice: {
    letters: [],
    deadlines: ['mediation.inadmissibility_notice'],
    checks: [],
  },
  mediationOutcome: {
    letters: [],
    deadlines: ['mediation.outcome'],
    checks: ['Suivi des médiations'],
  },
  prescriptionMutuelle: {
    letters: ['reclamation', 'mise_en_demeure'],
    deadlines: ['prescription.benefits', 'prescription.contributions'],
    checks: [],
  },
  prescriptionInsurer: {
    letters: ['reclamation', 'mise_en_demeure'],
    deadlines: ['prescription.benefits', 'prescription.contributions'],
    checks: [],
  },
  prescriptionInstitution: {
    letters: ['reclamation', 'mise_en_demeure'],
    deadlines: ['prescription.benefits', 'prescription.contributions'],
    checks: [],
  },
  prescriptionCpam: {
    letters: ['recours_cra'],
    deadlines: ['prescription.cpam_benefits'],
    checks: [],
  },
  mediationSuspensionMinimum: {
    letters: [],
    deadlines: ['prescription.benefits'],
    checks: [],
  },
  craReferral: {
    letters: ['recours_cra'],
    deadlines: ['cpam.cra_referral'],
    checks: [],
  },
  craImplicitRejection: {
    letters: ['recours_cra'],
    deadlines: ['cpam.cra_decision'],
    checks: [],
  },
  tribunalReferral: {
    letters: [],
    deadlines: ['cpam.tribunal_referral'],
    checks: [],
  },
  annualTermination: {
    letters: ['resiliation'],
    deadlines: ['termination.annual'],
    checks: [],
  },
  chatelLateNoticeThreshold: {
    letters: ['resiliation'],
    deadlines: ['termination.annual'],
    checks: [],
  },
  chatelWindow: {
    letters: ['resiliation'],
    deadlines: ['termination.annual'],
    checks: [],
  },
  terminationRefund: {
    letters: ['resiliation'],
    deadlines: ['termination.refund'],
    checks: [],
  },
  anytimeTerminationAfter: {
    letters: ['resiliation'],
    deadlines: ['termination.anytime'],
    checks: [],
  },
  anytimeTerminationEffect: {
    letters: ['resiliation'],
    deadlines: ['termination.anytime', 'termination.effective'],
    checks: [],
  },
  situationChangeWindow: {
    letters: ['resiliation'],
    deadlines: ['termination.situation_change'],
    checks: [],
  },
  situationChangeEffect: {
    letters: ['resiliation'],
    deadlines: ['termination.effective'],
    checks: [],
  },
  portabilityCap: {
    letters: ['portabilite'],
    deadlines: ['portability.end'],
    checks: [],
  },
  evinProposal: {
    letters: ['portabilite'],
    deadlines: ['evin.insurer_proposal'],
    checks: [],
  },
  evinApplication: {
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

function reimbursementWords(value: number | boolean, unit: string): string {
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (unit === 'cents') {
    return `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100).replace(/[\u202f ]/g, '\u00a0')}\u00a0€`;
  }
  return `${value}\u00a0%`;
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
  // One model for every rule (src/domain/shared/dated-parameter.ts): a change is a dated value that differs from
  // the one before it; a first value with a date is a new rule.
  const listChanges = <T extends number | boolean, U extends string>(
    param: SharedDatedParameter<T, U>,
    table: RuleChange['table'],
    words: (value: T, unit: U) => string,
    impact: RuleImpact,
  ) => {
    param.values.forEach((v, i) => {
      if (v.from === null || v.from < from || v.from > to) return;
      const previous = i > 0 ? param.values[i - 1]! : null;
      if (previous && previous.value === v.value) return;
      changes.push(
        explain({
          parameter: param.id,
          label: param.label,
          table,
          from: v.from,
          before: previous ? words(previous.value, param.unit) : null,
          after: words(v.value, param.unit),
          source: v.source,
          confidence: v.confidence,
          ...impact,
        }),
      );
    });
  };
  const reimbursement = buildParameters(options);
  for (const param of Object.values(reimbursement) as ReimbursementParameter<number | boolean>[]) {
    listChanges(param, 'remboursement', reimbursementWords, REIMBURSEMENT_IMPACT);
  }
  for (const id of Object.keys(PARAMETERS) as (keyof typeof PARAMETERS)[]) {
    listChanges(PARAMETERS[id], 'délais', durationWords, DEADLINE_RULES[id]);
  }
  changes.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.parameter < b.parameter ? -1 : 1));
  return ok(changes);
}
