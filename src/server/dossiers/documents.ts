import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  documentListSchema,
  type documentSchema,
  MEDICAL_FIELD_HELP,
  oneDocumentSchema,
} from '../../contracts/api/dossiers.ts';
import { appendAuditEvent, logAuditEvent } from '../../db/repositories/audit.ts';
import {
  type DocumentRow,
  documentBytes,
  findDocument,
  insertDocument,
  listDocuments,
  updateDocument,
} from '../../db/repositories/dossier-documents.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { canMarkMedical, canUnmarkMedical } from '../../domain/access/medical.ts';
import { calendarDateSchema } from '../../domain/deadlines/schema.ts';
import {
  checkUploadedFile,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  MAX_DOCUMENT_BYTES,
  safeFileName,
} from '../../domain/dossiers/documents.ts';
import {
  documentForReader,
  MEDICAL_HOLDER,
  medicalPiecesRead,
  type Withheld,
} from '../../domain/dossiers/medical-pieces.ts';
import { firstIssue } from '../../domain/shared/zod-issues.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { CONTROL_CHARACTER_MESSAGE, findControlCharacter } from '../shared/control-characters.ts';
import { dossierParams, erasedConflict, readableDossier, writableDossier } from '../shared/dossier-access.ts';
import { jobQueueOf } from '../shared/job-queue.ts';
import { medicalRefusal } from '../shared/medical-marks.ts';
import { logMedicalRead, medicalAccessOf, readPartWithMedical } from '../shared/medical-reads.ts';
import { UPLOADED_FILE_CSP } from '../shared/security-headers.ts';
import { activePdfContentOf, detectedMimeOf } from '../shared/uploaded-bytes.ts';

const kindSchema = z
  .enum(DOCUMENT_KINDS, {
    error: () => `Type de document inconnu. Valeurs possibles : ${DOCUMENT_KINDS.join(', ')}.`,
  })
  .describe(
    `Nature de la pièce : ${DOCUMENT_KINDS.map((k) => `${k} (${DOCUMENT_KIND_LABELS[k]})`).join(', ')}`,
  );

export function documentView(row: DocumentRow & Partial<Withheld>): z.infer<typeof documentSchema> {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    kindLabel: DOCUMENT_KIND_LABELS[row.kind as DocumentKind] ?? row.kind,
    title: row.title,
    documentDate: row.documentDate,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedById: row.uploadedById,
    uploadedAt: row.uploadedAt.toISOString(),
    contentUrl: `/api/v1/dossiers/${row.dossierId}/documents/${row.id}/content`,
    medical: row.medical,
    withheld: row.withheld ?? false,
    heldBy: row.medical ? MEDICAL_HOLDER : null,
  };
}

const uploadFieldsSchema = z.object({
  kind: kindSchema,
  title: z
    .string()
    .trim()
    .min(1, 'Donnez un titre à la pièce')
    .max(200)
    .optional()
    .describe('Titre libre ; par défaut, la nature de la pièce'),
  documentDate: calendarDateSchema.optional().describe('Date portée sur la pièce (AAAA-MM-JJ)'),
  medical: z
    .enum(['true', 'false'], { error: () => 'Indiquez true ou false.' })
    .optional()
    .describe(`true : ${MEDICAL_FIELD_HELP}`),
});

const WRITE_REFUSAL =
  'Seuls l’adhérent et les conseillers de l’organisme peuvent ajouter ou reclasser des pièces.';

interface Upload {
  bytes: Buffer;
  fileName: string | undefined;
  fields: Record<string, string>;
}

const tooLarge = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    'Fichier trop volumineux : 10 Mo au plus. Réduisez la résolution du scan ou envoyez les pages séparément.',
    'file',
  );

