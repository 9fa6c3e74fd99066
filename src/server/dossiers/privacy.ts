import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { z } from 'zod';
import { erasureAnswerSchema } from '../../contracts/api/dossiers.ts';
import { CATEGORY_LABELS, type DossierCategory } from '../../contracts/categories.ts';
import { ACTING_ROLES } from '../../contracts/roles.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { listContactsOfDossiers } from '../../db/repositories/dossier-contacts.ts';
import { documentBytes, listDocumentsOfDossiers } from '../../db/repositories/dossier-documents.ts';
import { erasePersonalData } from '../../db/repositories/dossier-erasure.ts';
import { lettersOfDossier } from '../../db/repositories/dossier-letters.ts';
import { listMemberMessagesOfDossiers } from '../../db/repositories/dossier-messages.ts';
import { notify, staffOf } from '../../db/repositories/dossier-notifications.ts';
import { listDossiersOfMember } from '../../db/repositories/dossier-updates.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../domain/dossiers/documents.ts';
import { exportSummary, type SummaryInput } from '../../domain/dossiers/export-summary.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { summaryHtml, summaryPdf } from './export-render.ts';
import { timelineOf } from './timeline.ts';

/**
 * The member's copy of his data (RGPD art. 15 and 20), as a zip streamed to him: `donnees.json` (every field,
 * for a program), `resume.html` and `resume.pdf` (the same, for a person: account, files, dates, contacts,
 * deadlines, letters, pieces, messages, history) and every piece he or the organisation put in his files, under
 * `documents/`. The pieces are read one at a time while the zip is sent, so that memory stays flat whatever their
 * size. Internal notes of the organisation are not his data to receive (they are its working notes): left out.
 * The reading is logged before the first byte leaves: per file, with the pieces, and once for the account.
 */
