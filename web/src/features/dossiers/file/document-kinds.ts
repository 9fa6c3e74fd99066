import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  MAX_DOCUMENT_BYTES,
} from '../../../../../src/domain/dossiers/documents.ts';

// Labels and limits come from the pure domain module the server uses.
export const documentKindOptions = DOCUMENT_KINDS.map((id) => ({ id, label: DOCUMENT_KIND_LABELS[id] }));
export const MAX_UPLOAD_BYTES = MAX_DOCUMENT_BYTES;
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic';
export const TOO_LARGE =
  'Fichier trop volumineux\u00a0: 10\u00a0Mo au plus. Réduisez la résolution du scan ou envoyez les pages séparément.';