/** Reads the multipart body: the fields and exactly one part named `file`, 10 MB at most. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Envoyez la pièce dans un formulaire multipart/form-data (champ « file »).',
      'file',
    );
  }
  const fields: Record<string, string> = {};
  let bytes: Buffer | undefined;
  let fileName: string | undefined;
  try {
    for await (const part of request.parts({
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 2_000 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new AppError('VALIDATION', 'Le fichier doit être envoyé dans le champ « file ».', 'file');
        }
        bytes = await part.toBuffer();
        fileName = part.filename;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        'Un seul fichier par envoi : ajoutez les pièces une à une.',
        'file',
      );
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError(
        'VALIDATION',
        'Formulaire trop long : envoyez kind, title, documentDate et file.',
        'body',
      );
    }
    throw error;
  }
  if (!bytes) throw new AppError('VALIDATION', 'Joignez un fichier (champ « file »).', 'file');
  return { bytes, fileName, fields };
}

export async function uploadDocument(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  request: FastifyRequest,
) {
  const { db } = ctx.database;
  // Authorise before reading 10 MB: a file one may not see answers 404 without its body being read.
  await writableDossier(db, user, dossierId, 'document.write', WRITE_REFUSAL);
  const upload = await readUpload(request);
  const controlled = findControlCharacter(upload.fields);
  if (controlled) {
    throw new AppError('VALIDATION', `Le champ « ${controlled} » ${CONTROL_CHARACTER_MESSAGE}`, controlled);
  }
  const parsed = uploadFieldsSchema.safeParse(upload.fields);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const field = String(issue.path[0] ?? 'body');
    throw new AppError('VALIDATION', `Le champ « ${field} » est invalide : ${issue.message}`, field);
  }
  const checked = checkUploadedFile({
    detectedMime: await detectedMimeOf(upload.bytes),
    sizeBytes: upload.bytes.length,
  });
  if (!checked.ok) {
    const status = { file_too_large: 413, unsupported_file_type: 415 }[checked.error.code] ?? 400;
    throw new AppError(
      status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION',
      checked.error.message,
      'file',
      status,
    );
  }
  const mimeType = checked.value;
  if (mimeType === 'application/pdf') {
    const active = await activePdfContentOf(upload.bytes);
    if (active) {
      throw new AppError(
        'ACTIVE_CONTENT',
        'Ce PDF contient du code ou une action automatique (JavaScript, lancement d’un programme…) : par sécurité, il est refusé. Ouvrez-le et enregistrez-le de nouveau avec « Imprimer » puis « Enregistrer au format PDF », ou scannez le document, puis déposez le nouveau fichier.',
        'file',
        422,
      );
    }
  }
  const { kind, title, documentDate } = parsed.data;
  const medical = parsed.data.medical === 'true';
  const now = ctx.now();
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const document = await db.transaction(async (tx) => {
    const dossier = await writableDossier(tx, user, dossierId, 'document.write', WRITE_REFUSAL);
    if (medical && !canMarkMedical(actorOf(user), dossier)) throw medicalRefusal('medical');
    const row = await insertDocument(
      tx,
      {
        dossierId,
        kind,
        title: title ?? DOCUMENT_KIND_LABELS[kind],
        documentDate: documentDate ?? null,
        fileName: safeFileName(upload.fileName, mimeType),
        mimeType,
        sizeBytes: upload.bytes.length,
        sha256,
        uploadedById: user.id,
        uploadedAt: now,
        medical,
      },
      upload.bytes,
    );
    await updateDossier(tx, dossierId, { updatedAt: now });
    // No title or file name in the chain: free text may hold health data, and the chain cannot be edited later.
    await appendAuditEvent(tx, {
      dossierId,
      actorId: user.id,
      type: 'document.uploaded',
      payload: {
        documentId: row.id,
        after: { kind, documentDate: documentDate ?? null, mimeType, sha256, medical },
      },
      occurredAt: now,
    });
    return row;
  });
  publishChange({ type: 'document.added', dossierId, audience: 'all', id: document.id, at: now });
  // A scanned letter is read by OCR in a job, never in the request (docs/intake.md).
  await jobQueueOf(ctx)?.send('document-ocr', { documentId: document.id });
  return document;
}

/** The list shows every piece; a medical one keeps its words for those who may read them (L1110-4). */
export async function listDossierDocuments(ctx: AppContext, user: UserRow, dossierId: string) {
  const { value } = await readPartWithMedical(
    ctx,
    user,
    dossierId,
    'documents',
    async (tx, dossier, access) => {
      const rows = await listDocuments(tx, dossier.id);
      return {
        value: rows.map((row) => documentForReader(access, row)),
        medicalRead: medicalPiecesRead(access, rows),
      };
    },
  );
  return value;
}

