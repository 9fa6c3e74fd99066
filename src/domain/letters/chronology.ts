import type { Facts } from '../deadlines/schema.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { formatDate } from './format.ts';
import type { LetterDossier, LetterType } from './schema.ts';

/** One dated event of a file, for the "exposé des faits" of a letter and the chronology of the mediation file. */
export interface ChronologyEntry {
  date: CalendarDate;
  kind: 'fact' | 'contact' | 'letter' | 'document';
  label: string;
  /** For a fact: its name in the deadline engine's facts (complaintSentOn…). */
  fact?: string;
}

type DatedFact = {
  [K in keyof Facts]-?: NonNullable<Facts[K]> extends string ? K : never;
}[keyof Facts];

/** How each dated fact reads in a letter (the member's point of view, past tense). */
export const FACT_LABELS: Partial<Record<DatedFact, string>> = {
  claimEventOn: 'Soins ou événement à l’origine du litige',
  contributionDueOn: 'Échéance de la cotisation en cause',
  complaintSentOn: 'Envoi de la réclamation écrite',
  complaintReceivedOn: 'Réception de la réclamation par l’organisme',
  acknowledgedOn: 'Accusé de réception de l’organisme',
  complexCaseNotifiedOn: 'L’organisme annonce un dossier complexe',
  announcedAnswerDate: 'Date de réponse annoncée par l’organisme',
  answerReceivedOn: 'Réponse écrite de l’organisme',
  mediatorSeizedOn: 'Saisine du médiateur',
  mediationFileCompleteOn: 'Dossier complet reçu par le médiateur',
  mediationRejectedOn: 'Irrecevabilité notifiée par le médiateur',
  mediationNotifiedOn: 'Notification de la saisine par le médiateur',
  mediationEndedOn: 'Fin de la médiation',
  cpamDecisionNotifiedOn: 'Notification de la décision de la CPAM',
  craSeizedOn: 'Saisine de la commission de recours amiable',
  craDecisionNotifiedOn: 'Décision de la commission de recours amiable',
  tribunalSeizedOn: 'Saisine du tribunal',
  cpamMediatorAdmissibleOn: 'Recevabilité de la médiation de la CPAM',
  cpamMediatorRecommendationsOn: 'Recommandations du médiateur de la CPAM',
  subscriptionDate: 'Souscription du contrat',
  annualNoticeSentOn: 'Envoi de l’avis d’échéance',
  renewalDate: 'Échéance annuelle du contrat',
  terminationRequestSentOn: 'Envoi de la demande de résiliation',
  terminationReceivedOn: 'Réception de la demande de résiliation par l’organisme',
  situationChangeOn: 'Changement de situation',
  contributionRefundedOn: 'Remboursement de la cotisation non courue',
  employmentContractStartOn: 'Début du dernier contrat de travail',
  employmentContractEndOn: 'Fin du dernier contrat de travail',
  unemploymentBenefitEndedOn: 'Fin de l’indemnisation chômage',
  leftCompanyOn: 'Départ de l’entreprise',
};

const OUTCOME_WORDS = { accepted: 'favorable', partial: 'partiellement favorable', rejected: 'défavorable' };

export const LETTER_LABELS: Record<LetterType, string> = {
  reclamation: 'Réclamation écrite',
  detail_calcul: 'Demande du détail du calcul de remboursement',
  relance: 'Relance',
  mise_en_demeure: 'Mise en demeure',
  saisine_mediateur: 'Saisine du médiateur',
  recours_cra: 'Recours devant la commission de recours amiable',
  resiliation: 'Demande de résiliation',
  portabilite: 'Demande de maintien des garanties (portabilité)',
  defenseur_des_droits: 'Saisine du Défenseur des droits',
  requete_tribunal: 'Requête au tribunal judiciaire',
  saisine_pole_social: 'Recours devant le pôle social du tribunal judiciaire',
  accuse_reception: 'Accusé de réception de la réclamation',
  demande_piece: 'Demande de pièce',
  reponse_motivee: 'Réponse motivée',
};

const CHANNEL_LABELS = {
  phone: 'Appel téléphonique',
  email: 'Courriel',
  letter: 'Courrier',
  visit: 'Visite en agence',
  chat: 'Messagerie',
  other: 'Échange',
} as const;

/** The fact a sent letter records (the same event: listed once, as the letter). */
const FACT_OF_LETTER: Partial<Record<LetterType, DatedFact>> = {
  reclamation: 'complaintSentOn',
  saisine_mediateur: 'mediatorSeizedOn',
  recours_cra: 'craSeizedOn',
  resiliation: 'terminationRequestSentOn',
};

const KIND_ORDER = { fact: 0, contact: 1, letter: 2, document: 3 } as const;

/** Every dated fact, contact, letter and document of the file, oldest first. */
export function chronology(dossier: LetterDossier): ChronologyEntry[] {
  const facts = dossier.dossier.facts;
  const entries: ChronologyEntry[] = [];
  const coveredByLetter = new Set(
    dossier.letters.map((l) => `${FACT_OF_LETTER[l.type] ?? ''}@${l.date}`).filter((k) => !k.startsWith('@')),
  );
  for (const [key, label] of Object.entries(FACT_LABELS) as [DatedFact, string][]) {
    const value = facts[key];
    if (typeof value !== 'string' || coveredByLetter.has(`${key}@${value}`)) continue;
    const outcome =
      key === 'answerReceivedOn' && facts.answerOutcome ? ` (${OUTCOME_WORDS[facts.answerOutcome]})` : '';
    entries.push({ date: value, kind: 'fact', label: `${label}${outcome}`, fact: key });
  }
  for (const date of facts.interruptionLetters ?? []) {
    entries.push({ date, kind: 'fact', label: 'Lettre recommandée réclamant la prestation' });
  }
  for (const c of dossier.contacts) {
    const who = c.agent ? ` avec ${c.agent}` : '';
    const ref = c.reference ? ` (réf. ${c.reference})` : '';
    entries.push({
      date: c.date,
      kind: 'contact',
      label: `${CHANNEL_LABELS[c.channel]}${who}${ref} : ${c.summary}`,
    });
  }
  for (const l of dossier.letters) {
    const registered = l.registeredNumber ? ` (recommandé n° ${l.registeredNumber})` : '';
    entries.push({ date: l.date, kind: 'letter', label: `${LETTER_LABELS[l.type]} envoyée${registered}` });
  }
  for (const d of dossier.documents) {
    if (d.date) entries.push({ date: d.date, kind: 'document', label: `Pièce : ${d.title}` });
  }
  return entries.sort((a, b) =>
    a.date === b.date ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.date < b.date ? -1 : 1,
  );
}

/** "– Le 15/09/2026 : envoi de la réclamation écrite." lines for a letter's statement of facts. */
export function chronologyLines(entries: readonly ChronologyEntry[]): string[] {
  return entries.map((e) => {
    const label = e.label.charAt(0).toLowerCase() + e.label.slice(1);
    const end = /[.!?]$/.test(label) ? '' : '.';
    return `– Le ${formatDate(e.date)} : ${label}${end}`;
  });
}
