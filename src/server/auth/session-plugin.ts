import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findSession } from '../../db/repositories/sessions.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/access/roles.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'recours_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
}

export function actorOf(user: UserRow): Actor {
  return { id: user.id, role: user.role, organisationId: user.organisationId };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function sessionPlugin(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const found = await findSession(ctx.database.db, token, ctx.now());
    if (!found) return;
    request.user = found.user;
    request.csrfToken = found.csrfToken;
    request.sessionToken = token;
  });

  // Synchroniser-token CSRF defence: a request that rides on the session cookie must also carry the token
  // the SPA read from /api/auth/me; a cross-site form cannot know it. SameSite=Lax is the second layer.
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.user) return;
    if (request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw new AppError(
        'CSRF',
        'Jeton de sécurité (CSRF) manquant ou invalide : rechargez la page et réessayez.',
      );
    }
  });
}

export const sessions = fp(sessionPlugin, { name: 'recours-sessions' });

export function requireUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new AppError('UNAUTHENTICATED', 'Connectez-vous pour accéder à cette page.');
  return request.user;
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    expires: expiresAt,
  });
}