const documentNotFound = () => new AppError('NOT_FOUND', 'Pièce introuvable dans ce dossier.');

/** The bytes of one document; each reading is an audit event (RGPD art. 9), written before the bytes leave. */
export async function readDocumentContent(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  documentId: string,
) {
  return ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    const document = await findDocument(tx, dossier.id, documentId);
    if (!document) throw documentNotFound();
    const access = medicalAccessOf(user, dossier);
    if (document.medical && access !== 'content') throw medicalRefusal();
    const bytes = await documentBytes(tx, document.id);
    if (!bytes) throw documentNotFound();
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'document.viewed',
      payload: { role: user.role, documentId: document.id, medical: document.medical },
      occurredAt: ctx.now(),
    });
    if (document.medical) {
      await logMedicalRead(tx, ctx, user, dossier.id, 'document_content', [document.id]);
    }
    return { document, bytes };
  });
}

export interface DocumentPatch {
  medical?: boolean | undefined;
  kind?: DocumentKind | undefined;
  title?: string | undefined;
  documentDate?: string | null | undefined;
}

export async function reclassifyDocument(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  documentId: string,
  patch: DocumentPatch,
) {
  const now = ctx.now();
  const updated = await ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    const actor = actorOf(user);
    const document = await findDocument(tx, dossierId, documentId);
    if (!document) throw documentNotFound();
    const reclassifies = [patch.kind, patch.title, patch.documentDate].some((v) => v !== undefined);
    if (reclassifies) {
      await writableDossier(tx, user, dossierId, 'document.write', WRITE_REFUSAL);
      // Renaming what one cannot read would be writing blind, and could reveal nothing but guesswork.
      if (document.medical && medicalAccessOf(user, dossier) !== 'content') throw medicalRefusal();
    }
    const values: Partial<Pick<DocumentRow, 'kind' | 'title' | 'documentDate' | 'medical'>> = {};
    const changes: { field: string; before?: unknown; after?: unknown }[] = [];
    if (patch.medical !== undefined) {
      // Marking is its own right: the member and the medical adviser may, an auditor may not (medical.ts).
      const allowed = patch.medical ? canMarkMedical(actor, dossier) : canUnmarkMedical(actor, dossier);
      if (!allowed) throw medicalRefusal('medical', patch.medical ? 'mark' : 'unmark');
      if (dossier.erasedAt) throw erasedConflict();
      if (patch.medical !== document.medical) {
        values.medical = patch.medical;
        changes.push({ field: 'medical', before: document.medical, after: patch.medical });
      }
    }
    if (patch.kind !== undefined && patch.kind !== document.kind) {
      values.kind = patch.kind;
      changes.push({ field: 'kind', before: document.kind, after: patch.kind });
    }
    if (patch.documentDate !== undefined && patch.documentDate !== document.documentDate) {
      values.documentDate = patch.documentDate;
      changes.push({ field: 'documentDate', before: document.documentDate, after: patch.documentDate });
    }
    if (patch.title !== undefined && patch.title !== document.title) {
      values.title = patch.title;
      changes.push({ field: 'title' });
    }
    if (changes.length === 0) return document;
    const row = await updateDocument(tx, document.id, values);
    await updateDossier(tx, dossierId, { updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId,
      actorId: user.id,
      type: 'document.updated',
      payload: { documentId: document.id, changes },
      occurredAt: now,
    });
    return row;
  });
  publishChange({ type: 'document.updated', dossierId, audience: 'all', id: updated.id, at: now });
  return updated;
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(
  fileName: string,
  disposition: 'inline' | 'attachment' = 'inline',
): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'document';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Validates params and query with zod; leaves the multipart body to the handler, which streams it. */
const streamedBody: typeof validatorCompiler = (route) =>
  route.httpPart === 'body' ? (value: unknown) => ({ value }) : validatorCompiler(route);

