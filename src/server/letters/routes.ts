import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdLetterSchema,
  letterListSchema,
  letterPreviewSchema,
  type letterSchema,
  mediationChecksSchema,
  sentLetterSchema,
} from '../../contracts/api/letters.ts';
import { DECISION_OUTCOMES } from '../../contracts/decision-outcomes.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { calendarDateSchema } from '../../domain/deadlines/schema.ts';
import {
  LETTER_TYPES,
  letterOptionsSchema,
  letterTypeSchema,
  terminationGroundSchema,
} from '../../domain/letters/schema.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import type { LetterRow } from './repository.ts';
import {
  createLetter,
  letterPdf,
  listDossierLetters,
  markLetterSent,
  mediationBundle,
  mediationBundleChecks,
  pdfUrlOf,
  previewLetter,
} from './use-cases.ts';

// Bounded to 1900–2100, like every date of the API (see calendar-date.ts).
const calendarDate = calendarDateSchema;
const dossierParams = z.object({ id: z.string().uuid('Identifiant de dossier invalide') });
const letterParams = dossierParams.extend({
  letterId: z.string().uuid('Identifiant de courrier invalide'),
});

const SENDING_METHODS = ['recommande_ar', 'lettre_simple', 'email', 'remise_main'] as const;

const shortfallsSchema = z
  .array(
    z.object({
      sentence: z.string().trim().min(1).max(2000).describe('Phrase du simulateur de remboursement'),
      amountCents: z.number().int().describe('Montant manquant, en centimes'),
    }),
  )
  .max(50)
  .describe('Écarts trouvés par le simulateur de remboursement, cités dans le courrier');

function view(row: LetterRow): z.infer<typeof letterSchema> {
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    sentOn: row.sentOn,
    sendingMethod: row.sendingMethod,
    registeredNumber: row.registeredNumber,
    pdfUrl: pdfUrlOf(row),
  };
}

const pdfResponse = z.any().describe('Document PDF (application/pdf)');

