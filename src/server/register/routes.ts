import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bulkResultSchema,
  bulkResultsSchema,
  handlerListSchema,
  mediationPageSchema,
  type registerEntrySchema,
  registerPageSchema,
  staffSummarySchema,
} from '../../contracts/api/register.ts';
import { CATEGORY_LABELS, type DossierCategory } from '../../contracts/categories.ts';
import { type DossierStatus, STATUS_LABELS } from '../../contracts/dossier-status.ts';
import { PRIORITIES } from '../../domain/register/actions.ts';
import type { DecisionOutcome } from '../../domain/register/answer.ts';
import type { SlaClock } from '../../domain/register/sla.ts';
import { DECISION_LABELS } from '../../domain/register/staff-summary.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { factsOf } from '../shared/handled-dossier.ts';
import { filtersOf, registerFilterQuery } from '../shared/register-filters.ts';
import { listMediations } from './mediations.ts';
import { registerReader } from './read-after-write.ts';
import { staffSummary } from './summary.ts';
import { BulkRefusedError, listRegister, listStaff, type RegisterEntry, runBulk } from './use-cases.ts';

const TAG = 'Registre des réclamations';
/** Offsets are bounded: deep pages go by cursor (keyset), whose cost does not grow with depth. */
const MAX_OFFSET = 10_000;

function clockView(c: SlaClock) {
  return {
    colour: c.colour,
    dueDate: c.dueDate,
    daysLeft: c.daysLeft,
    status: c.status,
    actionable: c.actionable,
    label: c.label,
    outcome: c.outcome,
    doneOn: c.doneOn,
    daysLate: c.daysLate,
  };
}

function entryView(e: RegisterEntry): z.infer<typeof registerEntrySchema> {
  const { row } = e;
  const f = factsOf(row) as Record<string, string | undefined>;
  return {
    id: row.id,
    reference: row.reference,
    title: row.erasedAt ? '(données effacées)' : row.title,
    category: row.category,
    categoryLabel: CATEGORY_LABELS[row.category as DossierCategory] ?? row.category,
    suggestedCategory: row.erasedAt ? null : row.suggestedCategory,
    channel: row.channel,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status as DossierStatus] ?? row.status,
    priority: row.priority,
    memberName: row.erasedAt ? '(effacé)' : row.memberName,
    assignedHandler:
      row.assignedHandlerId && row.handlerName ? { id: row.assignedHandlerId, name: row.handlerName } : null,
    amountCents: row.amountCents,
    complaintSentOn: f.complaintSentOn ?? null,
    complaintReceivedOn: f.complaintReceivedOn ?? null,
    acknowledgedOn: f.acknowledgedOn ?? null,
    answerReceivedOn: f.answerReceivedOn ?? null,
    decision: row.decision,
    decisionLabel: row.decision ? (DECISION_LABELS[row.decision as DecisionOutcome] ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    sla: {
      colour: e.colour,
      acknowledgment: clockView(e.clocks.acknowledgment),
      answer: clockView(e.clocks.answer),
    },
  };
}

const bulkRefusalSchema = errorBodySchema
  .extend({ results: z.array(bulkResultSchema).describe('Détail par dossier') })
  .describe('Demande groupée refusée : aucune modification');
const bulkErrors = {
  400: bulkRefusalSchema.or(errorBodySchema),
  401: errorBodySchema,
  403: bulkRefusalSchema.or(errorBodySchema),
  404: bulkRefusalSchema.or(errorBodySchema),
  409: bulkRefusalSchema.or(errorBodySchema),
  422: errorBodySchema,
};
const bulkMode = z
  .enum(['eligible', 'all_or_nothing'])
  .default('all_or_nothing')
  .describe(
    'eligible : appliquer aux dossiers possibles et signaler les autres ; all_or_nothing (par défaut) : rien si un dossier bloque',
  );
const dossierIds = z
  .array(z.string().uuid('Identifiant de dossier invalide'))
  .min(1, 'Choisissez au moins un dossier')
  .max(200, '200 dossiers au plus par demande groupée')
  .describe('Dossiers concernés');

