import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { diagnosisOf, readText } from '../../domain/triage/analyse.ts';
import { applyAnswers, checkAnswers } from '../../domain/triage/answers.ts';
import { triageModel } from '../../domain/triage/model-loader.ts';
import { diagnosisSchema, type TriageRequest, triageRequestSchema } from '../../domain/triage/schema.ts';
import type { AppContext } from '../context.ts';
import { domainInputError, errorBodySchema } from '../errors.ts';
import { refineWithLanguageModel } from './llm-refiner.ts';

/** Public: anyone, signed in or not, may describe a situation and get the diagnosis. Nothing is stored. */
export async function triageRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/triage',
    {
      schema: {
        tags: ['Diagnostic'],
        summary: 'Comprendre une situation décrite en texte libre, et la prochaine étape (public)',
        description:
          "Type de litige, organisme, démarche déjà faite, prochaine étape selon la loi et délais (moteur de délais), avec la confiance et les indices de chaque conclusion, et les questions encore ouvertes. `answers` applique les réponses et corrections de l'adhérent. `today` vaut par défaut la date du jour à Paris. Rien n'est enregistré. Voir docs/triage.md.",
        body: triageRequestSchema,
        response: { 200: diagnosisSchema, 400: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => diagnose(ctx, request.body, request.log),
  );
}

async function diagnose(ctx: AppContext, body: TriageRequest, log: FastifyInstance['log']) {
  const today = body.today ?? parisDateOf(ctx.now());
  const answers = body.answers ?? {};
  const checked = checkAnswers(answers, today);
  if (!checked.ok) throw domainInputError(checked.error);
  const reading = await refineWithLanguageModel(
    readText(body.text, today, triageModel),
    ctx.config.triageLlm,
    log,
  );
  return diagnosisOf(applyAnswers(reading, answers), today);
}
