import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { satisfactionSchema } from '../../contracts/api/dossiers.ts';
import { limitText, TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { lockDossier, updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { canReadDossier } from '../../domain/access/policy.ts';
import { canDo } from '../../domain/dossiers/permissions.ts';
import { decideSatisfaction } from '../../domain/dossiers/satisfaction.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { dossierParams } from '../shared/dossier-access.ts';

export async function recordSatisfaction(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  input: { score: number; comment?: string | undefined },
) {
  const now = ctx.now();
  const dossier = await ctx.database.db.transaction(async (tx) => {
    const found = await lockDossier(tx, dossierId);
    const actor = actorOf(user);
    if (!found || !canReadDossier(actor, found)) {
      throw new AppError('NOT_FOUND', 'Dossier introuvable, ou vous n’y avez pas accès.');
    }
    if (!canDo(actor, found, 'satisfaction.write')) {
      throw new AppError(
        'FORBIDDEN',
        'Seul l’adhérent qui a porté le dossier donne son avis sur son traitement.',
      );
    }
    const decision = decideSatisfaction(found);
    if (!decision.ok) throw new AppError('CONFLICT', decision.error.message, decision.error.field);
    const updated = await updateDossier(tx, found.id, {
      satisfactionScore: input.score,
      satisfactionComment: input.comment ?? null,
      updatedAt: now,
    });
    // The score only: the comment is free text, kept on the file (erasable), not in the unalterable chain.
    await appendAuditEvent(tx, {
      dossierId: found.id,
      actorId: user.id,
      type: 'dossier.satisfaction_recorded',
      payload: { after: { score: input.score, withComment: !!input.comment } },
      occurredAt: now,
    });
    return updated;
  });
  publishChange({ type: 'satisfaction.recorded', dossierId, audience: 'all', at: now });
  return dossier;
}

export async function surveyRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/dossiers/:id/satisfaction',
    {
      schema: {
        tags: ['Dossiers'],
        summary: 'Donner son avis sur le traitement du dossier, une fois clos (une seule réponse)',
        params: dossierParams,
        body: z.object({
          score: z
            .number({ error: 'Donnez une note de 1 à 5.' })
            .int('Donnez une note entière de 1 à 5.')
            .min(1, 'La note va de 1 à 5.')
            .max(5, 'La note va de 1 à 5.')
            .describe('1 (pas du tout satisfait) à 5 (très satisfait)'),
          comment: z
            .string()
            .trim()
            .max(
              TEXT_LIMITS.satisfactionComment,
              `Commentaire trop long : ${limitText(TEXT_LIMITS.satisfactionComment)} caractères au plus.`,
            )
            .optional()
            .transform((v) => (v ? v : undefined))
            .describe('Commentaire libre, facultatif'),
        }),
        response: {
          201: satisfactionSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema.describe('Dossier pas encore clos, ou avis déjà donné'),
        },
      },
    },
    async (request, reply) => {
      const dossier = await recordSatisfaction(ctx, requireUser(request), request.params.id, request.body);
      reply.status(201);
      return { score: dossier.satisfactionScore!, comment: dossier.satisfactionComment };
    },
  );
}