export async function registerRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/register',
    {
      schema: {
        tags: [TAG],
        summary:
          'Registre des réclamations de l’organisme : filtres, recherche, délais ACPR en feux tricolores',
        description:
          'Réservé au personnel de l’organisme (conseiller, superviseur, auditeur, administrateur). Tri par urgence (rouge d’abord, puis échéance la plus proche) ou par date de réclamation.',
        querystring: registerFilterQuery.extend({
          sort: z
            .enum(['urgency', 'date', 'relevance'])
            .optional()
            .describe(
              'urgency (par défaut), date (plus récentes d’abord) ou relevance (pertinence, par défaut avec une recherche)',
            ),
          limit: z.coerce
            .number('Taille de page invalide : un nombre entre 1 et 200 est attendu')
            .int('Taille de page invalide : un nombre entier est attendu')
            .min(1, 'Taille de page invalide : 1 au moins')
            .max(200, 'Taille de page trop grande : 200 au plus')
            .default(50)
            .describe('Taille de la page (200 au plus)'),
          offset: z.coerce
            .number('Décalage invalide : un nombre est attendu')
            .int('Décalage invalide : un nombre entier est attendu')
            .min(0, 'Décalage invalide : 0 au moins')
            .max(MAX_OFFSET, `Décalage trop grand (${MAX_OFFSET} au plus) : suivez les pages avec « cursor »`)
            .default(0)
            .describe(
              `Décalage borné (${MAX_OFFSET} au plus) ; préférez « cursor » pour aller loin dans la liste`,
            ),
          cursor: z
            .string()
            .max(500, 'Curseur de page invalide : reprenez le registre depuis la première page.')
            .optional()
            .describe('Curseur de la page suivante (nextCursor de la page précédente)'),
        }),
        response: {
          200: registerPageSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await listRegister(
        ctx,
        requireUser(request),
        {
          ...filtersOf(q),
          sort: q.sort,
          limit: q.limit,
          offset: q.offset,
          cursor: q.cursor,
        },
        registerReader(ctx, request),
      );
      return {
        total: result.total,
        totalCapped: result.totalCapped,
        limit: q.limit,
        offset: q.offset,
        sort: result.sort,
        nextCursor: result.nextCursor,
        today: result.today,
        items: result.items.map(entryView),
      };
    },
  );

  r.get(
    '/api/v1/register/handlers',
    {
      schema: {
        tags: [TAG],
        summary: 'Conseillers et superviseurs de l’organisme, avec leur nombre de dossiers ouverts',
        response: {
          200: handlerListSchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => ({ handlers: await listStaff(ctx, requireUser(request)) }),
  );

  const sendBulk = async (
    reply: import('fastify').FastifyReply,
    run: () => Promise<Awaited<ReturnType<typeof runBulk>>>,
  ) => {
    try {
      return { results: await run() };
    } catch (error) {
      if (error instanceof BulkRefusedError) {
        return reply.status(error.status).send({
          error: { code: error.code, message: error.message, field: error.field },
          results: error.results,
        });
      }
      throw error;
    }
  };

  r.post(
    '/api/v1/register/assign',
    {
      schema: {
        tags: [TAG],
        summary:
          'Attribuer ou réattribuer des dossiers à un conseiller (un conseiller peut prendre un dossier libre)',
        body: z.object({
          dossierIds,
          handlerId: z
            .string()
            .uuid('Identifiant de conseiller invalide')
            .nullable()
            .describe('Conseiller ou superviseur de l’organisme ; null pour retirer l’attribution'),
        }),
        response: { 200: bulkResultsSchema, ...bulkErrors },
      },
    },
    async (request, reply) =>
      sendBulk(reply, () => runBulk(ctx, requireUser(request), { action: 'assign', ...request.body })),
  );

  r.post(
    '/api/v1/register/bulk',
    {
      schema: {
        tags: [TAG],
        summary:
          'Action groupée (attribuer, changer la priorité, accuser réception) : tout ou rien, ou aux seuls dossiers possibles (mode eligible) ; chaque dossier vérifié et journalisé',
        body: z.discriminatedUnion('action', [
          z.object({
            action: z.literal('assign').describe('Attribuer'),
            mode: bulkMode,
            dossierIds,
            handlerId: z
              .string()
              .uuid('Identifiant de conseiller invalide')
              .nullable()
              .describe('Conseiller, ou null'),
          }),
          z.object({
            action: z.literal('priority').describe('Changer la priorité'),
            mode: bulkMode,
            dossierIds,
            priority: z.enum(PRIORITIES).describe('normal, high ou urgent'),
          }),
          z.object({
            action: z.literal('acknowledge').describe('Accuser réception'),
            mode: bulkMode,
            dossierIds,
          }),
        ]),
        response: { 200: bulkResultsSchema, ...bulkErrors },
      },
    },
    async (request, reply) => sendBulk(reply, () => runBulk(ctx, requireUser(request), request.body)),
  );

  r.get(
    '/api/v1/register/dossiers/:id/summary',
    {
      schema: {
        tags: [TAG],
        summary:
          'Synthèse d’un dossier pour le personnel : adhérent et coordonnées, conseiller, priorité, délais, prochaine action',
        description:
          'Réservé au personnel de l’organisme du dossier. La lecture est journalisée. Avant un accusé de réception, dit s’il est tardif et le texte qui sera envoyé.',
        params: z.object({ id: z.string().uuid('Identifiant de dossier invalide') }),
        response: {
          200: staffSummarySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const s = await staffSummary(ctx, requireUser(request), request.params.id);
      return {
        ...s,
        clocks: { acknowledgment: clockView(s.clocks.acknowledgment), answer: clockView(s.clocks.answer) },
      };
    },
  );

  r.get(
    '/api/v1/register/mediations',
    {
      schema: {
        tags: [TAG],
        summary:
          'Dossiers confiés au médiateur connecté, par pages, avec le délai de 90 jours de chacun (C. consom. R612-5)',
        querystring: z.object({
          after: z
            .string()
            .max(40)
            .optional()
            .describe('Référence du dernier dossier de la page précédente (page suivante)'),
        }),
        response: {
          200: mediationPageSchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => listMediations(ctx, requireUser(request), request.query.after),
  );
}
