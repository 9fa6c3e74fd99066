import { LETTER_LABELS } from '../../../../src/domain/letters/chronology.ts';
import {
  LETTER_TYPES,
  type LetterSide,
  type LetterType,
  MEMBER_LETTER_TYPES,
  ORGANISATION_LETTER_TYPES,
} from '../../../../src/domain/letters/schema.ts';
import { formatDate } from '../../shared/format.ts';
import type { SendingMethod } from './api.ts';

// Names of letter types come from the pure domain (the same words as the PDFs and the chronology).

export const isLetterType = (value: string): value is LetterType =>
  (LETTER_TYPES as readonly string[]).includes(value);

export const letterTypeLabel = (type: string) => (isLetterType(type) ? LETTER_LABELS[type] : type);

/** When to use each letter, in one line (shown under its name in the choice). */
export const LETTER_PURPOSES: Record<LetterType, string> = {
  reclamation:
    'Le premier courrier écrit au service réclamations\u00a0: il fait courir les délais de réponse de l’organisme.',
  detail_calcul:
    'Pour comprendre un remboursement avant de le contester\u00a0: base de remboursement, taux, plafond appliqués.',
  relance:
    'Votre réclamation est restée sans accusé de réception ou sans réponse\u00a0: rappelez les délais.',
  mise_en_demeure:
    'Dernier avertissement avant le médiateur ou le juge\u00a0: un délai précis pour payer ou répondre.',
  saisine_mediateur:
    'Après un refus, ou 2\u00a0mois sans réponse à votre réclamation écrite\u00a0: la médiation est gratuite.',
  recours_cra:
    'Contester une décision de la CPAM devant sa commission de recours amiable, dans les 2\u00a0mois.',
  resiliation:
    'Mettre fin à votre contrat ou à votre adhésion (échéance, après un an, changement de situation).',
  portabilite: 'Garder la mutuelle de votre ancien employeur après la fin de votre contrat de travail.',
  defenseur_des_droits:
    'Un service public ne respecte pas vos droits (CPAM)\u00a0: saisine gratuite, sans effet sur les délais.',
  requete_tribunal:
    'Le dernier recours, jusqu’à 5\u00a0000\u00a0€, après la médiation\u00a0: la requête au tribunal judiciaire, sans avocat.',
  saisine_pole_social:
    'Contester devant le juge une décision de la CPAM, après la commission de recours amiable, dans les 2\u00a0mois.',
  accuse_reception: 'Confirmer à l’adhérent que sa réclamation est reçue, dans les 10\u00a0jours ouvrables.',
  demande_piece: 'Demander à l’adhérent la pièce qui manque pour instruire sa réclamation.',
  reponse_motivee:
    'La décision sur la réclamation, avec ses motifs, le médiateur compétent et comment le saisir.',
};

/** The types each side writes (the API refuses the others), kept to those that fit the file's organisation. */
export function writableTypes(side: LetterSide, organisationKind: string): LetterType[] {
  if (side === 'organisation') return [...ORGANISATION_LETTER_TYPES];
  const cpam = organisationKind === 'cpam';
  return MEMBER_LETTER_TYPES.filter((type) => {
    if (type === 'recours_cra' || type === 'defenseur_des_droits' || type === 'saisine_pole_social')
      return cpam;
    if (type === 'resiliation' || type === 'portabilite' || type === 'requete_tribunal') return !cpam;
    return true;
  });
}

/** Why some member letters are not offered for this file. */
export function unavailableNote(side: LetterSide, organisationKind: string): string | null {
  if (side !== 'member') return null;
  return organisationKind === 'cpam'
    ? 'La résiliation, la portabilité et la requête au tribunal judiciaire (le pôle social en tient lieu) ne concernent pas l’Assurance maladie\u00a0: elles ne sont pas proposées pour ce dossier.'
    : 'Le recours devant la commission de recours amiable, la saisine du Défenseur des droits et celle du pôle social ne concernent que la CPAM\u00a0: ils ne sont pas proposés pour ce dossier.';
}

export const SENDING_METHOD_LABELS: Record<SendingMethod, string> = {
  recommande_ar: 'Lettre recommandée avec accusé de réception',
  lettre_simple: 'Lettre simple',
  email: 'E-mail',
  remise_main: 'Remise en main propre',
};

/** « Envoyé le 23/11/2026 en recommandé avec AR n° 1A 234 567 8901 2 », or « Pas encore envoyé ». */
export function sendingStatus(letter: {
  sentOn: string | null;
  sendingMethod: string | null;
  registeredNumber: string | null;
}): string {
  if (!letter.sentOn) return 'Pas encore envoyé';
  const on = `Envoyé le ${formatDate(letter.sentOn)}`;
  switch (letter.sendingMethod) {
    case 'recommande_ar':
      return letter.registeredNumber
        ? `${on} en recommandé avec AR n°\u00a0${letter.registeredNumber}`
        : `${on} en recommandé avec AR`;
    case 'lettre_simple':
      return `${on} par lettre simple`;
    case 'email':
      return `${on} par e-mail`;
    case 'remise_main':
      return `${on}, remis en main propre`;
    default:
      return letter.sendingMethod ? `${on} (${letter.sendingMethod})` : on;
  }
}

export const TERMINATION_GROUNDS = [
  { id: 'annual', label: 'À l’échéance annuelle du contrat' },
  { id: 'anytime', label: 'À tout moment, après un an d’adhésion' },
  { id: 'situation_change', label: 'Changement de situation (déménagement, retraite…)' },
] as const;

export const DECISION_OUTCOMES = [
  { id: 'accepted', label: 'Favorable' },
  { id: 'partial', label: 'Partiellement favorable' },
  { id: 'rejected', label: 'Défavorable' },
] as const;

/** The API's sentences quote days as `2026-11-23`: shown the French way. */
export function frenchDates(text: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (day) => formatDate(day));
}
