import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MEDICAL_FIELD_HELP,
  messageListSchema,
  type messageSchema,
  oneMessageSchema,
} from '../../contracts/api/dossiers.ts';
import { HANDLING_ROLES } from '../../contracts/roles.ts';
import { limitText, TEXT_LIMITS } from '../../contracts/text-limits.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import {
  findMessage,
  insertMessage,
  listMessages,
  type MessageRow,
  setMessageMedical,
} from '../../db/repositories/dossier-messages.ts';
import { notify, staffOf } from '../../db/repositories/dossier-notifications.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { canMarkMedical, canUnmarkMedical, canWriteMedicalMessage } from '../../domain/access/medical.ts';
import type { ROLES } from '../../domain/access/roles.ts';
import { medicalPiecesRead, messageForReader, type Withheld } from '../../domain/dossiers/medical-pieces.ts';
import { audienceOf, canDo } from '../../domain/dossiers/permissions.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { dossierParams, erasedConflict, readableDossier, writableDossier } from '../shared/dossier-access.ts';
import { jobQueueOf } from '../shared/job-queue.ts';
import { medicalRefusal } from '../shared/medical-marks.ts';
import { medicalAccessOf, readPartWithMedical } from '../shared/medical-reads.ts';

type MessageWithAuthor = {
  message: MessageRow & Partial<Withheld>;
  author: { id: string; displayName: string; role: (typeof ROLES)[number] };
};

export function messageView({ message, author }: MessageWithAuthor): z.infer<typeof messageSchema> {
  return {
    id: message.id,
    body: message.body,
    kind: message.kind === 'document_request' ? 'document_request' : 'message',
    internal: message.internal,
    medical: message.medical,
    withheld: message.withheld ?? false,
    author,
    createdAt: message.createdAt.toISOString(),
  };
}

/** The message thread exists only with an organisation that handles its complaints on Recours. */
function requireOrganisationOnRecours(dossier: DossierRow) {
  if (!dossier.organisationId) {
    throw new AppError(
      'CONFLICT',
      `${dossier.organisationName} ne traite pas ses réclamations sur Recours : la messagerie n’est pas disponible pour ce dossier. Écrivez-lui directement (courrier ou e-mail) et notez l’échange dans le journal des contacts.`,
    );
  }
  return dossier.organisationId;
}

export async function readMessages(ctx: AppContext, user: UserRow, dossierId: string) {
  const { value } = await readPartWithMedical(
    ctx,
    user,
    dossierId,
    'messages',
    async (tx, dossier, access) => {
      requireOrganisationOnRecours(dossier);
      // Internal notes are filtered in SQL for anyone who is not the organisation's own staff.
      const includeInternal = audienceOf(actorOf(user), dossier).kind === 'staff';
      const rows = await listMessages(tx, dossier.id, { includeInternal });
      return {
        value: rows.map((r) => ({ ...r, message: messageForReader(access, r.message) })),
        medicalRead: medicalPiecesRead(
          access,
          rows.map((r) => r.message),
        ),
      };
    },
  );
  return value;
}

export interface NewMessageInput {
  body: string;
  internal: boolean;
  kind: 'message' | 'document_request';
  medical?: boolean | undefined;
}