export async function exportMyData(ctx: AppContext, user: UserRow) {
  const { db } = ctx.database;
  const now = ctx.now();
  const dossiers = await listDossiersOfMember(db, user.id);
  const ids = dossiers.map((d) => d.id);
  const [documents, contacts, messages] = await Promise.all([
    listDocumentsOfDossiers(db, ids),
    listContactsOfDossiers(db, ids),
    listMemberMessagesOfDossiers(db, ids),
  ]);
  const referenceOf = new Map(dossiers.map((d) => [d.id, d.reference]));
  const pathOf = new Map(
    documents.map((d) => [
      d.id,
      `documents/${referenceOf.get(d.dossierId)}/${d.id.slice(0, 8)}-${d.fileName}`,
    ]),
  );
  const data = {
    exportedAt: now.toISOString(),
    about:
      'Vos données sur Recours : votre compte, vos dossiers, leurs pièces (dans le dossier documents/), le journal de vos contacts, vos courriers, vos messages avec les organismes et l’historique de chaque dossier. Le résumé lisible est dans resume.html et resume.pdf.',
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      postalAddress: user.postalAddress,
      createdAt: user.createdAt.toISOString(),
      signInWith: user.oidcIssuer ? 'fournisseur d’identité' : 'mot de passe',
    },
    dossiers: [] as unknown[],
  };
  const summaryFiles: SummaryInput['dossiers'] = [];
  for (const dossier of dossiers) {
    // His own data, medical pieces included (C. santé publ. L1111-7: a person's access to his health data).
    const [timeline, letterRows] = await Promise.all([
      timelineOf(db, dossier, { id: user.id, audience: 'member', medical: 'content' }, now),
      lettersOfDossier(db, dossier.id),
    ]);
    const docs = documents.filter((d) => d.dossierId === dossier.id);
    const categoryLabel = CATEGORY_LABELS[dossier.category as DossierCategory] ?? dossier.category;
    const fileContacts = contacts.filter((c) => c.dossierId === dossier.id);
    const fileMessages = messages.filter((m) => m.dossierId === dossier.id);
    data.dossiers.push({
      id: dossier.id,
      reference: dossier.reference,
      title: dossier.title,
      description: dossier.description,
      category: dossier.category,
      categoryLabel,
      organisationName: dossier.organisationName,
      organisationKind: dossier.organisationKind,
      status: dossier.status,
      amountCents: dossier.amountCents,
      memberNumber: dossier.memberNumber,
      organisationReference: dossier.organisationReference,
      facts: dossier.facts,
      decision: dossier.decision,
      decisionReason: dossier.decisionReason,
      satisfactionScore: dossier.satisfactionScore,
      satisfactionComment: dossier.satisfactionComment,
      createdAt: dossier.createdAt.toISOString(),
      closedAt: dossier.closedAt?.toISOString() ?? null,
      erasedAt: dossier.erasedAt?.toISOString() ?? null,
      documents: docs.map((d) => ({
        id: d.id,
        kind: d.kind,
        kindLabel: DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind,
        title: d.title,
        documentDate: d.documentDate,
        fileName: d.fileName,
        mimeType: d.mimeType,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
        uploadedAt: d.uploadedAt.toISOString(),
        path: pathOf.get(d.id) ?? null,
      })),
      contacts: fileContacts.map((c) => ({
        ...c,
        occurredAt: c.occurredAt.toISOString(),
        createdAt: c.createdAt.toISOString(),
      })),
      letters: letterRows.map((l) => ({
        id: l.id,
        type: l.type,
        subject: l.subject,
        body: l.body,
        createdAt: l.createdAt.toISOString(),
        sentOn: l.sentOn,
        sendingMethod: l.sendingMethod,
        registeredNumber: l.registeredNumber,
      })),
      messages: fileMessages.map((m) => ({
        id: m.id,
        authorId: m.authorId,
        kind: m.kind,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
      })),
      timeline: timeline.entries,
    });
    summaryFiles.push({
      reference: dossier.reference,
      title: dossier.title,
      organisationName: dossier.organisationName,
      status: dossier.status,
      categoryLabel,
      amountCents: dossier.amountCents,
      memberNumber: dossier.memberNumber,
      createdAt: dossier.createdAt,
      closedAt: dossier.closedAt,
      erasedAt: dossier.erasedAt,
      facts: (dossier.facts ?? {}) as Record<string, unknown>,
      contacts: fileContacts,
      documents: docs.map((d) => ({
        title: d.title,
        kindLabel: DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind,
        path: pathOf.get(d.id) ?? null,
      })),
      letters: letterRows,
      messages: fileMessages,
      timeline: timeline.entries,
    });
  }
  const summary = exportSummary({
    exportedAt: now,
    account: {
      displayName: user.displayName,
      email: user.email,
      postalAddress: user.postalAddress,
      createdAt: user.createdAt,
    },
    dossiers: summaryFiles,
  });
  // Built before the first byte is sent, so that a failure here is an ordinary error response.
  const json = strToU8(JSON.stringify(data, null, 2));
  const html = strToU8(summaryHtml(summary));
  const pdf = new Uint8Array(await summaryPdf(summary));
  // The export reads every piece: logged per file, with the pieces read, and once for the account.
  await db.transaction(async (tx) => {
    for (const dossier of dossiers) {
      await appendAuditEvent(tx, {
        dossierId: dossier.id,
        actorId: user.id,
        type: 'dossier.exported',
        payload: {
          role: user.role,
          documentIds: documents.filter((d) => d.dossierId === dossier.id).map((d) => d.id),
        },
        occurredAt: now,
      });
    }
    await appendAuditEvent(tx, {
      dossierId: null,
      actorId: user.id,
      type: 'account.exported',
      payload: { dossiers: ids.length, documents: documents.length },
      occurredAt: now,
    });
  });
  const stream = zipStream(now, [
    { path: 'donnees.json', bytes: async () => json, compress: true },
    { path: 'resume.html', bytes: async () => html, compress: true },
    { path: 'resume.pdf', bytes: async () => pdf, compress: false },
    // Already compressed formats (PDF, JPEG, PNG, HEIC): stored as they are.
    ...documents.map((d) => ({
      path: pathOf.get(d.id)!,
      bytes: async () => {
        const bytes = await documentBytes(db, d.id);
        return bytes ? new Uint8Array(bytes) : undefined;
      },
      compress: false,
    })),
  ]);
  return { stream, fileName: `recours-mes-donnees-${parisDateOf(now)}.zip` };
}

interface ZipEntry {
  path: string;
  /** Read when its turn comes; undefined: the bytes are gone, the entry is skipped. */
  bytes: () => Promise<Uint8Array | undefined>;
  compress: boolean;
}

