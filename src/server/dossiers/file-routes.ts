import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { checklistRoutes } from './checklist.ts';
import { contactRoutes } from './contacts.ts';
import { documentRoutes } from './documents.ts';
import { liveRoutes } from './live.ts';
import { messageRoutes } from './messages.ts';
import { privacyRoutes } from './privacy.ts';
import { surveyRoutes } from './survey.ts';
import { timelineRoutes } from './timeline.ts';
import { transmissionRoutes } from './transmission.ts';

/** The member side of a dispute file (issue #5): pieces, checklist, contacts, messages, timeline, live, survey, RGPD. */
export async function dossierFileRoutes(app: FastifyInstance, ctx: AppContext) {
  await documentRoutes(app, ctx);
  await checklistRoutes(app, ctx);
  await contactRoutes(app, ctx);
  await messageRoutes(app, ctx);
  await timelineRoutes(app, ctx);
  await liveRoutes(app, ctx);
  await surveyRoutes(app, ctx);
  await privacyRoutes(app, ctx);
  await transmissionRoutes(app, ctx);
}
