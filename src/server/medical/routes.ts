import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  medicalQueuePageSchema,
  oneOpinionSchema,
  opinionListSchema,
  type opinionSchema,
} from '../../contracts/api/medical.ts';
import { limitText, TEXT_LIMITS } from '../../contracts/text-limits.ts';
import type { MedicalOpinionRow } from '../../db/repositories/medical-opinions.ts';
import {
  OPINION_CONCLUSION_LABELS,
  OPINION_CONCLUSIONS,
  OPINION_STATUS_LABELS,
  OPINION_STATUSES,
} from '../../domain/dossiers/medical-opinion.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { dossierParams } from '../shared/dossier-access.ts';
import { answerOpinion, medicalQueue, readMedicalOpinions, requestMedicalOpinion } from './use-cases.ts';

const TAG = 'Avis médicaux';

type SeenOpinion = MedicalOpinionRow & { medicalDetailWithheld: boolean };

function opinionView(o: SeenOpinion): z.infer<typeof opinionSchema> {
  return {
    id: o.id,
    dossierId: o.dossierId,
    status: o.status,
    statusLabel: OPINION_STATUS_LABELS[o.status],
    question: o.question,
    requestedById: o.requestedById,
    requestedAt: o.requestedAt.toISOString(),
    conclusion: o.conclusion,
    conclusionLabel: o.conclusion ? OPINION_CONCLUSION_LABELS[o.conclusion] : null,
    summary: o.summary,
    medicalDetail: o.medicalDetail,
    medicalDetailWithheld: o.medicalDetailWithheld,
    answeredAt: o.answeredAt?.toISOString() ?? null,
  };
}

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** An opaque cursor: the last entry's request instant and id. */
function encodeCursor(c: { requestedAt: Date; id: string }) {
  return Buffer.from(`${c.requestedAt.toISOString()}|${c.id}`).toString('base64url');
}

function decodeCursor(text: string) {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const requestedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(requestedAt.getTime())) {
    throw new AppError(
      'VALIDATION',
      'Page suivante invalide : repartez de la première page de la file.',
      'after',
    );
  }
  return { requestedAt, id };
}

export async function medicalRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers/:id/medical-opinions',
    {
      schema: {
        tags: [TAG],
        summary:
          'Demandes d’avis au médecin-conseil et avis rendus (le détail médical reste couvert par le secret)',
        params: dossierParams,
        response: { 200: opinionListSchema, ...errors },
      },
    },
    async (request) => {
      const rows = await readMedicalOpinions(ctx, requireUser(request), request.params.id);
      return { opinions: rows.map(opinionView) };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/medical-opinions',
    {
      schema: {
        tags: [TAG],
        summary:
          'Demander l’avis du médecin-conseil (conseiller ou superviseur) ; les délais du dossier continuent',
        params: dossierParams,
        body: z.object({
          question: z
            .string({ error: 'Écrivez votre question au médecin-conseil.' })
            .trim()
            .min(10, 'Formulez votre question en une phrase au moins (10 caractères).')
            .max(
              TEXT_LIMITS.medicalQuestion,
              `Question trop longue : ${limitText(TEXT_LIMITS.medicalQuestion)} caractères au plus.`,
            )
            .describe(
              'La question, sans détail médical : le médecin-conseil lit les pièces médicales lui-même',
            ),
        }),
        response: { 201: oneOpinionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await requestMedicalOpinion(
        ctx,
        requireUser(request),
        request.params.id,
        request.body.question,
      );
      reply.status(201);
      return { opinion: opinionView({ ...row, medicalDetailWithheld: false }) };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/medical-opinions/:opinionId/answer',
    {
      schema: {
        tags: [TAG],
        summary: 'Rendre l’avis (médecin-conseil) : conclusion, résumé pour le conseiller, détail médical',
        params: dossierParams.extend({
          opinionId: z.string().uuid('Identifiant de demande invalide').describe('Identifiant de la demande'),
        }),
        body: z.object({
          conclusion: z
            .enum(OPINION_CONCLUSIONS, {
              error: () =>
                'Choisissez la conclusion : favorable, défavorable, partiel ou informations à compléter.',
            })
            .describe(OPINION_CONCLUSIONS.map((c) => `${c} (${OPINION_CONCLUSION_LABELS[c]})`).join(', ')),
          summary: z
            .string({ error: 'Écrivez le résumé destiné au conseiller.' })
            .trim()
            .min(
              10,
              'Écrivez pour le conseiller ce que l’avis signifie pour le dossier (10 caractères au moins).',
            )
            .max(
              TEXT_LIMITS.medicalSummary,
              `Résumé trop long : ${limitText(TEXT_LIMITS.medicalSummary)} caractères au plus.`,
            )
            .describe('Pour le conseiller : ce que l’avis signifie, sans détail médical'),
          medicalDetail: z
            .string()
            .trim()
            .max(
              TEXT_LIMITS.medicalDetail,
              `Détail médical trop long : ${limitText(TEXT_LIMITS.medicalDetail)} caractères au plus.`,
            )
            .optional()
            .describe('Sous secret médical : lu par l’adhérent, le médecin-conseil et le médiateur saisi'),
        }),
        response: { 200: oneOpinionSchema, ...errors },
      },
    },
    async (request) => {
      const row = await answerOpinion(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.opinionId,
        request.body,
      );
      return { opinion: opinionView(row) };
    },
  );

  r.get(
    '/api/v1/medical-opinions',
    {
      schema: {
        tags: [TAG],
        summary:
          'File du médecin-conseil : les dossiers en attente d’avis de son organisme, la plus ancienne d’abord',
        querystring: z.object({
          status: z
            .enum(OPINION_STATUSES)
            .default('requested')
            .describe('requested (par défaut) ou answered'),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(100)
            .default(25)
            .describe('Taille de la page (100 au plus)'),
          after: z
            .string()
            .max(200)
            .optional()
            .describe('Page suivante : la valeur « next » de la page précédente'),
        }),
        response: {
          200: medicalQueuePageSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { status, limit, after } = request.query;
      const page = await medicalQueue(ctx, requireUser(request), {
        status,
        limit,
        after: after ? decodeCursor(after) : undefined,
      });
      return {
        entries: page.entries.map((e) => ({
          // The queue is a list of work, not a reading: the detail is read (and logged) in the file itself.
          ...opinionView({
            ...e.opinion,
            medicalDetail: null,
            medicalDetailWithheld: e.opinion.medicalDetail !== null,
          }),
          reference: e.reference,
          title: e.title,
          category: e.category,
          requestedByName: e.requestedByName,
        })),
        next: page.next ? encodeCursor(page.next) : null,
      };
    },
  );
}
