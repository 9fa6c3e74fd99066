import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { findSession } from '../../db/repositories/sessions.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/access/roles.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'recours_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's own statement checks the session again (it exists, has not expired, its account is active and
     * keeps its role) and writes nothing otherwise: the session may then come from this process's memory. Only
     * the creation of a file (one statement, issue 12); every other route reads the session table each time.
     */
    sessionRecheckedByStatement?: boolean;
  }
  interface FastifyInstance {
    /** Drops a session remembered for `sessionRecheckedByStatement` routes (its statement refused it). */
    forgetSession(token: string): void;
  }
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

  // Token → session, for the routes whose statement checks the session again (never trusted on its own: a
  // revoked session finds its entry here but writes nothing). Bounded, and short-lived so that a user's changed
  // name or role reaches these routes soon; the statement refuses a changed role at once.
  const remembered = new LRUCache<string, NonNullable<Awaited<ReturnType<typeof findSession>>>>({
    max: 10_000,
    ttl: 60_000,
  });
  app.decorate('forgetSession', (token: string) => {
    remembered.delete(token);
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const now = ctx.now();
    const cacheable = request.routeOptions.config.sessionRecheckedByStatement === true;
    let found = cacheable ? remembered.get(token) : undefined;
    if (found && found.expiresAt <= now) found = undefined;
    if (!found) {
      found = await findSession(ctx.database.db, token, now);
      if (found && cacheable) remembered.set(token, found);
    }
    if (!found) {
      remembered.delete(token);
      return;
    }
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