const documentParams = dossierParams.extend({
  docId: z.string().uuid('Identifiant de pièce invalide').describe('Identifiant de la pièce'),
});

export async function documentRoutes(app: FastifyInstance, ctx: AppContext) {
  await app.register(async (scope) => {
    // Multipart only in this scope: the rest of the API keeps accepting JSON alone.
    await scope.register(multipart, {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 2_000 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/v1/dossiers/:id/documents',
      {
        schema: {
          tags: ['Pièces'],
          summary: 'Ajouter une pièce (PDF, JPEG, PNG ou HEIC, 10 Mo au plus, un fichier par envoi)',
          description:
            'Formulaire multipart/form-data. Le type est vérifié à partir du contenu du fichier, pas de son extension.',
          consumes: ['multipart/form-data'],
          params: dossierParams,
          body: uploadFieldsSchema.extend({
            file: z.string().meta({ format: 'binary' }).describe('Le fichier (PDF, JPEG, PNG ou HEIC)'),
          }),
          response: {
            201: oneDocumentSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema,
            413: errorBodySchema,
            415: errorBodySchema,
          },
        },
        // The body is a stream read by the handler; its schema above documents the form for OpenAPI only.
        // Fastify types a route-level compiler over the whole schema object; at run time it gets one part.
        validatorCompiler: streamedBody as never,
      },
      async (request, reply) => {
        const document = await uploadDocument(ctx, requireUser(request), request.params.id, request);
        reply.status(201);
        return { document: documentView(document) };
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers/:id/documents',
    {
      schema: {
        tags: ['Pièces'],
        summary: 'Pièces du dossier, par date de la pièce puis d’ajout (consultation journalisée)',
        params: dossierParams,
        response: {
          200: documentListSchema,
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const rows = await listDossierDocuments(ctx, requireUser(request), request.params.id);
      return { documents: rows.map(documentView) };
    },
  );

  r.get(
    '/api/v1/dossiers/:id/documents/:docId/content',
    {
      schema: {
        tags: ['Pièces'],
        summary: 'Afficher ou télécharger une pièce (chaque lecture est journalisée)',
        params: documentParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'],
        response: {
          200: z
            .string()
            .meta({ format: 'binary' })
            .describe('Le contenu du fichier, tel qu’il a été déposé'),
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { document, bytes } = await readDocumentContent(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.docId,
      );
      return (
        reply
          .header('content-type', document.mimeType)
          // A PDF is downloaded, never run in the application's origin; an image may show, sandboxed.
          .header(
            'content-disposition',
            contentDisposition(
              document.fileName,
              document.mimeType === 'application/pdf' ? 'attachment' : 'inline',
            ),
          )
          .header('content-security-policy', UPLOADED_FILE_CSP)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          // A Buffer skips the serializer: the schema above only documents the binary body.
          .send(bytes as unknown as string)
      );
    },
  );

  r.patch(
    '/api/v1/dossiers/:id/documents/:docId',
    {
      schema: {
        tags: ['Pièces'],
        summary: 'Reclasser une pièce : nature, titre ou date',
        params: documentParams,
        body: z
          .object({
            medical: z.boolean().optional().describe(MEDICAL_FIELD_HELP),
            kind: kindSchema.optional(),
            title: z.string().trim().min(1, 'Donnez un titre à la pièce').max(200).optional(),
            documentDate: calendarDateSchema.nullable().optional().describe('null pour effacer la date'),
          })
          .refine((b) => Object.keys(b).length > 0, {
            message:
              'Indiquez au moins une chose à modifier : la nature, le titre, la date ou le caractère médical.',
          }),
        response: {
          200: oneDocumentSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request) => {
      const row = await reclassifyDocument(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.docId,
        request.body,
      );
      const user = requireUser(request);
      const dossier = await readableDossier(ctx.database.db, user, request.params.id);
      return { document: documentView(documentForReader(medicalAccessOf(user, dossier), row)) };
    },
  );
}
