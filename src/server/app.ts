import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { oidcRoutes } from './auth/oidc.ts';
import { authRoutes } from './auth/routes.ts';
import { sessions } from './auth/session-plugin.ts';
import type { AppContext } from './context.ts';
import { deadlineRoutes } from './deadlines/routes.ts';
import { dossierContractRoutes } from './dossiers/contract.ts';
import { escalationRoutes } from './dossiers/escalation.ts';
import { dossierFileRoutes } from './dossiers/file-routes.ts';
import { dossierRoutes } from './dossiers/routes.ts';
import { AppError, errorHandler } from './errors.ts';
import { ethicsRoutes } from './ethics/routes.ts';
import { handlingRoutes } from './handling/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { letterRoutes } from './letters/routes.ts';
import { mediationRoutes } from './mediation/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { patternRoutes } from './patterns/routes.ts';
import { registerRoutes } from './register/routes.ts';
import { reimbursementRoutes } from './reimbursement/routes.ts';
import { triageRoutes } from './triage/routes.ts';

// Validation messages in French for every zod schema of the API.
z.config(z.locales.fr());

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
  }
}

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built SPA (web/dist) when it exists. */
  serveWeb?: boolean;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: ctx.config.logLevel,
          // Health data never reaches the logs: no bodies are logged, and these headers are masked.
          redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
        }
      : false,
    trustProxy: true,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Every API route, so that a test can prove the OpenAPI document describes each one.
  const routeTable: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'API Recours',
        description:
          'Litiges de complémentaire santé et d’Assurance maladie : dossiers, délais, remboursements.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'recours_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessions, ctx);

  await app.register(async (api) => {
    await healthRoutes(api, ctx);
    await authRoutes(api, ctx);
    await oidcRoutes(api, ctx);
    await organisationRoutes(api, ctx);
    await dossierRoutes(api, ctx);
    await escalationRoutes(api, ctx);
    await dossierFileRoutes(api, ctx);
    await dossierContractRoutes(api, ctx);
    await deadlineRoutes(api, ctx);
    await reimbursementRoutes(api, ctx);
    // Back office (issue 5): register, handling, mediation, ethics committee, notifications.
    await registerRoutes(api, ctx);
    await handlingRoutes(api, ctx);
    await mediationRoutes(api, ctx);
    await ethicsRoutes(api, ctx);
    await notificationRoutes(api, ctx);
    await triageRoutes(api, ctx);
    await letterRoutes(api, ctx);
    await patternRoutes(api, ctx);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveWeb = options.serveWeb ?? true;
  if (serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // The SPA owns every non-API path (client-side routing); the API answers 404 in JSON.
    if (request.method === 'GET' && !request.url.startsWith('/api/') && serveWeb && existsSync(WEB_DIST)) {
      return reply.sendFile('index.html');
    }
    const error = new AppError(
      'NOT_FOUND',
      `Adresse inconnue : ${request.method} ${request.url.split('?')[0]}`,
    );
    return reply.status(404).send({ error: { code: error.code, message: error.message } });
  });
  return app;
}
