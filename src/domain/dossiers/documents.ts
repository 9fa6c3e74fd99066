import { fail, ok, type Result } from '../shared/result.ts';

/** What a piece of evidence is (seed 000: "factures, courriers, relevés de remboursement"; seed 002: documents to gather). */
export const DOCUMENT_KINDS = [
  'invoice',
  'care_sheet',
  'prescription',
  'quote',
  'contract',
  'reimbursement_statement',
  'letter_received',
  'letter_sent',
  'proof_of_sending',
  'bank_statement',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  invoice: 'Facture',
  care_sheet: 'Feuille de soins',
  prescription: 'Ordonnance',
  quote: 'Devis',
  contract: 'Contrat / tableau de garanties',
  reimbursement_statement: 'Décompte de remboursement',
  letter_received: 'Courrier reçu',
  letter_sent: 'Courrier envoyé',
  proof_of_sending: 'Preuve d’envoi / accusé de réception',
  bank_statement: 'Relevé bancaire (prélèvements)',
  other: 'Autre',
};

/**
 * File types accepted as evidence, recognised from the bytes (never from the name or the declared type):
 * what a scanner or a phone produces. HEIC is the iPhone photo format; its HEIF container brand counts too.
 */
export const ACCEPTED_MIME_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
] as const;
export type AcceptedMimeType = (typeof ACCEPTED_MIME_TYPES)[number];

/** 10 MB: a scanned multi-page PDF or a phone photo fits; a video does not. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  /** The type recognised from the first bytes, or undefined when nothing was recognised. */
  detectedMime: string | undefined;
  sizeBytes: number;
}

/** May this file be stored as evidence? Expected refusals name the field `file`. */
export function checkUploadedFile(file: UploadedFile): Result<AcceptedMimeType> {
  if (file.sizeBytes === 0)
    return fail('empty_file', 'Le fichier est vide : choisissez un autre fichier.', 'file');
  if (file.sizeBytes > MAX_DOCUMENT_BYTES) {
    return fail(
      'file_too_large',
      'Fichier trop volumineux : 10 Mo au plus. Réduisez la résolution du scan ou envoyez les pages séparément.',
      'file',
    );
  }
  if (!file.detectedMime || !(ACCEPTED_MIME_TYPES as readonly string[]).includes(file.detectedMime)) {
    return fail(
      'unsupported_file_type',
      'Type de fichier refusé : seuls les PDF, JPEG, PNG et HEIC sont acceptés (le contenu du fichier a été vérifié, pas seulement son extension).',
      'file',
    );
  }
  return ok(file.detectedMime as AcceptedMimeType);
}

/** The extension matching the stored type, for a download name. */
export const EXTENSION_OF: Record<AcceptedMimeType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heic',
};

/**
 * A file name safe to store and to send back: no path, no control characters, at most 120 characters,
 * with the extension of the type actually stored (a "facture.pdf" that is a PNG is served as "facture.png").
 */
export function safeFileName(original: string | undefined, mime: AcceptedMimeType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we strip
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const stem = cleaned.replace(/\.[^.]*$/, '').slice(0, 110) || 'document';
  return `${stem}.${EXTENSION_OF[mime]}`;
}
