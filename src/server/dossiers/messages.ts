import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { insertMessage, listMessages, type MessageRow } from '../../db/repositories/dossier-messages.ts';
import { notify, staffOf } from '../../db/repositories/dossier-notifications.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { ROLES } from '../../domain/access/roles.ts';
import { audienceOf, canDo } from '../../domain/dossiers/permissions.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { dossierParams, logRead, readableDossier, writableDossier } from './access.ts';

export const messageSchema = z.object({
  id: z.string().uuid(),
  body: z.string(),
  kind: z.enum(['message', 'document_request']).describe('message, ou document_request (pièce demandée)'),
  internal: z.boolean().describe('Note interne : visible des seuls personnels de l’organisme'),
  author: z.object({ id: z.string().uuid(), displayName: z.string(), role: z.enum(ROLES) }),
  createdAt: z.string(),
});

type MessageWithAuthor = {
  message: MessageRow;
  author: { id: string; displayName: string; role: (typeof ROLES)[number] };
};

export function messageView({ message, author }: MessageWithAuthor): z.infer<typeof messageSchema> {
  return {
    id: message.id,
    body: message.body,
    kind: message.kind === 'document_request' ? 'document_request' : 'message',
    internal: message.internal,
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
  const { db } = ctx.database;
  const dossier = await readableDossier(db, user, dossierId);
  requireOrganisationOnRecours(dossier);
  await logRead(db, ctx, user, dossier.id, 'messages');
  // Internal notes are filtered in SQL for anyone who is not the organisation's own staff.
  const includeInternal = audienceOf(actorOf(user), dossier).kind === 'staff';
  return listMessages(db, dossier.id, { includeInternal });
}

export interface NewMessageInput {
  body: string;
  internal: boolean;
  kind: 'message' | 'document_request';
}

async function notifyOtherSide(db: Db, dossier: DossierRow, author: UserRow, message: MessageRow, now: Date) {
  if (message.internal) return;
  const title = `Nouveau message — dossier ${dossier.reference}`;
  const base = { dossierId: dossier.id, kind: 'message', createdAt: now };
  if (author.role === 'member') {
    // A draft's messages stay with the member until he transmits the file (issue 16): nobody to tell yet.
    if (!dossier.transmittedAt) return;
    const recipients = dossier.assignedHandlerId
      ? [{ id: dossier.assignedHandlerId }]
      : await staffOf(db, dossier.organisationId!, ['handler', 'supervisor']);
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
      body:
        message.kind === 'document_request'
          ? 'L’organisme vous demande une pièce : ouvrez le dossier pour la déposer.'
          : 'L’organisme vous a écrit : ouvrez le dossier pour lire son message.',
      dedupeKey: `message:${message.id}:${dossier.memberId}`,
    },
  ]);
}

export async function postMessage(ctx: AppContext, user: UserRow, dossierId: string, input: NewMessageInput) {
  const now = ctx.now();
  const message = await ctx.database.db.transaction(async (tx) => {
    const dossier = await writableDossier(
      tx,
      user,
      dossierId,
      'message.write',
      'Seuls l’adhérent et les conseillers de l’organisme écrivent dans la messagerie du dossier.',
    );
    requireOrganisationOnRecours(dossier);
    const actor = actorOf(user);
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
      createdAt: now,
    });
    await updateDossier(tx, dossierId, { updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId,
      actorId: user.id,
      type: input.internal ? 'note.posted' : 'message.posted',
      payload: { messageId: row.id, kind: input.kind, internal: input.internal },
      occurredAt: now,
    });
    await notifyOtherSide(tx, dossier, user, row, now);
    return row;
  });
  publishChange({
    type: input.internal ? 'note.created' : 'message.created',
    dossierId,
    audience: input.internal ? 'staff' : 'all',
    id: message.id,
    at: now,
  });
  return {
    message,
    author: { id: user.id, displayName: user.displayName, role: user.role },
  } satisfies MessageWithAuthor;
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
          200: z.object({ messages: z.array(messageSchema) }),
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
            .max(10_000, 'Message trop long : 10 000 caractères au plus.')
            .describe('Texte du message'),
          internal: z.boolean().default(false).describe('true : note interne, invisible de l’adhérent'),
          kind: z
            .enum(['message', 'document_request'])
            .default('message')
            .describe('document_request : l’organisme demande une pièce'),
        }),
        response: {
          201: z.object({ message: messageSchema }),
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
}
