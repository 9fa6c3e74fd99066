import type { MedicalAccess } from '../access/medical.ts';

/**
 * The medical adviser's opinion on a file. Its conclusion and a summary written for the handler leave the medical
 * service; the medical detail does not (C. santé publ. R4127-104: the controlling doctor tells the organisation
 * his conclusions, never the medical reasons; CNOM recommendations on the médecin-conseil of complementary
 * insurers). Asking for an opinion stops no clock: the organisation's answer deadlines run on (ACPR 2024-R-02:
 * two months from the complaint, whatever the internal steps).
 */
export const OPINION_CONCLUSIONS = ['favourable', 'unfavourable', 'partial', 'more_information'] as const;
export type OpinionConclusion = (typeof OPINION_CONCLUSIONS)[number];

export const OPINION_CONCLUSION_LABELS: Record<OpinionConclusion, string> = {
  favourable: 'Avis favorable',
  unfavourable: 'Avis défavorable',
  partial: 'Avis partiellement favorable',
  more_information: 'Informations médicales complémentaires nécessaires',
};

export const OPINION_STATUSES = ['requested', 'answered'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  requested: 'En attente de l’avis du médecin-conseil',
  answered: 'Avis rendu',
};

export interface MedicalOpinion {
  status: OpinionStatus;
  /** The handler's question, written without medical detail (he has none to give). */
  question: string;
  conclusion: OpinionConclusion | null;
  /** For the handler: what the conclusion means for the file, in plain words, without medical detail. */
  summary: string | null;
  /** Under medical secrecy: the member, the medical adviser and the mediator only. */
  medicalDetail: string | null;
}

/** What a reader sees of an opinion: everything but the medical detail unless he may read medical content. */
export function opinionFor<T extends MedicalOpinion>(
  access: MedicalAccess,
  opinion: T,
): T & { medicalDetailWithheld: boolean } {
  if (access === 'content') return { ...opinion, medicalDetailWithheld: false };
  return { ...opinion, medicalDetail: null, medicalDetailWithheld: opinion.medicalDetail !== null };
}

/** An opinion is given once: a second one is a new request (the history keeps both). */
export function canAnswer(opinion: Pick<MedicalOpinion, 'status'>): boolean {
  return opinion.status === 'requested';
}