async function notifyOtherSide(db: Db, dossier: DossierRow, author: UserRow, message: MessageRow, now: Date) {
  if (message.internal) return;
  const title = `Nouveau message — dossier ${dossier.reference}`;
  const base = { dossierId: dossier.id, kind: 'message', createdAt: now };
  if (author.role === 'member') {
    // A draft's messages stay with the member until he transmits the file (issue 16): nobody to tell yet.
    if (!dossier.transmittedAt) return;
    // A medical message goes to the medical adviser, never to the handler (C. santé publ. L1110-4).
    const recipients = message.medical
      ? await staffOf(db, dossier.organisationId!, ['medical_adviser'])
      : dossier.assignedHandlerId
        ? [{ id: dossier.assignedHandlerId }]
        : await staffOf(db, dossier.organisationId!, HANDLING_ROLES);
    await notify(
      db,
      recipients.map((r) => ({
        ...base,
        userId: r.id,
        title,
        body: 'L’adhérent a écrit dans la messagerie du dossier.',
        dedupeKey: `message:${message.id}:${r.id}`,
      })),
    );
    return;
  }
  await notify(db, [
    {
      ...base,
      userId: dossier.memberId,
      title,
      body: message.medical
        ? 'Le médecin-conseil de l’organisme vous a écrit : ouvrez le dossier pour lire son message.'
        : message.kind === 'document_request'
          ? 'L’organisme vous demande une pièce : ouvrez le dossier pour la déposer.'
          : 'L’organisme vous a écrit : ouvrez le dossier pour lire son message.',
      dedupeKey: `message:${message.id}:${dossier.memberId}`,
    },
  ]);
}

export async function postMessage(ctx: AppContext, user: UserRow, dossierId: string, input: NewMessageInput) {
  const now = ctx.now();
  const medical = input.medical ?? false;
  const message = await ctx.database.db.transaction(async (tx) => {
    const dossier = medical
      ? await medicallyWritableDossier(tx, user, dossierId)
      : await writableDossier(
          tx,
          user,
          dossierId,
          'message.write',
          'Seuls l’adhérent et les conseillers de l’organisme écrivent dans la messagerie du dossier.',
        );
    requireOrganisationOnRecours(dossier);
    const actor = actorOf(user);
    if (medical && (input.internal || input.kind === 'document_request')) {
      throw new AppError(
        'VALIDATION',
        'Un message médical s’adresse à l’adhérent ou au médecin-conseil : il ne peut être ni une note interne ni une demande de pièce.',
        'medical',
      );
    }
    if (input.internal && !canDo(actor, dossier, 'note.write')) {
      throw new AppError(
        'FORBIDDEN',
        'Seuls les conseillers de l’organisme peuvent écrire une note interne.',
        'internal',
      );
    }
    if (input.kind === 'document_request' && user.role === 'member') {
      throw new AppError('FORBIDDEN', 'Seul l’organisme peut demander une pièce.', 'kind');
    }
    const row = await insertMessage(tx, {
      dossierId,
      authorId: user.id,
      body: input.body,
      kind: input.kind,
      internal: input.internal,
      medical,
      createdAt: now,
    });
    await updateDossier(tx, dossierId, { updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId,
      actorId: user.id,
      type: input.internal ? 'note.posted' : 'message.posted',
      payload: { messageId: row.id, kind: input.kind, internal: input.internal, medical },
      occurredAt: now,
    });
    await notifyOtherSide(tx, dossier, user, row, now);
    return row;
  });
  publishChange({
    // Live events carry ids only: a handler's page reloads and gets the placeholder.
    type: input.internal ? 'note.created' : 'message.created',
    dossierId,
    audience: input.internal ? 'staff' : 'all',
    id: message.id,
    at: now,
  });
  // A file received by e-mail is answered by e-mail (the job checks the file's channel; docs/intake.md).
  if (!input.internal && user.role !== 'member') {
    await jobQueueOf(ctx)?.send('intake-reply-email', { messageId: message.id });
  }
  return {
    message,
    author: { id: user.id, displayName: user.displayName, role: user.role },
  } satisfies MessageWithAuthor;
}

async function medicallyWritableDossier(db: Db, user: UserRow, dossierId: string) {
  const dossier = await readableDossier(db, user, dossierId);
  if (!canWriteMedicalMessage(actorOf(user), dossier)) throw medicalRefusal('medical', 'write');
  if (dossier.erasedAt) throw erasedConflict();
  return dossier;
}

