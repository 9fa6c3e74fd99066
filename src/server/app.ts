import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import '../domain/shared/zod-french.ts';
import { z } from 'zod';
import { invitationRoutes } from './admin/invitation-routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { auditPackRoutes } from './audit/audit-pack-routes.ts';
import { auditRoutes } from './audit/routes.ts';
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
import { exportRoutes } from './exports/routes.ts';
import { handlingRoutes } from './handling/routes.ts';
import { frenchClientError } from './hardening/client-errors.ts';
import { inputHygiene } from './hardening/plugin.ts';
import { urlWithoutQuery } from './hardening/safe-log.ts';
import { healthRoutes } from './health/routes.ts';
import { importRoutes } from './import/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { kpiRoutes } from './kpi/routes.ts';
import { letterRoutes } from './letters/routes.ts';
import { mediationRoutes } from './mediation/routes.ts';
import { medicalRoutes } from './medical/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { patternReportRoutes } from './patterns/report-routes.ts';
import { patternRoutes } from './patterns/routes.ts';
import { registerReadAfterWrite } from './register/read-after-write.ts';
import { registerRoutes } from './register/routes.ts';
import { reimbursementRoutes } from './reimbursement/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { securityHeaders } from './shared/security-headers.ts';
import { triageRoutes } from './triage/routes.ts';
import { setWebCacheHeaders } from './web/static-cache.ts';

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
  /** Where the log lines go (standard output by default; tests read them). */
  logStream?: { write(line: string): void };
}

/** A hop count: the nearest `hops` proxies are believed, whatever their address. */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: ctx.config.logLevel,
          ...(options.logStream ? { stream: options.logStream } : {}),
          // Health data never reaches the logs: no bodies are logged, and these headers are masked.
          redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
          // No query string either: a search or a letter preview puts the member's words in the URL.
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({
              method: req.method,
              url: urlWithoutQuery(req.url),
            }),
          },
        }
      : false,
    // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY (else anyone could pick an address
    // and escape the sign-in limits).
    trustProxy:
      typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    clientErrorHandler: frenchClientError,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  inputHygiene(app);
  securityHeaders(app, { hsts: ctx.config.publicUrl.startsWith('https:') });
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
  registerReadAfterWrite(app, ctx);

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
    await medicalRoutes(api, ctx);
    await notificationRoutes(api, ctx);
    await triageRoutes(api, ctx);
    await auditRoutes(api, ctx);
    await letterRoutes(api, ctx);
    await intakeRoutes(api, ctx);
    // Steering (issue 14): KPIs, import, exports, reports, benchmark, administration.
    await kpiRoutes(api, ctx);
    await importRoutes(api, ctx);
    await exportRoutes(api, ctx);
    await reportRoutes(api, ctx);
    await adminRoutes(api, ctx);
    await invitationRoutes(api, ctx);
    await auditPackRoutes(api, ctx);
    // Recurring complaints (issue 15): spikes, themes, clauses, rule changes.
    await patternRoutes(api, ctx);
    await patternReportRoutes(api, ctx);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveWeb = options.serveWeb ?? true;
  if (serveWeb && existsSync(WEB_DIST)) {
    // Brotli/gzip files written at build time (web/vite.config.ts); hashed assets immutable, index.html revalidated.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: setWebCacheHeaders,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The SPA owns every non-API path (client-side routing); the API answers 404 in JSON.
    if (request.method === 'GET' && !request.url.startsWith('/api/') && serveWeb && existsSync(WEB_DIST)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const error = new AppError(
      'NOT_FOUND',
      `Adresse inconnue : ${request.method} ${request.url.split('?')[0]}`,
    );
    return reply.status(404).send({ error: { code: error.code, message: error.message } });
  });
  return app;
}
