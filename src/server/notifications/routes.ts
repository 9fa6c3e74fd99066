import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationListSchema,
  notificationReadSchema,
  type notificationSchema,
} from '../../contracts/api/notifications.ts';
import { countUnread, markRead, notificationsOf } from '../../db/repositories/notifications.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';

const TAG = 'Notifications';

type Row = Awaited<ReturnType<typeof notificationsOf>>[number];
const view = (n: Row) => ({
  ...n,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});

export async function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: [TAG],
        summary: 'Mes notifications (rappels de délais, réponses, attributions), les plus récentes d’abord',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional().describe('true : seulement les non lues'),
          limit: z.coerce.number().int().min(1).max(200).default(50).describe('Nombre maximum'),
        }),
        response: {
          200: notificationListSchema,
          401: errorBodySchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { db } = ctx.database;
      const rows = await notificationsOf(db, user.id, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
      });
      return { unread: await countUnread(db, user.id), notifications: rows.map(view) };
    },
  );

  r.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: [TAG],
        summary: 'Marquer une de mes notifications comme lue',
        params: z.object({
          id: z.string().uuid('Identifiant de notification invalide').describe('Notification'),
        }),
        response: {
          200: notificationReadSchema,
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await markRead(ctx.database.db, user.id, request.params.id, ctx.now());
      if (!row) throw new AppError('NOT_FOUND', 'Notification introuvable.');
      return { id: row.id, readAt: (row.readAt ?? ctx.now()).toISOString() };
    },
  );
}
