import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  mediationNotifiedSchema,
  mediationOutcomeSchema,
  referredSchema,
} from '../../contracts/api/handling.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { calendarDateSchema } from '../../domain/deadlines/schema.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { handledDossierView } from '../shared/handled-dossier-view.ts';
import { recordMediationNotified, recordMediationOutcome, referToMediator } from './use-cases.ts';

const TAG = 'Médiation';
const params = z.object({
  id: z.string().uuid('Identifiant de dossier invalide').describe('Identifiant du dossier'),
});
// Bounded to 1900–2100, like every date of the API (see calendar-date.ts).
const calendarDate = calendarDateSchema;
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  422: errorBodySchema,
};

export async function mediationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/dossiers/:id/refer-to-mediator',
    {
      schema: {
        tags: [TAG],
        summary: 'Saisir le médiateur (l’adhérent), si la fenêtre de saisine est ouverte (C. consom. L612-2)',
        description:
          'Refusé (409) avec l’explication du moteur de délais tant que la fenêtre n’est pas ouverte : 2 mois sans réponse satisfaisante après la réclamation écrite, ou dès une réponse négative ou partielle ; au plus tard 1 an après la réclamation.',
        params,
        response: {
          200: referredSchema,
          ...errors,
        },
      },
    },
    async (request) => {
      const result = await referToMediator(ctx, requireUser(request), request.params.id);
      return { dossier: handledDossierView(result.dossier), mediator: result.mediator ?? null };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/mediation-notified',
    {
      schema: {
        tags: [TAG],
        summary:
          'Notification de la saisine aux parties (médiateur ; C. consom. R612-2) : départ des 90 jours',
        params,
        body: z
          .object({
            notifiedOn: calendarDate.optional().describe('Date de la notification (par défaut aujourd’hui)'),
            fileCompleteOn: calendarDate.optional().describe('Réception du dossier complet'),
          })
          .default({}),
        response: {
          200: mediationNotifiedSchema,
          ...errors,
        },
      },
    },
    async (request) => {
      const result = await recordMediationNotified(
        ctx,
        requireUser(request),
        request.params.id,
        request.body ?? {},
      );
      return { dossier: handledDossierView(result.dossier), outcomeDue: result.outcomeDue };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/mediation-outcome',
    {
      schema: {
        tags: [TAG],
        summary:
          'Issue de la médiation : proposition du médiateur et date de fin (C. consom. R612-3 à R612-5)',
        params,
        body: z.object({
          proposal: z
            .string()
            .trim()
            .min(20, 'Rédigez la proposition (20 caractères au moins)')
            .max(TEXT_LIMITS.mediationProposal)
            .describe('Proposition de solution, adressée aux parties'),
          endedOn: calendarDate.optional().describe('Date de fin de la médiation (par défaut aujourd’hui)'),
        }),
        response: {
          200: mediationOutcomeSchema,
          ...errors,
        },
      },
    },
    async (request) => {
      const result = await recordMediationOutcome(ctx, requireUser(request), request.params.id, request.body);
      return { dossier: handledDossierView(result.dossier), messageId: result.messageId };
    },
  );
}