export async function letterRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers/:id/letters',
    {
      schema: {
        tags: ['Courriers'],
        summary: 'Courriers du dossier (texte final, envoi)',
        params: dossierParams,
        response: {
          200: letterListSchema,
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const rows = await listDossierLetters(ctx, requireUser(request), request.params.id);
      return { letters: rows.map(view) };
    },
  );

  r.get(
    '/api/v1/dossiers/:id/letters/preview',
    {
      schema: {
        tags: ['Courriers'],
        summary: 'Brouillon d’un courrier rédigé à partir du dossier, sans l’enregistrer (pour l’éditeur)',
        params: dossierParams,
        querystring: z.object({
          type: letterTypeSchema.describe(`Type de courrier : ${LETTER_TYPES.join(', ')}`),
          terminationGround: terminationGroundSchema.optional(),
          answerDays: z.coerce.number().int().min(8).max(60).optional(),
          decisionOutcome: z.enum(DECISION_OUTCOMES).optional(),
          decisionReasons: z.string().max(TEXT_LIMITS.letterDecisionReasons).optional(),
          amountGrantedCents: z.coerce.number().int().min(0).optional(),
          requestedDocument: z.string().max(300).optional().describe('Pièce demandée (demande_piece)'),
        }),
        response: {
          200: letterPreviewSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const options = {
        ...(q.terminationGround ? { terminationGround: q.terminationGround } : {}),
        ...(q.answerDays ? { answerDays: q.answerDays } : {}),
        ...(q.decisionOutcome
          ? {
              decision: {
                outcome: q.decisionOutcome,
                reasons: q.decisionReasons ?? '',
                ...(q.amountGrantedCents !== undefined ? { amountGrantedCents: q.amountGrantedCents } : {}),
              },
            }
          : {}),
        ...(q.requestedDocument ? { requestedDocuments: [q.requestedDocument] } : {}),
      };
      const { letter, text } = await previewLetter(ctx, requireUser(request), request.params.id, {
        type: q.type,
        options,
      });
      return { letter, text };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/letters',
    {
      schema: {
        tags: ['Courriers'],
        summary:
          'Rédiger et enregistrer un courrier (texte éventuellement modifié) ; répond avec l’adresse du PDF',
        params: dossierParams,
        body: z.object({
          type: letterTypeSchema,
          subject: z.string().trim().min(3, 'L’objet doit faire 3 caractères au moins.').max(300).optional(),
          bodyText: z
            .string()
            .trim()
            .min(20, 'Le texte du courrier doit faire 20 caractères au moins.')
            .max(TEXT_LIMITS.letterBody)
            .optional()
            .describe('Texte modifié : paragraphes séparés par une ligne vide'),
          options: letterOptionsSchema.optional(),
          shortfalls: shortfallsSchema.optional(),
        }),
        response: {
          201: createdLetterSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { row } = await createLetter(ctx, requireUser(request), request.params.id, request.body);
      reply.status(201);
      return { letter: view(row), pdfUrl: pdfUrlOf(row) };
    },
  );

  r.get(
    '/api/v1/dossiers/:id/letters/:letterId/pdf',
    {
      schema: {
        tags: ['Courriers'],
        summary: 'Le courrier en PDF (texte final enregistré ; chaque lecture est journalisée)',
        params: letterParams,
        produces: ['application/pdf'],
        response: { 200: pdfResponse, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { row, pdf } = await letterPdf(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.letterId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="courrier-${row.type}-${row.id.slice(0, 8)}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  r.post(
    '/api/v1/dossiers/:id/letters/:letterId/sent',
    {
      schema: {
        tags: ['Courriers'],
        summary:
          'Marquer un courrier comme envoyé ; enregistre le fait qu’il déclenche (réclamation, saisine…)',
        params: letterParams,
        body: z.object({
          sentOn: calendarDate.describe('Date d’envoi'),
          sendingMethod: z.enum(SENDING_METHODS, {
            error: `Mode d’envoi attendu : ${SENDING_METHODS.join(', ')}`,
          }),
          registeredNumber: z.string().trim().max(60).nullable().optional().describe('N° du recommandé'),
          answerOutcome: z
            .enum(DECISION_OUTCOMES)
            .optional()
            .describe('Réponse motivée : sens de la réponse (sinon la décision du dossier)'),
        }),
        response: {
          200: sentLetterSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request) => {
      const result = await markLetterSent(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.letterId,
        request.body,
      );
      return { letter: view(result.letter), recorded: result.recorded, explanation: result.explanation };
    },
  );

  r.get(
    '/api/v1/dossiers/:id/mediation-bundle/checks',
    {
      schema: {
        tags: ['Courriers'],
        summary: 'Conditions de recevabilité de la saisine du médiateur (L612-2), vérifiées sur le dossier',
        params: dossierParams,
        response: {
          200: mediationChecksSchema,
          401: errorBodySchema,
          404: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request) => {
      const checks = await mediationBundleChecks(ctx, requireUser(request), request.params.id);
      return {
        mediator: checks.mediator,
        admissible: checks.admissible,
        checks: checks.checks,
        window: checks.window,
      };
    },
  );

  r.get(
    '/api/v1/dossiers/:id/mediation-bundle',
    {
      schema: {
        tags: ['Courriers'],
        summary:
          'Dossier de médiation en PDF : courrier de saisine, résumé, chronologie, liste et pièces, signets (en-tête x-recours-admissible)',
        params: dossierParams,
        produces: ['application/pdf'],
        response: { 200: pdfResponse, 401: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { pdf, checks, reference } = await mediationBundle(ctx, requireUser(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="dossier-mediation-${reference}.pdf"`)
        .header('cache-control', 'no-store')
        .header('x-recours-admissible', String(checks.admissible))
        .send(pdf);
    },
  );
}
