import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { z } from 'zod';
import { ACTING_ROLES } from '../../contracts/roles.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { listContactsOfDossiers } from '../../db/repositories/dossier-contacts.ts';
import { documentBytes, listDocumentsOfDossiers } from '../../db/repositories/dossier-documents.ts';
import { erasePersonalData } from '../../db/repositories/dossier-erasure.ts';
import { listMemberMessagesOfDossiers } from '../../db/repositories/dossier-messages.ts';
import { notify, staffOf } from '../../db/repositories/dossier-notifications.ts';
import { listDossiersOfMember } from '../../db/repositories/dossier-updates.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { CATEGORY_LABELS, type DossierCategory } from '../../domain/dossiers/categories.ts';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../domain/dossiers/documents.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { timelineOf } from './timeline.ts';

/**
 * The member's copy of his data (RGPD art. 15 and 20): `donnees.json` and every piece he or the organisation
 * put in his files, under `documents/`. Internal notes of the organisation are not his data to receive (they are
 * the organisation's working notes) and are left out.
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
  const files: Zippable = {};
  const pathOf = new Map<string, string>();
  for (const d of documents) {
    const dossier = dossiers.find((x) => x.id === d.dossierId)!;
    const path = `documents/${dossier.reference}/${d.id.slice(0, 8)}-${d.fileName}`;
    const bytes = await documentBytes(db, d.id);
    if (!bytes) continue;
    // Already compressed formats (PDF, JPEG, PNG, HEIC): stored as they are.
    files[path] = [new Uint8Array(bytes), { level: 0 }];
    pathOf.set(d.id, path);
  }
  const data = {
    exportedAt: now.toISOString(),
    about:
      'Vos données sur Recours : votre compte, vos dossiers, leurs pièces (dans le dossier documents/), le journal de vos contacts, vos messages avec les organismes et l’historique de chaque dossier.',
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
  for (const dossier of dossiers) {
    // His own data, medical pieces included (C. santé publ. L1111-7: a person's access to his health data).
    const timeline = await timelineOf(
      db,
      dossier,
      { id: user.id, audience: 'member', medical: 'content' },
      now,
    );
    data.dossiers.push({
      id: dossier.id,
      reference: dossier.reference,
      title: dossier.title,
      description: dossier.description,
      category: dossier.category,
      categoryLabel: CATEGORY_LABELS[dossier.category as DossierCategory] ?? dossier.category,
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
      documents: documents
        .filter((d) => d.dossierId === dossier.id)
        .map((d) => ({
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
      contacts: contacts
        .filter((c) => c.dossierId === dossier.id)
        .map((c) => ({ ...c, occurredAt: c.occurredAt.toISOString(), createdAt: c.createdAt.toISOString() })),
      messages: messages
        .filter((m) => m.dossierId === dossier.id)
        .map((m) => ({
          id: m.id,
          authorId: m.authorId,
          kind: m.kind,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
        })),
      timeline: timeline.entries,
    });
  }
  files['donnees.json'] = strToU8(JSON.stringify(data, null, 2));
  const zip = zipSync(files, { level: 6, mtime: now });
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
  return { zip, fileName: `recours-mes-donnees-${parisDateOf(now)}.zip` };
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
        summary: 'Télécharger toutes mes données (zip : donnees.json et les pièces de mes dossiers)',
        produces: ['application/zip'],
        response: {
          200: z.string().meta({ format: 'binary' }).describe('Archive zip'),
          401: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { zip, fileName } = await exportMyData(ctx, requireUser(request));
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) as unknown as string);
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
          202: z.object({
            erased: z
              .array(z.object({ id: z.string().uuid(), reference: z.string() }))
              .describe('Dossiers effacés'),
            pending: z
              .array(z.object({ id: z.string().uuid(), reference: z.string(), organisationName: z.string() }))
              .describe('Dossiers transmis à l’organisme, qui répond sous un mois'),
            message: z.string(),
          }),
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
