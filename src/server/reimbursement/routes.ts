import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importedGuaranteesSchema } from '../../contracts/api/reimbursement.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { simulateReimbursement } from '../../domain/reimbursement/engine.ts';
import { parseGuaranteesCsv, parseGuaranteesJson } from '../../domain/reimbursement/guarantees-import.ts';
import { ReimbursementInputSchema, ReimbursementOutputSchema } from '../../domain/reimbursement/schema.ts';
import type { AppContext } from '../context.ts';
import { validatedByDomain } from '../domain-route.ts';
import { AppError, domainInputError, errorBodySchema } from '../errors.ts';

/** Public: anyone may check a reimbursement, without an account (nothing is stored). */
export async function reimbursementRoutes(app: FastifyInstance, _ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/reimbursements/simulate',
    {
      ...validatedByDomain,
      schema: {
        tags: ['Remboursements'],
        summary:
          'Recalculer ce que doivent l’Assurance maladie et le contrat, et les écarts avec ce qui a été versé',
        description:
          'Par acte : base de remboursement, part AMO brute et nette, ticket modérateur, participation forfaitaire, franchises, forfaits hospitaliers, part complémentaire, reste à charge, chacun expliqué et sourcé. Voir docs/reimbursement.md.',
        body: ReimbursementInputSchema,
        response: { 200: ReimbursementOutputSchema, 400: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => {
      const result = simulateReimbursement(request.body);
      if (!result.ok) throw domainInputError(result.error);
      return result.value;
    },
  );

  r.post(
    '/api/v1/reimbursements/guarantees/import',
    {
      schema: {
        tags: ['Remboursements'],
        summary: 'Lire un tableau de garanties collé en CSV ou en JSON',
        body: z.object({
          format: z
            .enum(['csv', 'json'])
            .describe('csv : séparateur ; ou , et décimales françaises (« 150 % », « 100,00 € »)'),
          text: z.string().min(1, 'Collez le tableau de garanties').max(TEXT_LIMITS.guaranteeTable),
        }),
        response: { 200: importedGuaranteesSchema, 400: errorBodySchema },
      },
    },
    async (request) => {
      const { format, text } = request.body;
      const result = format === 'csv' ? parseGuaranteesCsv(text) : parseGuaranteesJson(text);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.field, 400);
      return { guarantees: result.value };
    },
  );
}
