import { type MedicalAccess, mayReadPiece } from '../access/medical.ts';

/**
 * What someone who may not read a medical piece sees of it (C. santé publ. L1110-4): that it exists, its date and
 * who holds it, never its words. The placeholders replace the content itself, so that no later code (timeline,
 * letters, search, exports) can leak what it never received.
 */
export const MEDICAL_HOLDER = 'le médecin-conseil de l’organisme';

export const WITHHELD_TEXT = {
  documentTitle: 'Pièce médicale',
  documentFileName: 'piece-medicale',
  messageBody: `Message médical couvert par le secret médical : il est lu par ${MEDICAL_HOLDER}, pas par les conseillers.`,
  contactSummary: `Échange médical couvert par le secret médical : son contenu est lu par ${MEDICAL_HOLDER}.`,
} as const;

export interface Withheld {
  /** True when the content was replaced by its placeholder for this reader. */
  withheld: boolean;
}

interface DocumentLike {
  medical: boolean;
  title: string;
  fileName: string;
  sha256: string;
}

export function documentForReader<T extends DocumentLike>(access: MedicalAccess, row: T): T & Withheld {
  if (mayReadPiece(access, row)) return { ...row, withheld: false };
  // The fingerprint would let a reader confirm a guess about a known report: withheld too.
  return {
    ...row,
    title: WITHHELD_TEXT.documentTitle,
    fileName: WITHHELD_TEXT.documentFileName,
    sha256: '',
    withheld: true,
  };
}

export function messageForReader<T extends { medical: boolean; body: string }>(
  access: MedicalAccess,
  row: T,
): T & Withheld {
  if (mayReadPiece(access, row)) return { ...row, withheld: false };
  return { ...row, body: WITHHELD_TEXT.messageBody, withheld: true };
}

interface ContactLike {
  medical: boolean;
  summary: string;
  promises: string | null;
  agentName: string | null;
  reference: string | null;
}

export function contactForReader<T extends ContactLike>(access: MedicalAccess, row: T): T & Withheld {
  if (mayReadPiece(access, row)) return { ...row, withheld: false };
  // The name of the doctor met or a claim number may be as telling as the summary.
  return {
    ...row,
    summary: WITHHELD_TEXT.contactSummary,
    promises: null,
    agentName: null,
    reference: null,
    withheld: true,
  };
}

/** The ids of the medical pieces a reader actually read: each such reading is written in the history. */
export function medicalPiecesRead(access: MedicalAccess, rows: readonly { id: string; medical: boolean }[]) {
  return access === 'content' ? rows.filter((r) => r.medical).map((r) => r.id) : [];
}
