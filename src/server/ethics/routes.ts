import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ethicsReviewListSchema,
  type ethicsReviewSchema,
  oneEthicsReviewSchema,
} from '../../contracts/api/ethics.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { type EthicsVote, tally, VOTE_CHOICES } from '../../domain/register/ethics.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import {
  listEthicsReviews,
  type ReviewWithReference,
  recordDecision,
  recordOpinion,
  recordVote,
  requestEthicsReview,
} from './use-cases.ts';

const TAG = 'Comité éthique';
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
const reviewParams = z.object({
  id: z.string().uuid('Identifiant de saisine invalide').describe('Identifiant de la saisine du comité'),
});

function reviewView({ review, reference }: ReviewWithReference): z.infer<typeof ethicsReviewSchema> {
  const votes = review.votes as EthicsVote[];
  return {
    id: review.id,
    dossierId: review.dossierId,
    reference,
    question: review.question,
    committeeMembers: review.committeeMembers as string[],
    opinion: review.opinion,
    votes,
    tally: tally(votes),
    decision: review.decision,
    status: review.status,
    createdAt: review.createdAt.toISOString(),
    decidedAt: review.decidedAt ? review.decidedAt.toISOString() : null,
  };
}

export async function ethicsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = { 200: oneEthicsReviewSchema, ...errors };

  r.post(
    '/api/v1/dossiers/:id/ethics-review',
    {
      schema: {
        tags: [TAG],
        summary: 'Saisir le comité éthique d’un dossier complexe (superviseur)',
        params: z.object({
          id: z.string().uuid('Identifiant de dossier invalide').describe('Identifiant du dossier'),
        }),
        body: z.object({
          question: z
            .string()
            .trim()
            .min(20, 'Formulez la question posée au comité (20 caractères au moins)')
            .max(TEXT_LIMITS.ethicsQuestion)
            .describe('Question posée au comité'),
          committeeMembers: z
            .array(z.string().trim().min(2, 'Nom de membre trop court').max(120).describe('Nom d’un membre'))
            .min(1, 'Nommez au moins un membre du comité')
            .max(15)
            .describe('Membres du comité'),
        }),
        response: { ...one, 201: oneEthicsReviewSchema },
      },
    },
    async (request, reply) => {
      const result = await requestEthicsReview(ctx, requireUser(request), request.params.id, request.body);
      reply.status(201);
      return { review: reviewView(result) };
    },
  );

  r.post(
    '/api/v1/ethics-reviews/:id/opinion',
    {
      schema: {
        tags: [TAG],
        summary: 'Enregistrer l’avis du comité',
        params: reviewParams,
        body: z.object({
          opinion: z
            .string()
            .trim()
            .min(20, 'Rédigez l’avis du comité (20 caractères au moins)')
            .max(TEXT_LIMITS.ethicsOpinion)
            .describe('Avis du comité'),
        }),
        response: one,
      },
    },
    async (request) => ({
      review: reviewView(
        await recordOpinion(ctx, requireUser(request), request.params.id, request.body.opinion),
      ),
    }),
  );

  r.post(
    '/api/v1/ethics-reviews/:id/votes',
    {
      schema: {
        tags: [TAG],
        summary: 'Enregistrer le vote d’un membre du comité (pour, contre, abstention)',
        params: reviewParams,
        body: z.object({
          member: z.string().trim().min(2).max(120).describe('Nom du membre, tel que saisi à la saisine'),
          vote: z.enum(VOTE_CHOICES).describe('for, against ou abstain'),
          comment: z.string().max(TEXT_LIMITS.ethicsVoteComment).optional().describe('Explication de vote'),
        }),
        response: one,
      },
    },
    async (request) => ({
      review: reviewView(await recordVote(ctx, requireUser(request), request.params.id, request.body)),
    }),
  );

  r.post(
    '/api/v1/ethics-reviews/:id/decision',
    {
      schema: {
        tags: [TAG],
        summary: 'Enregistrer la décision finale du comité (tous les membres ont voté)',
        params: reviewParams,
        body: z.object({
          decision: z
            .string()
            .trim()
            .min(10, 'Rédigez la décision (10 caractères au moins)')
            .max(TEXT_LIMITS.ethicsDecision)
            .describe('Décision finale'),
        }),
        response: one,
      },
    },
    async (request) => ({
      review: reviewView(
        await recordDecision(ctx, requireUser(request), request.params.id, request.body.decision),
      ),
    }),
  );

  r.get(
    '/api/v1/ethics-reviews',
    {
      schema: {
        tags: [TAG],
        summary: 'Saisines du comité éthique de l’organisme (superviseur, administrateur, auditeur)',
        querystring: z.object({
          status: z.enum(['open', 'decided']).optional().describe('Filtrer par état'),
        }),
        response: {
          200: ethicsReviewListSchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const rows = await listEthicsReviews(ctx, requireUser(request), request.query.status);
      return { reviews: rows.map(reviewView) };
    },
  );
}
