import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dossierListSchema, type dossierSchema, oneDossierSchema } from '../../contracts/api/dossiers.ts';
import { DOSSIER_CATEGORIES } from '../../contracts/categories.ts';
import { ORGANISATION_KINDS } from '../../contracts/organisation-kinds.ts';
import { PRIORITIES } from '../../contracts/priorities.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import { calendarDateSchema } from '../../domain/deadlines/schema.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { createDossier, listVisibleDossiers, openDossier } from './use-cases.ts';

// Bounded to 1900–2100, like every date of the API (see calendar-date.ts).
const calendarDate = calendarDateSchema;

function dossierView(row: DossierRow): z.infer<typeof dossierSchema> {
  return {
    id: row.id,
    reference: row.reference,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
    category: row.category,
    title: row.title,
    description: row.description,
    status: row.status,
    amountCents: row.amountCents,
    complaintSentOn: row.facts.complaintSentOn ?? null,
    suggestedCategory: row.suggestedCategory,
    priority: row.priority,
    transmittedAt: row.transmittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function dossierRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags: ['Dossiers'],
        summary: 'Dossiers visibles : les siens pour un adhérent, ceux de son organisme pour un conseiller',
        response: { 200: dossierListSchema, 401: errorBodySchema },
      },
    },
    async (request) => {
      const rows = await listVisibleDossiers(ctx, requireUser(request));
      return { dossiers: rows.map(dossierView) };
    },
  );

  r.get(
    '/api/v1/dossiers/:id',
    {
      schema: {
        tags: ['Dossiers'],
        summary: 'Un dossier (chaque consultation est journalisée)',
        params: z.object({ id: z.string().uuid('Identifiant de dossier invalide') }),
        response: { 200: oneDossierSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const row = await openDossier(ctx, requireUser(request), request.params.id);
      return { dossier: dossierView(row) };
    },
  );

  r.post(
    '/api/v1/dossiers',
    {
      // The creation's statement checks the session itself (issue 12): no separate read of the session table.
      config: { sessionRecheckedByStatement: true },
      schema: {
        tags: ['Dossiers'],
        summary: 'Ouvrir un dossier (idempotent avec l’en-tête Idempotency-Key)',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: z.object({
          organisationId: z.string().uuid().optional(),
          organisationName: z.string().trim().min(2).max(200).optional(),
          organisationKind: z.enum(ORGANISATION_KINDS).optional(),
          category: z.enum(DOSSIER_CATEGORIES),
          title: z.string().trim().min(3, 'Donnez un titre de 3 caractères au moins').max(200),
          description: z.string().max(TEXT_LIMITS.complaintDescription).default(''),
          amountCents: z.number().int().min(0).max(100_000_000).optional(),
          complaintSentOn: calendarDate.optional(),
        }),
        response: {
          200: oneDossierSchema,
          201: oneDossierSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const token = request.sessionToken!;
      const { dossier, created } = await createDossier(
        ctx,
        user,
        { ...request.body, idempotencyKey: request.headers['idempotency-key'] },
        token,
      ).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'UNAUTHENTICATED') app.forgetSession(token);
        throw error;
      });
      reply.status(created ? 201 : 200);
      return { dossier: dossierView(dossier) };
    },
  );
}
