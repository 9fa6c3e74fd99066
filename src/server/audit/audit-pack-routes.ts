import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import { checkPeriod } from '../../domain/kpi/period.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { auditPackData, auditPackPdf } from './audit-pack.ts';
import { latestCheckpoints } from './checkpoints.ts';
import { requireAuditor, runVerification } from './use-cases.ts';

const date = z.iso.date('Date invalide : attendu AAAA-MM-JJ (exemple : 2026-11-23)');
const periodQuery = z.object({
  from: date.describe('Début de période (date de réception, incluse)'),
  to: date.describe('Fin de période (incluse)'),
  asOf: date.optional().describe('Date d’arrêté (par défaut : aujourd’hui, Paris)'),
});

/** The audit pack of a period (issue 14): auditors and admins, the readers of the history it verifies. */
export async function auditPackRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/audit-pack',
    {
      schema: {
        tags: ['Pilotage'],
        summary:
          'Dossier d’audit d’une période (PDF) : délais et dossiers en retard, médiateur dans les réponses, comité d’éthique, vérification de l’historique',
        description: 'Auditeurs et administrateurs, comme l’historique.',
        querystring: periodQuery,
        produces: ['application/pdf'],
        response: {
          200: z.any().describe('Fichier PDF'),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const organisationId = requireAuditor(user);
      const now = ctx.now();
      const checked = checkPeriod(request.query, parisDateOf(now));
      if (!checked.ok) throw new AppError('VALIDATION', checked.error.message, checked.error.field);
      const period = checked.value;
      // The verification reads the whole history (integrity is platform-wide); only this organisation's breaks
      // are detailed (runVerification).
      const [verification, [checkpoint]] = await Promise.all([
        runVerification(ctx, user),
        latestCheckpoints(ctx.database.db, 1),
      ]);
      const data = await auditPackData(ctx.database.db, {
        organisationId,
        period,
        verification,
        checkpoint,
        generatedAt: now,
      });
      await logAuditEvent(ctx.database.db, {
        dossierId: null,
        organisationId,
        actorId: user.id,
        type: 'report.audit_pack_exported',
        payload: { from: period.from, to: period.to, asOf: period.asOf },
        occurredAt: now,
      });
      reply
        .header('content-disposition', `attachment; filename="dossier-audit-${period.from}-${period.to}.pdf"`)
        .header('cache-control', 'no-store');
      return reply.type('application/pdf').send(await auditPackPdf(data));
    },
  );
}