/** Puts a message under medical secrecy (or lifts it): the history records who did it, never the words. */
export async function markMessage(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  messageId: string,
  medical: boolean,
) {
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    const actor = actorOf(user);
    const found = await findMessage(tx, dossier.id, messageId);
    // An internal note is hidden from the member already; a medical one would be hidden from its own authors.
    if (!found || (found.message.internal && audienceOf(actor, dossier).kind !== 'staff')) {
      throw new AppError('NOT_FOUND', 'Message introuvable dans ce dossier.');
    }
    const allowed = medical ? canMarkMedical(actor, dossier) : canUnmarkMedical(actor, dossier);
    if (!allowed) throw medicalRefusal('medical', medical ? 'mark' : 'unmark');
    if (dossier.erasedAt) throw erasedConflict();
    if (found.message.internal && medical) {
      throw new AppError(
        'VALIDATION',
        'Une note interne ne peut pas être placée sous secret médical : ses auteurs ne pourraient plus la lire.',
        'medical',
      );
    }
    if (found.message.medical === medical) return { ...found, changed: false };
    const message = await setMessageMedical(tx, found.message.id, medical);
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: medical ? 'medical.marked' : 'medical.unmarked',
      payload: { piece: 'message', messageId: message.id },
      occurredAt: now,
    });
    return {
      message: messageForReader(medicalAccessOf(user, dossier), message),
      author: found.author,
      changed: true,
    };
  });
  if (result.changed) {
    publishChange({ type: 'message.updated', dossierId, audience: 'all', id: messageId, at: now });
  }
  return { message: result.message, author: result.author };
}

export async function messageRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers/:id/messages',
    {
      schema: {
        tags: ['Messagerie'],
        summary:
          'Messages entre l’adhérent et l’organisme (les notes internes ne sont jamais montrées à l’adhérent)',
        params: dossierParams,
        response: {
          200: messageListSchema,
          401: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema.describe('Organisme absent de Recours : pas de messagerie'),
        },
      },
    },
    async (request) => {
      const rows = await readMessages(ctx, requireUser(request), request.params.id);
      return { messages: rows.map(messageView) };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/messages',
    {
      schema: {
        tags: ['Messagerie'],
        summary: 'Écrire un message, ou une note interne (personnel de l’organisme seulement)',
        params: dossierParams,
        body: z.object({
          body: z
            .string({ error: 'Écrivez votre message.' })
            .trim()
            .min(1, 'Écrivez votre message.')
            .max(
              TEXT_LIMITS.message,
              `Message trop long : ${limitText(TEXT_LIMITS.message)} caractères au plus.`,
            )
            .describe('Texte du message'),
          internal: z.boolean().default(false).describe('true : note interne, invisible de l’adhérent'),
          kind: z
            .enum(['message', 'document_request'])
            .default('message')
            .describe('document_request : l’organisme demande une pièce'),
          medical: z
            .boolean()
            .default(false)
            .describe(
              `true : message médical, adressé au médecin-conseil et non au conseiller. ${MEDICAL_FIELD_HELP}`,
            ),
        }),
        response: {
          201: oneMessageSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema.describe('Organisme absent de Recours : pas de messagerie'),
        },
      },
    },
    async (request, reply) => {
      const created = await postMessage(ctx, requireUser(request), request.params.id, request.body);
      reply.status(201);
      return { message: messageView(created) };
    },
  );

  r.patch(
    '/api/v1/dossiers/:id/messages/:messageId',
    {
      schema: {
        tags: ['Messagerie'],
        summary: 'Placer un message sous secret médical, ou lever ce secret',
        description:
          'L’adhérent, les conseillers et le médecin-conseil placent un message sous secret médical ; seuls l’adhérent et le médecin-conseil le lèvent.',
        params: dossierParams.extend({
          messageId: z.string().uuid('Identifiant de message invalide').describe('Identifiant du message'),
        }),
        body: z.object({ medical: z.boolean().describe(MEDICAL_FIELD_HELP) }),
        response: {
          200: oneMessageSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request) => {
      const updated = await markMessage(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.messageId,
        request.body.medical,
      );
      return { message: messageView(updated) };
    },
  );
}
