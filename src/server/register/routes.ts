import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COUNT_CAP } from '../../db/repositories/register.ts';
import { calendarDateSchema } from '../../domain/deadlines/schema.ts';
import {
  CATEGORY_LABELS,
  DOSSIER_CATEGORIES,
  type DossierCategory,
} from '../../domain/dossiers/categories.ts';
import { DOSSIER_STATUSES, type DossierStatus, STATUS_LABELS } from '../../domain/dossiers/status.ts';
import { PRIORITIES } from '../../domain/register/actions.ts';
import type { DecisionOutcome } from '../../domain/register/answer.ts';
import { SLA_COLOURS, type SlaClock } from '../../domain/register/sla.ts';
import { DECISION_LABELS } from '../../domain/register/staff-summary.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { factsOf } from '../handling/use-cases.ts';
import { filtersOf, registerFilterQuery } from './filter-query.ts';
import { listMediations } from './mediations.ts';
import { staffSummary } from './summary.ts';
import { BulkRefusedError, listRegister, listStaff, type RegisterEntry, runBulk } from './use-cases.ts';

const TAG = 'Registre des réclamations';
/** Offsets are bounded: deep pages go by cursor (keyset), whose cost does not grow with depth. */
const MAX_OFFSET = 10_000;

const clockSchema = z
  .object({
    colour: z
      .enum(SLA_COLOURS)
      .describe(
        'red : dépassé ou dernier jour ; amber : peu de jours ; green : respecté ou marge ; grey : sans objet',
      ),
    dueDate: z.string().nullable().describe('Échéance (AAAA-MM-JJ)'),
    daysLeft: z.number().int().nullable().describe('Jours calendaires restants (négatif : dépassé)'),
    status: z.string().describe('État du délai selon le moteur de délais'),
    actionable: z.boolean().describe('Une action reste à faire avant ou après l’échéance'),
    label: z.string().describe('Libellé court'),
    outcome: z
      .enum(['met', 'late'])
      .nullable()
      .describe('Une fois l’acte fait : met (dans le délai) ou late (en retard) ; null sinon'),
    doneOn: z.string().nullable().describe('Jour de l’acte (accusé de réception ou réponse)'),
    daysLate: z.number().int().nullable().describe('Jours de retard au jour de l’acte (fixe)'),
  })
  .describe('Horloge de délai ACPR');

const entrySchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string().describe('Référence du dossier'),
    title: z.string().describe('Objet'),
    category: z.string().describe('Catégorie'),
    categoryLabel: z.string().describe('Catégorie en clair'),
    suggestedCategory: z.string().nullable().describe('Catégorie que la lecture du texte suggère'),
    channel: z.string().describe('Canal de réception (web, email, courrier, téléphone…)'),
    status: z.string().describe('Statut'),
    statusLabel: z.string().describe('Statut en clair'),
    priority: z.enum(PRIORITIES).describe('Priorité'),
    memberName: z.string().describe('Adhérent'),
    assignedHandler: z
      .object({ id: z.string().uuid(), name: z.string() })
      .nullable()
      .describe('Conseiller en charge'),
    amountCents: z.number().int().nullable().describe('Montant en jeu, en centimes'),
    complaintSentOn: z.string().nullable().describe('Envoi de la réclamation écrite'),
    complaintReceivedOn: z.string().nullable().describe('Réception de la réclamation'),
    acknowledgedOn: z.string().nullable().describe('Accusé de réception'),
    answerReceivedOn: z.string().nullable().describe('Réponse motivée'),
    decision: z.string().nullable().describe('Sens de la réponse'),
    decisionLabel: z.string().nullable().describe('Sens de la réponse en clair'),
    createdAt: z.string().describe('Ouverture du dossier sur Recours'),
    sla: z
      .object({
        colour: z.enum(SLA_COLOURS).describe('Pire couleur des deux horloges'),
        acknowledgment: clockSchema,
        answer: clockSchema,
      })
      .describe('Délais ACPR 2024-R-02 (accusé de réception 10 jours ouvrables, réponse 2 mois)'),
  })
  .describe('Ligne du registre');

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

