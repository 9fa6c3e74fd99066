import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['Système'],
        summary: 'État du service (la base de données utilisée : administrateurs seulement)',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z
              .object({
                kind: z.enum(['pglite', 'postgresql']),
                location: z.string(),
                version: z.string(),
              })
              .optional()
              .describe('Pour un administrateur connecté seulement'),
          }),
        },
      },
    },
    async (request) => {
      // The public learns only that the service is up: versions and locations help an attacker, not a member.
      if (request.user?.role !== 'admin') {
        await ctx.database.db.execute(sql`select 1`);
        return { status: 'ok' as const };
      }
      const result = await ctx.database.db.execute(sql`select version() as version`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
        version: string;
      }[];
      return {
        status: 'ok' as const,
        database: {
          kind: ctx.database.kind,
          location: ctx.database.location,
          version: rows[0]?.version ?? '',
        },
      };
    },
  );
}
