import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invitationCheckSchema } from '../../contracts/api/auth.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { acceptInvitation, findInvitation } from '../../db/repositories/staff.ts';
import { findUserById } from '../../db/repositories/users.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';

const token = z.string().min(20, 'Lien d’invitation incomplet : recopiez-le en entier').max(200);
const EXPIRED =
  'Ce lien d’invitation n’est plus valable : demandez à votre administrateur de vous en renvoyer un.';

/** The invited member of staff opens the link and chooses a password (public routes: the token is the proof). */
export async function invitationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.post(
    '/api/auth/invitation/check',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Lire une invitation avant de choisir son mot de passe',
        body: z.object({ token }),
        response: {
          200: invitationCheckSchema,
          400: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const found = await findInvitation(db, request.body.token, ctx.now());
      if (!found) throw new AppError('NOT_FOUND', EXPIRED);
      return { displayName: found.displayName, email: found.email };
    },
  );

  r.post(
    '/api/auth/invitation/accept',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Choisir son mot de passe à partir d’une invitation',
        body: z.object({
          token,
          password: z
            .string()
            .min(10, 'Le mot de passe doit compter au moins 10 caractères')
            .max(200, 'Le mot de passe ne peut dépasser 200 caractères'),
        }),
        response: { 204: z.null(), 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const now = ctx.now();
      const found = await findInvitation(db, request.body.token, now);
      if (!found) throw new AppError('NOT_FOUND', EXPIRED);
      const passwordHash = await hashPassword(request.body.password);
      const user = await findUserById(db, found.userId);
      await db.transaction(async (tx) => {
        await acceptInvitation(tx, found.userId, passwordHash);
        await appendAuditEvent(tx, {
          dossierId: null,
          organisationId: user?.organisationId ?? null,
          actorId: found.userId,
          type: 'staff.invitation_accepted',
          payload: { userId: found.userId },
          occurredAt: now,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
