import type { DeadlineId } from '../../../../src/domain/deadlines/schema.ts';
import { formatDate } from '../../shared/format.ts';
import type { Deadline } from './api.ts';

export type OrganisationType = 'mutuelle' | 'insurer' | 'institution_prevoyance' | 'cpam';
export type Zone = 'metropole' | 'alsace_moselle';

export const ORGANISATION_CHOICES: { value: OrganisationType; label: string; hint: string }[] = [
  { value: 'mutuelle', label: 'Une mutuelle', hint: 'Code de la mutualité' },
  { value: 'insurer', label: 'Une société d’assurance', hint: 'Code des assurances' },
  {
    value: 'institution_prevoyance',
    label: 'Une institution de prévoyance',
    hint: 'Souvent un contrat d’entreprise, code de la sécurité sociale',
  },
  { value: 'cpam', label: 'La CPAM (Assurance maladie)', hint: 'Ou une autre caisse du régime général' },
];

export const ZONE_CHOICES: { value: Zone; label: string; hint?: string }[] = [
  { value: 'metropole', label: 'France métropolitaine et outre-mer' },
  {
    value: 'alsace_moselle',
    label: 'Alsace-Moselle',
    hint: 'Bas-Rhin, Haut-Rhin, Moselle\u00a0: Vendredi saint et 26 décembre fériés',
  },
];

/** The short French title of each deadline, for the list of deadlines one may roll over. */
export const DEADLINE_TITLES: Record<DeadlineId, string> = {
  'complaint.acknowledgment': 'Accusé de réception de la réclamation',
  'complaint.answer': 'Réponse à la réclamation',
  'mediation.referral_window': 'Saisine du médiateur',
  'mediation.inadmissibility_notice': 'Avis d’irrecevabilité du médiateur',
  'mediation.outcome': 'Issue de la médiation',
  'prescription.benefits': 'Prescription de votre action',
  'prescription.contributions': 'Prescription des cotisations',
  'prescription.cpam_benefits': 'Prescription des prestations de la CPAM',
  'cpam.cra_referral': 'Saisine de la commission de recours amiable',
  'cpam.cra_decision': 'Décision de la commission de recours amiable',
  'cpam.tribunal_referral': 'Saisine du pôle social du tribunal judiciaire',
  'termination.annual': 'Résiliation à l’échéance',
  'termination.anytime': 'Résiliation à tout moment',
  'termination.situation_change': 'Résiliation pour changement de situation',
  'termination.effective': 'Fin effective du contrat',
  'termination.refund': 'Remboursement de la cotisation',
  'portability.end': 'Fin de la portabilité',
  'evin.insurer_proposal': 'Proposition de maintien (loi Evin)',
  'evin.application': 'Demande de maintien (loi Evin)',
};

const ORGANISATION_PARTY: Record<OrganisationType, string> = {
  mutuelle: 'Votre mutuelle',
  insurer: 'Votre assureur',
  institution_prevoyance: 'Votre institution de prévoyance',
  cpam: 'La CPAM',
};

/** Who must act before the date, said to the member. */
export function partyLabel(party: string, organisationType: string): string {
  switch (party) {
    case 'member':
      return 'Vous';
    case 'mediator':
      return 'Le médiateur';
    case 'cpam':
      return 'La commission de recours amiable (CPAM)';
    case 'organisation':
      return Object.hasOwn(ORGANISATION_PARTY, organisationType)
        ? ORGANISATION_PARTY[organisationType as OrganisationType]
        : 'L’organisme';
    default:
      return party;
  }
}

/** The colour family of a status; the words always say the same thing. */
export type Tone = 'open' | 'urgent' | 'met' | 'missed' | 'waiting' | 'suspended' | 'passed';

export function toneOf(deadline: Pick<Deadline, 'status' | 'daysLeft'>): Tone {
  switch (deadline.status) {
    case 'open':
      return deadline.daysLeft !== null && deadline.daysLeft <= 7 ? 'urgent' : 'open';
    case 'met':
      return 'met';
    case 'missed':
      return 'missed';
    case 'suspended':
    case 'not_enforceable':
      return 'suspended';
    case 'passed':
      return 'passed';
    default:
      return 'waiting';
  }
}

const days = (n: number) => (n === 1 ? '1\u00a0jour' : `${n}\u00a0jours`);

/** The status in words: « Ouvert, plus que 12 jours », « Dépassé depuis 3 jours », « Respecté »… */
export function statusText(deadline: Pick<Deadline, 'status' | 'daysLeft' | 'kind'>): string {
  const { daysLeft } = deadline;
  switch (deadline.status) {
    case 'open':
      if (deadline.kind === 'milestone') {
        if (daysLeft === null) return 'À venir';
        return daysLeft === 0 ? 'Aujourd’hui' : `À venir, dans ${days(daysLeft)}`;
      }
      if (daysLeft === null) return deadline.kind === 'window' ? 'Ouvert, sans date limite' : 'En cours';
      if (daysLeft === 0) return 'Ouvert, dernier jour aujourd’hui';
      return daysLeft === 1 ? 'Ouvert, plus qu’1\u00a0jour' : `Ouvert, plus que ${days(daysLeft)}`;
    case 'met':
      return 'Respecté';
    case 'missed':
      return daysLeft !== null && daysLeft < 0 ? `Dépassé depuis ${days(-daysLeft)}` : 'Dépassé';
    case 'not_applicable_yet':
      return 'Pas encore applicable';
    case 'suspended':
      return 'Suspendu';
    case 'not_enforceable':
      return 'Inopposable\u00a0: voies de recours non mentionnées';
    case 'passed':
      return 'Date atteinte';
    default:
      return deadline.status;
  }
}

/** What the date of the card means: « Au plus tard le 13/03/2026 », « Du 03/05/2026 au 02/03/2027 »… */
export function dateText(deadline: Pick<Deadline, 'kind' | 'opensOn' | 'dueDate' | 'status'>): {
  label: string;
  value: string;
  /** No date yet: said in words, not as a date. */
  unknown?: true;
} {
  const { opensOn, dueDate } = deadline;
  if (deadline.kind === 'window') {
    if (opensOn && dueDate)
      return { label: 'Période', value: `du ${formatDate(opensOn)} au ${formatDate(dueDate)}` };
    if (opensOn) return { label: 'À partir du', value: formatDate(opensOn) };
    if (dueDate) return { label: 'Jusqu’au', value: formatDate(dueDate) };
  } else if (dueDate) {
    return deadline.kind === 'milestone'
      ? { label: 'Date d’effet', value: formatDate(dueDate) }
      : { label: 'Au plus tard le', value: formatDate(dueDate) };
  }
  return {
    label: 'Date limite',
    value: deadline.status === 'suspended' ? 'Suspendue pendant la médiation' : 'Pas encore connue',
    unknown: true,
  };
}
