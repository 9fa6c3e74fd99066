import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { AppContext } from '../context.ts';

/**
 * Read-your-writes with a read replica (READ_DATABASE_URL, docs/deployment.md): after a user's change, their own
 * reads of the register go to the primary for a few seconds, so that a handler who just changed a file sees it
 * changed there, whichever server process answers. The replica's lag is normally milliseconds; the window covers
 * a lagging replica. The same rule as Rails' DatabaseSelector (a last-write cookie and a delay). The cookie holds
 * only an instant: a client that forges it merely reads from the primary.
 */
export const LAST_WRITE_COOKIE = 'recours_last_write';
export const READ_AFTER_WRITE_MS = 5_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerReadAfterWrite(app: FastifyInstance, ctx: AppContext) {
  if (ctx.database.readDb === ctx.database.db) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (UNSAFE.has(request.method) && request.user && reply.statusCode < 400) {
      reply.setCookie(LAST_WRITE_COOKIE, String(ctx.now().getTime()), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.cookieSecure,
        maxAge: READ_AFTER_WRITE_MS / 1000,
      });
    }
    return payload;
  });
}

/** Where this request reads the register: the primary just after the user's own change, else the replica. */
export function registerReader(ctx: AppContext, request: FastifyRequest): Db {
  const { db, readDb } = ctx.database;
  if (readDb === db) return db;
  const wroteAt = Number(request.cookies?.[LAST_WRITE_COOKIE]);
  const recent = Number.isFinite(wroteAt) && ctx.now().getTime() - wroteAt < READ_AFTER_WRITE_MS;
  return recent ? db : readDb;
}