/** A zip written entry by entry into a Node stream, waiting for the client when it reads slower (back-pressure). */
function zipStream(mtime: Date, entries: ZipEntry[]): Readable {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      out.destroy(error);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  void (async () => {
    try {
      for (const entry of entries) {
        const bytes = await entry.bytes();
        if (!bytes) continue;
        const file = entry.compress
          ? new ZipDeflate(entry.path, { level: 6 })
          : new ZipPassThrough(entry.path);
        file.mtime = mtime;
        zip.add(file);
        file.push(bytes, true);
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      zip.end();
    } catch (error) {
      zip.terminate();
      out.destroy(error as Error);
    }
  })();
  return out;
}

export interface ErasureOutcome {
  erased: { id: string; reference: string }[];
  pending: { id: string; reference: string; organisationName: string }[];
}

/**
 * Records an erasure request (RGPD art. 17). A file the member handled alone (no organisation on Recours, or a
 * draft he never transmitted) is erased at once. A file an organisation handles on Recours waits for its staff: the organisation may have to
 * keep a complaint record (art. 17-3-b and e: legal obligation, legal claims), so it decides and answers within a
 * month (art. 12-3); its staff are notified now.
 */
export async function requestErasure(ctx: AppContext, user: UserRow): Promise<ErasureOutcome> {
  if (user.role !== 'member') {
    throw new AppError(
      'FORBIDDEN',
      'Les comptes du personnel des organismes sont gérés par leur organisme : adressez-lui votre demande.',
    );
  }
  const now = ctx.now();
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const result: ErasureOutcome = { erased: [], pending: [] };
    const dossiers = await listDossiersOfMember(tx, user.id);
    for (const dossier of dossiers) {
      if (dossier.erasedAt) continue;
      await appendAuditEvent(tx, {
        dossierId: dossier.id,
        actorId: user.id,
        type: 'dossier.erasure_requested',
        payload: { immediate: !dossier.organisationId || !dossier.transmittedAt },
        occurredAt: now,
      });
      // A draft never sent to the organisation is the member's alone: erased at once, like a file without one.
      if (!dossier.organisationId || !dossier.transmittedAt) {
        const { documents } = await erasePersonalData(tx, dossier, now);
        await appendAuditEvent(tx, {
          dossierId: dossier.id,
          actorId: user.id,
          type: 'dossier.erased',
          payload: { documentsDeleted: documents, reason: 'erasure_request' },
          occurredAt: now,
        });
        result.erased.push({ id: dossier.id, reference: dossier.reference });
        continue;
      }
      const staff = await staffOf(tx, dossier.organisationId, ACTING_ROLES);
      await notify(
        tx,
        staff.map((s) => ({
          userId: s.id,
          dossierId: dossier.id,
          kind: 'erasure_request',
          title: `Demande d’effacement — dossier ${dossier.reference}`,
          body: 'L’adhérent demande l’effacement de ses données personnelles (RGPD art. 17). Réponse attendue sous un mois (art. 12-3).',
          dedupeKey: `erasure:${dossier.id}:${s.id}:${parisDateOf(now)}`,
          createdAt: now,
        })),
      );
      result.pending.push({
        id: dossier.id,
        reference: dossier.reference,
        organisationName: dossier.organisationName,
      });
    }
    await appendAuditEvent(tx, {
      dossierId: null,
      actorId: user.id,
      type: 'account.erasure_requested',
      payload: { erased: result.erased.map((d) => d.id), pending: result.pending.map((d) => d.id) },
      occurredAt: now,
    });
    return result;
  });
  for (const d of outcome.erased)
    publishChange({ type: 'dossier.erased', dossierId: d.id, audience: 'all', at: now });
  return outcome;
}

export async function privacyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/me/export',
    {
      schema: {
        tags: ['Données personnelles'],
        summary:
          'Télécharger toutes mes données (zip : donnees.json, un résumé lisible en HTML et en PDF, et les pièces de mes dossiers)',
        produces: ['application/zip'],
        response: {
          200: z.string().meta({ format: 'binary' }).describe('Archive zip'),
          401: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { stream, fileName } = await exportMyData(ctx, requireUser(request));
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(stream as unknown as string);
    },
  );

  r.post(
    '/api/v1/me/erasure-request',
    {
      schema: {
        tags: ['Données personnelles'],
        summary:
          'Demander l’effacement de mes données : immédiat pour les dossiers menés seul, transmis à l’organisme sinon',
        body: z.object({
          confirm: z
            .literal(true, { error: 'Confirmez la demande (confirm: true) : l’effacement est définitif.' })
            .describe('true : je confirme, l’effacement est définitif'),
        }),
        response: {
          202: erasureAnswerSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const outcome = await requestErasure(ctx, requireUser(request));
      reply.status(202);
      const parts = [
        outcome.erased.length
          ? `${outcome.erased.length} dossier(s) mené(s) seul(s) effacé(s).`
          : 'Aucun dossier à effacer immédiatement.',
        outcome.pending.length
          ? `${outcome.pending.length} dossier(s) suivi(s) par un organisme : votre demande lui est transmise, il doit vous répondre sous un mois.`
          : '',
      ];
      return { ...outcome, message: parts.filter(Boolean).join(' ') };
    },
  );
}
