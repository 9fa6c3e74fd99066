import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actionResultSchema, decisionResultSchema } from '../../contracts/api/handling.ts';
import { limitText, TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { DECISION_OUTCOMES, MIN_REASONS_LENGTH } from '../../domain/register/answer.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { handledDossierView } from '../shared/handled-dossier-view.ts';
import { acknowledge, addInternalNote, close, decide, reopen, requestDocuments } from './use-cases.ts';

const TAG = 'Traitement des réclamations';
const params = z.object({
  id: z.string().uuid('Identifiant de dossier invalide').describe('Identifiant du dossier'),
});
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  422: errorBodySchema,
};

export async function handlingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/dossiers/:id/actions/acknowledge',
    {
      schema: {
        tags: [TAG],
        summary: 'Accuser réception de la réclamation (ACPR 2024-R-02 : sous 10 jours ouvrables)',
        description:
          'Enregistre la date d’accusé de réception (aujourd’hui, heure de Paris), passe le dossier au statut « acknowledged » et envoie un message à l’adhérent avec la date limite de réponse.',
        params,
        response: { 200: actionResultSchema, ...errors },
      },
    },
    async (request) => {
      const result = await acknowledge(ctx, requireUser(request), request.params.id);
      return { dossier: handledDossierView(result.dossier), messageId: result.messageId };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/actions/request-document',
    {
      schema: {
        tags: [TAG],
        summary:
          'Demander des pièces à l’adhérent (message « document_request », statut « awaiting_member »)',
        params,
        body: z.object({
          documents: z
            .array(
              z
                .string()
                .trim()
                .min(2, 'Nommez chaque pièce demandée (2 caractères au moins)')
                .max(200)
                .describe('Pièce demandée'),
            )
            .min(1, 'Indiquez au moins une pièce à fournir')
            .max(20)
            .describe('Liste des pièces demandées'),
          message: z
            .string()
            .max(TEXT_LIMITS.documentRequestMessage)
            .optional()
            .describe('Précisions pour l’adhérent'),
        }),
        response: { 200: actionResultSchema, ...errors },
      },
    },
    async (request) => {
      const result = await requestDocuments(ctx, requireUser(request), request.params.id, request.body);
      return { dossier: handledDossierView(result.dossier), messageId: result.messageId };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/actions/note',
    {
      schema: {
        tags: [TAG],
        summary: 'Ajouter une note interne (jamais montrée à l’adhérent)',
        params,
        body: z.object({
          text: z
            .string()
            .trim()
            .min(2, 'La note est vide')
            .max(
              TEXT_LIMITS.internalNote,
              `Note trop longue (${limitText(TEXT_LIMITS.internalNote)} caractères au plus)`,
            )
            .describe('Texte de la note interne'),
        }),
        response: { 200: actionResultSchema, ...errors },
      },
    },
    async (request) => {
      const result = await addInternalNote(ctx, requireUser(request), request.params.id, request.body.text);
      return { dossier: handledDossierView(result.dossier), messageId: result.messageId };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/actions/decide',
    {
      schema: {
        tags: [TAG],
        summary:
          'Rendre la réponse motivée (acceptée, partielle, rejetée) ; elle nomme le médiateur compétent',
        description:
          'Le texte de la réponse est composé par l’application : décision, motifs, médiateur compétent et comment le saisir (ACPR 2024-R-02 ; C. consom. L616-1).',
        params,
        body: z.object({
          outcome: z.enum(DECISION_OUTCOMES).describe('accepted, partial ou rejected'),
          reasons: z
            .string()
            .trim()
            .min(
              MIN_REASONS_LENGTH,
              `Motivez la décision : ${MIN_REASONS_LENGTH} caractères au moins (ACPR : réponse motivée)`,
            )
            .max(TEXT_LIMITS.decisionReasons)
            .describe('Motifs de la décision, adressés à l’adhérent'),
        }),
        response: {
          200: decisionResultSchema,
          ...errors,
        },
      },
    },
    async (request) => {
      const result = await decide(ctx, requireUser(request), request.params.id, request.body);
      return {
        dossier: handledDossierView(result.dossier),
        messageId: result.messageId,
        answerText: result.answerText ?? '',
      };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/actions/reopen',
    {
      schema: {
        tags: [TAG],
        summary: 'Rouvrir un dossier répondu ou clos (superviseur), avec le motif',
        params,
        body: z.object({
          reason: z
            .string()
            .trim()
            .min(10, 'Indiquez le motif de la réouverture (10 caractères au moins)')
            .max(TEXT_LIMITS.reopenReason)
            .describe('Motif de la réouverture (note interne)'),
        }),
        response: { 200: actionResultSchema, ...errors },
      },
    },
    async (request) => {
      const result = await reopen(ctx, requireUser(request), request.params.id, request.body.reason);
      return { dossier: handledDossierView(result.dossier), messageId: result.messageId };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/actions/close',
    {
      schema: {
        tags: [TAG],
        summary: 'Clore un dossier après la réponse ou la fin de la médiation',
        params,
        body: z
          .object({
            reason: z
              .string()
              .max(TEXT_LIMITS.closeReason)
              .optional()
              .describe('Motif de clôture (note interne)'),
          })
          .default({}),
        response: { 200: actionResultSchema, ...errors },
      },
    },
    async (request) => {
      const result = await close(ctx, requireUser(request), request.params.id, request.body?.reason);
      return { dossier: handledDossierView(result.dossier), messageId: result.messageId };
    },
  );
}
