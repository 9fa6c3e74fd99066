import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transmittedSchema } from '../../contracts/api/dossiers.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { lockDossier, updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { canReadDossier } from '../../domain/access/policy.ts';
import { mergeFacts } from '../../domain/dossiers/facts.ts';
import { decideTransmission } from '../../domain/dossiers/transmission.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, domainInputError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { deadlinesOf, todayInParis } from '../shared/deadline-projection.ts';
import { dossierParams } from '../shared/dossier-access.ts';

/**
 * The member sends his private draft to the organisation (issue 16). One transaction: the file, its facts (the
 * transmission is the written complaint when none was recorded) and the history event; a retry finds the file
 * already transmitted and answers 409 without changing anything.
 */
export async function transmitDossier(ctx: AppContext, user: UserRow, dossierId: string) {
  const now = ctx.now();
  const today = todayInParis(now);
  const dossier = await ctx.database.db.transaction(async (tx) => {
    const found = await lockDossier(tx, dossierId);
    const actor = actorOf(user);
    if (!found || !canReadDossier(actor, found)) {
      throw new AppError('NOT_FOUND', 'Dossier introuvable, ou vous n’y avez pas accès.');
    }
    const facts = (found.facts ?? {}) as Record<string, unknown>;
    const decision = decideTransmission(actor, { ...found, erased: found.erasedAt !== null, facts }, today);
    if (!decision.ok) {
      throw new AppError(
        decision.error.code === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT',
        decision.error.message,
      );
    }
    const merged = mergeFacts(facts, decision.value.factsPatch);
    const check = deadlinesOf({ ...found, facts: merged.facts }, now);
    if (!check.ok) throw domainInputError(check.error);
    const updated = await updateDossier(tx, found.id, {
      transmittedAt: now,
      status: decision.value.status,
      facts: merged.facts,
      updatedAt: now,
    });
    await appendAuditEvent(tx, {
      dossierId: found.id,
      actorId: user.id,
      type: 'dossier.transmitted',
      payload: {
        before: { status: found.status },
        after: { status: updated.status },
        facts: merged.changes.map((c) => c.field),
      },
      occurredAt: now,
    });
    return updated;
  });
  publishChange({ type: 'status.changed', dossierId, audience: 'all', at: now });
  return dossier;
}

export async function transmissionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/dossiers/:id/transmit',
    {
      schema: {
        tags: ['Dossiers'],
        summary:
          'Transmettre le brouillon à l’organisme : jusque-là, il ne voit ni le dossier ni ses messages',
        params: dossierParams,
        response: {
          200: transmittedSchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema.describe('Déjà transmis, organisme absent de Recours ou données effacées'),
        },
      },
    },
    async (request) => {
      const dossier = await transmitDossier(ctx, requireUser(request), request.params.id);
      return { status: dossier.status, transmittedAt: dossier.transmittedAt!.toISOString() };
    },
  );
}
