import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audienceOf } from '../../domain/dossiers/permissions.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { type DossierChange, dossierBus } from '../live/bus.ts';
import { dossierParams, readDossierPart } from '../shared/dossier-access.ts';

/** A comment line every 25 s keeps proxies (and their 30-60 s idle timeouts) from cutting a quiet stream. */
export const HEARTBEAT_MS = 25_000;

export async function liveRoutes(app: FastifyInstance, ctx: AppContext) {
  const open = new Set<ServerResponse>();
  // Streams never end on their own: close them before the server waits for its connections to drain.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dossiers/:id/events',
    {
      schema: {
        tags: ['Dossiers'],
        summary: 'Suivi en direct (server-sent events) : un petit JSON à chaque changement du dossier',
        description:
          'text/event-stream. Chaque événement porte le type du changement (message.created, document.added, status.changed, facts.updated…) et l’identifiant du dossier ; le client recharge ce qu’il affiche. Un commentaire toutes les 25 s maintient la connexion.',
        params: dossierParams,
        produces: ['text/event-stream'],
        response: {
          200: z.string().describe('Flux text/event-stream'),
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      // Opening the stream is a reading of the file: authorised and logged like one.
      const dossier = await readDossierPart(ctx, user, request.params.id, 'events');
      const audience = audienceOf(actorOf(user), dossier).kind;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 5000\n: flux du dossier ${dossier.reference}\n\n`);
      open.add(res);
      const send = (change: DossierChange) => {
        // An internal note is news for the organisation's staff only.
        if (change.audience === 'staff' && audience !== 'staff') return;
        const data = { type: change.type, dossierId: change.dossierId, id: change.id ?? null, at: change.at };
        res.write(`event: ${change.type}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const unsubscribe = dossierBus.subscribe(dossier.id, send);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      let closed = false;
      const cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      request.raw.on('close', cleanup);
      res.on('close', cleanup);
      res.on('error', cleanup);
    },
  );
}