function entryView(e: RegisterEntry): z.infer<typeof entrySchema> {
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

const bulkResultSchema = z
  .object({
    dossierId: z.string().uuid(),
    reference: z.string().nullable().describe('Référence (absente pour un dossier introuvable)'),
    outcome: z
      .enum(['done', 'unchanged', 'refused', 'not_applied'])
      .describe(
        'done : fait ; unchanged : déjà ainsi ; refused : refusé ; not_applied : non appliqué (tout ou rien)',
      ),
    message: z.string().describe('Ce qui a été fait, ou pourquoi pas'),
  })
  .describe('Résultat pour un dossier');
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
          200: z
            .object({
              total: z
                .number()
                .int()
                .describe(`Nombre de dossiers correspondant aux filtres (compté jusqu’à ${COUNT_CAP})`),
              totalCapped: z.boolean().describe(`true : plus de ${COUNT_CAP} dossiers correspondent`),
              limit: z.number().int(),
              offset: z.number().int(),
              sort: z.enum(['urgency', 'date', 'relevance']).describe('Ordre appliqué'),
              nextCursor: z
                .string()
                .nullable()
                .describe('Curseur de la page suivante ; null : dernière page'),
              today: z.string().describe('Date du jour (Paris) à laquelle les délais sont évalués'),
              items: z.array(entrySchema),
            })
            .describe('Page du registre'),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await listRegister(ctx, requireUser(request), {
        ...filtersOf(q),
        sort: q.sort,
        limit: q.limit,
        offset: q.offset,
        cursor: q.cursor,
      });
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
          200: z.object({
            handlers: z.array(
              z.object({
                id: z.string().uuid(),
                displayName: z.string().describe('Nom'),
                role: z.string().describe('handler ou supervisor'),
                openFiles: z.number().int().describe('Dossiers ouverts attribués'),
              }),
            ),
          }),
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
        response: { 200: z.object({ results: z.array(bulkResultSchema) }), ...bulkErrors },
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
        response: { 200: z.object({ results: z.array(bulkResultSchema) }), ...bulkErrors },
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
          200: z
            .object({
              id: z.string().uuid(),
              reference: z.string(),
              status: z.string(),
              priority: z.enum(PRIORITIES),
              member: z.object({
                name: z.string().describe('Adhérent'),
                email: z.string().nullable().describe('Adresse électronique'),
                postalAddress: z.string().nullable().describe('Adresse postale'),
                memberNumber: z.string().nullable().describe('Numéro d’adhérent'),
              }),
              organisationReference: z.string().nullable().describe('Référence de l’organisme'),
              assignedHandler: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
              clocks: z.object({ acknowledgment: clockSchema, answer: clockSchema }),
              nextAction: z
                .object({
                  what: z.string().describe('Ce qui est à faire'),
                  dueDate: z.string().nullable().describe('Avant le'),
                  by: z.string().describe('Par qui'),
                  party: z.enum(['organisation', 'member']),
                })
                .nullable()
                .describe('Prochaine action due'),
              answer: z
                .object({
                  answeredOn: z.string().describe('Répondu le'),
                  outcome: z.string().nullable(),
                  outcomeLabel: z.string().nullable().describe('Sens de la réponse en clair'),
                })
                .nullable(),
              acknowledgment: z
                .object({
                  warning: z.string().nullable().describe('Avertissement avant un accusé tardif'),
                  text: z.string().describe('Texte qui sera envoyé à l’adhérent'),
                  late: z.boolean(),
                })
                .nullable()
                .describe('Seulement quand l’accusé de réception est possible'),
              today: z.string(),
            })
            .describe('Synthèse du dossier pour le personnel'),
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
          200: z.object({
            items: z.array(
              z.object({
                id: z.string().uuid(),
                reference: z.string(),
                title: z.string(),
                organisationName: z.string(),
                category: z.string(),
                status: z.string(),
                amountCents: z.number().int().nullable(),
                complaintSentOn: z.string().nullable().describe('Date d’envoi de la réclamation écrite'),
                clock: z.object({
                  colour: z.enum(SLA_COLOURS),
                  dueDate: z.string().nullable().describe('Avis attendu au plus tard le'),
                  label: z.string().describe('Libellé court'),
                }),
              }),
            ),
            total: z.number().int().describe('Nombre de dossiers confiés (plafonné)'),
            totalCapped: z.boolean().describe('Vrai quand il y en a davantage que le nombre indiqué'),
            nextAfter: z.string().nullable().describe('À passer en « after » pour la page suivante'),
          }),
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => listMediations(ctx, requireUser(request), request.query.after),
  );
}
