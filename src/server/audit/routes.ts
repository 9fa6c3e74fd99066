import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDateSchema } from '../../contracts/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { checkpointsFor, historyFor, proofFor, runVerification } from './use-cases.ts';

const TAG = 'Historique (audit)';
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const day = calendarDateSchema;

const filters = z.object({
  dossierId: z.string().uuid('Identifiant de dossier invalide').optional().describe('Un dossier'),
  actorId: z.string().uuid('Identifiant de personne invalide').optional().describe('Un auteur'),
  type: z
    .string()
    .max(400, 'Trop de types d’événements')
    .regex(/^[a-z0-9_.,]*$/, 'Type d’événement invalide')
    .optional()
    .describe('Un type d’événement, ou plusieurs séparés par des virgules'),
  reference: z
    .string()
    .max(40, 'Référence trop longue')
    .regex(/^[A-Za-z0-9-]*$/, 'Référence de dossier invalide (exemple : REC-2026-7K3M9Q2X4T)')
    .optional()
    .describe('La référence d’un dossier'),
  from: day.optional().describe('Depuis ce jour (inclus)'),
  to: day.optional().describe('Jusqu’à ce jour (inclus)'),
});

const checkpointSchema = z
  .object({
    id: z.number().int(),
    origin: z.string(),
    treeSize: z.number().int().describe('Nombre d’événements scellés'),
    rootHash: z.string().describe('Racine de l’arbre de Merkle (RFC 9162)'),
    issuedAt: z.string(),
    keyId: z.string().describe('Identifiant de la clé Ed25519'),
    publicKey: z.string(),
    signature: z.string(),
  })
  .describe('Point de contrôle signé');

const breakSchema = z.object({
  kind: z.string(),
  reason: z.string().describe('Raison, en français'),
  chainId: z.string().nullable(),
  dossierId: z.string().nullable().optional(),
  dossierReference: z.string().optional(),
  organisationName: z.string().optional(),
  chainSeq: z.number().int().optional(),
  eventId: z.number().int().optional(),
  checkpointId: z.number().int().optional(),
});

const eventSchema = z.object({
  id: z.number().int().describe('Numéro de l’événement'),
  dossierId: z.string().nullable(),
  reference: z.string().nullable().describe('Référence du dossier'),
  actorId: z.string().nullable(),
  actorName: z.string().nullable().describe('Nom de l’auteur'),
  actorRole: z.string().nullable(),
  type: z.string(),
  typeLabel: z.string().describe('L’événement, en français'),
  occurredAt: z.string(),
  chainSeq: z.number().int().describe('Rang dans l’historique du dossier'),
  hash: z.string(),
});

function csvCell(value: string | number | null) {
  const text = value === null ? '' : String(value);
  // Formula injection (OWASP CSV injection): a cell starting with = + - @ is prefixed.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/audit/verifications',
    {
      schema: {
        tags: [TAG],
        summary: 'Vérifie tout l’historique et liste chaque rupture (auditeur, administrateur)',
        response: {
          200: z.object({
            ok: z.boolean(),
            events: z.number().int(),
            chains: z.number().int(),
            leaves: z.number().int(),
            pending: z.number().int(),
            checkpointsChecked: z.number().int(),
            breakCount: z.number().int(),
            otherOrganisationsBreaks: z.number().int().describe('Ruptures concernant d’autres organismes'),
            breaks: z.array(breakSchema),
            durationMs: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (request) => runVerification(ctx, requireUser(request)),
  );

  r.get(
    '/api/v1/audit/checkpoints',
    {
      schema: {
        tags: [TAG],
        summary: 'Derniers points de contrôle signés',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
        response: { 200: z.object({ checkpoints: z.array(checkpointSchema) }), ...errors },
      },
    },
    async (request) => ({
      checkpoints: await checkpointsFor(ctx, requireUser(request), request.query.limit),
    }),
  );

  r.get(
    '/api/v1/audit/events',
    {
      schema: {
        tags: [TAG],
        summary: 'Historique de l’organisme, du plus récent au plus ancien, filtré (pagination par curseur)',
        querystring: filters.extend({
          before: z.coerce
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Curseur : événements plus anciens que celui-ci'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ events: z.array(eventSchema), nextBefore: z.number().int().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const page = await historyFor(ctx, requireUser(request), request.query);
      return {
        events: page.events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
        nextBefore: page.nextBefore,
      };
    },
  );

  r.get(
    '/api/v1/audit/events.csv',
    {
      schema: {
        tags: [TAG],
        summary: 'Export CSV de l’historique filtré (diffusé au fil de l’eau)',
        querystring: filters,
        response: { 200: z.string().describe('CSV ; séparateur point-virgule, UTF-8'), ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      // The first page is read before answering, so that a refusal is a proper 403, not a broken download.
      let page = await historyFor(ctx, user, { ...request.query, limit: 1000 });
      async function* lines() {
        yield '\ufeffnuméro;dossier;auteur;identifiant de l’auteur;événement;date;rang;empreinte\n';
        for (;;) {
          for (const e of page.events) {
            const cells = [
              e.id,
              e.reference,
              e.actorName,
              e.actorId,
              e.typeLabel,
              e.occurredAt.toISOString(),
              e.chainSeq,
              e.hash,
            ];
            yield `${cells.map(csvCell).join(';')}\n`;
          }
          if (page.nextBefore === null) return;
          page = await historyFor(ctx, user, { ...request.query, before: page.nextBefore, limit: 1000 });
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="historique.csv"')
        .send(Readable.from(lines()) as unknown as string);
    },
  );

  r.get(
    '/api/v1/audit/events/:id/proof',
    {
      schema: {
        tags: [TAG],
        summary: 'Preuve d’inclusion d’un événement, vérifiable hors ligne (recours audit check-proof)',
        params: z.object({ id: z.coerce.number().int().min(1).describe('Numéro de l’événement') }),
        response: { 200: z.object({}).passthrough(), ...errors },
      },
    },
    async (request, reply) => {
      const proof = await proofFor(ctx, requireUser(request), request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="preuve-${request.params.id}.json"`)
        .send(proof as unknown as Record<string, unknown>);
    },
  );
}
