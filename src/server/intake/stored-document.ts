import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { insertDocument } from '../../db/repositories/dossier-documents.ts';
import {
  checkUploadedFile,
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  safeFileName,
} from '../../domain/dossiers/documents.ts';
import { activePdfContentOf, detectedMimeOf } from '../shared/uploaded-bytes.ts';

export interface IncomingFile {
  bytes: Buffer;
  fileName: string | undefined;
}

export type CheckedFile =
  | { ok: true; bytes: Buffer; fileName: string; mimeType: string }
  | { ok: false; fileName: string; reason: string };

/** The same checks as an upload from the file page: type from the bytes, size (docs/architecture.md). */
export async function checkIncomingFile(file: IncomingFile): Promise<CheckedFile> {
  const checked = checkUploadedFile({
    detectedMime: await detectedMimeOf(file.bytes),
    sizeBytes: file.bytes.length,
  });
  const shownName = file.fileName?.trim() || 'pièce jointe';
  if (!checked.ok) return { ok: false, fileName: shownName, reason: checked.error.message };
  // The same refusal as an upload: a PDF that runs code or actions by itself (docs/architecture.md).
  if (checked.value === 'application/pdf' && (await activePdfContentOf(file.bytes))) {
    return {
      ok: false,
      fileName: shownName,
      reason:
        'ce PDF contient du code ou une action automatique ; enregistrez-le de nouveau en PDF ou scannez-le',
    };
  }
  return {
    ok: true,
    bytes: file.bytes,
    fileName: safeFileName(file.fileName, checked.value),
    mimeType: checked.value,
  };
}

/** Stores a checked file in a file's documents with its history event, inside the caller's transaction. */
export async function storeDocument(
  tx: Db,
  input: {
    dossierId: string;
    file: Extract<CheckedFile, { ok: true }>;
    kind: DocumentKind;
    uploadedById: string;
    documentDate: string | null;
    at: Date;
  },
) {
  const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
  const row = await insertDocument(
    tx,
    {
      dossierId: input.dossierId,
      kind: input.kind,
      title: DOCUMENT_KIND_LABELS[input.kind],
      documentDate: input.documentDate,
      fileName: input.file.fileName,
      mimeType: input.file.mimeType,
      sizeBytes: input.file.bytes.length,
      sha256,
      uploadedById: input.uploadedById,
      uploadedAt: input.at,
      ocrStatus: 'pending',
    },
    input.file.bytes,
  );
  await appendAuditEvent(tx, {
    dossierId: input.dossierId,
    actorId: input.uploadedById,
    type: 'document.uploaded',
    payload: {
      documentId: row.id,
      after: { kind: input.kind, documentDate: input.documentDate, mimeType: input.file.mimeType, sha256 },
      via: 'email',
    },
    occurredAt: input.at,
  });
  return row;
}
