import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clauseReportSchema,
  importedClausesSchema,
  ruleChangesSchema,
  themesReportSchema,
} from '../../contracts/api/patterns.ts';
import { limitText } from '../../contracts/text-limits.ts';
import { appendAuditEvent, logAuditEvent } from '../../db/repositories/audit.ts';
import { insertClauses, upsertMemberships } from '../../db/repositories/pattern-clauses.ts';
import { checkPeriod } from '../../domain/kpi/period.ts';
import { reviewClause } from '../../domain/patterns/clauses/clarity.ts';
import { MAX_CLAUSES, MAX_CONTRACT_CHARACTERS, splitContract } from '../../domain/patterns/clauses/import.ts';
import { ruleChanges } from '../../domain/patterns/rule-changes.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { PATTERN_WRITERS, patternOrganisation } from './access.ts';
import { clauseReport, themesReport } from './reports.ts';

const TAG = 'Tendances';
const date = z.iso.date('Date invalide : attendu AAAA-MM-JJ (exemple : 2026-11-23)');
const periodQuery = z.object({
  from: date.describe('Début de période (date de réception, incluse)'),
  to: date.describe('Fin de période (incluse)'),
});
const refusals = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

function period(query: { from: string; to: string }, today: string) {
  const checked = checkPeriod(query, today);
  if (!checked.ok) throw new AppError('VALIDATION', checked.error.message, checked.error.field);
  return checked.value;
}

export async function patternReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/patterns/themes',
    {
      schema: {
        tags: [TAG],
        summary: 'Thèmes des réclamations dans les mots des adhérents, leur évolution et leurs alertes',
        querystring: periodQuery,
        response: {
          200: themesReportSchema,
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user);
      const { from, to } = period(request.query, parisDateOf(ctx.now()));
      const report = await themesReport(ctx.database.db, organisationId, from, to);
      // The themes read the members' own words: a reading of the organisation's files, kept in its history.
      await logAuditEvent(ctx.database.db, {
        dossierId: null,
        organisationId,
        actorId: user.id,
        type: 'patterns.themes_read',
        payload: { from, to, complaints: report.sample },
        occurredAt: ctx.now(),
      });
      return {
        sample: report.sample,
        sampleLimit: report.sampleLimit,
        message: report.themes.ok ? null : report.themes.error.message,
        themes: report.themes.ok ? report.themes.value : [],
      };
    },
  );

  r.get(
    '/api/v1/patterns/clauses',
    {
      schema: {
        tags: [TAG],
        summary: 'Clauses à réécrire : lisibilité des clauses importées croisée avec les réclamations',
        querystring: periodQuery,
        response: {
          200: clauseReportSchema,
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user);
      const { from, to } = period(request.query, parisDateOf(ctx.now()));
      return clauseReport(ctx.database.db, organisationId, from, to);
    },
  );

  r.post(
    '/api/v1/patterns/clauses',
    {
      schema: {
        tags: [TAG],
        summary: 'Importer le texte d’un contrat : chaque « Article » devient une clause relue',
        body: z.object({
          text: z
            .string()
            .max(
              MAX_CONTRACT_CHARACTERS,
              `Texte trop long : ${limitText(MAX_CONTRACT_CHARACTERS)} caractères au plus par import.`,
            )
            .describe('Texte du contrat ; une ligne « Article 3 – Résiliation » ouvre une clause'),
          title: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .describe('Titre si le texte n’a pas d’articles'),
          product: z.string().trim().min(1).max(200).optional().describe('Produit concerné (tous si absent)'),
        }),
        response: {
          201: importedClausesSchema,
          400: errorBodySchema,
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user, PATTERN_WRITERS);
      const { text, title, product } = request.body;
      const clauses = splitContract(text, title ?? 'Clause importée');
      if (clauses.length === 0 || clauses.every((c) => c.text.trim() === '')) {
        throw new AppError(
          'VALIDATION',
          'Le texte du contrat est vide : collez le texte des clauses (une ligne « Article … » ouvre chaque clause).',
          'text',
        );
      }
      if (clauses.length > MAX_CLAUSES) {
        throw new AppError(
          'VALIDATION',
          `Trop de clauses en un import (${clauses.length}) : ${MAX_CLAUSES} au plus. Importez le contrat en plusieurs fois.`,
          'text',
        );
      }
      const now = ctx.now();
      const rows = await ctx.database.db.transaction(async (tx) => {
        const inserted = await insertClauses(tx, organisationId, product ?? null, clauses, user.id, now);
        await appendAuditEvent(tx, {
          dossierId: null,
          organisationId,
          actorId: user.id,
          type: 'patterns.clauses_imported',
          payload: { clauses: inserted.length, product: product ?? null },
          occurredAt: now,
        });
        return inserted;
      });
      reply.code(201);
      return {
        clauses: rows.map((row, i) => ({
          id: row.id,
          title: row.title,
          topic: clauses[i]!.topic,
          review: reviewClause(clauses[i]!.text),
        })),
      };
    },
  );

  r.put(
    '/api/v1/patterns/memberships',
    {
      schema: {
        tags: [TAG],
        summary: 'Effectifs d’adhérents par produit à une date (dénominateur des taux pour 1 000 adhérents)',
        body: z.object({
          countedOn: date.describe('Date du décompte'),
          products: z
            .array(
              z.object({
                product: z.string().trim().min(1).max(200),
                members: z.number().int().min(0).max(100_000_000),
              }),
            )
            .min(1)
            .max(500),
        }),
        response: { 200: z.object({ products: z.number().int() }), 400: errorBodySchema, ...refusals },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user, PATTERN_WRITERS);
      const { countedOn, products } = request.body;
      const now = ctx.now();
      await ctx.database.db.transaction(async (tx) => {
        await upsertMemberships(tx, organisationId, countedOn, products, now);
        await appendAuditEvent(tx, {
          dossierId: null,
          organisationId,
          actorId: user.id,
          type: 'patterns.memberships_imported',
          payload: { countedOn, products: products.length },
          occurredAt: now,
        });
      });
      return { products: products.length };
    },
  );

  r.get(
    '/api/v1/patterns/rule-changes',
    {
      schema: {
        tags: [TAG],
        summary: 'Règles qui ont changé sur une période, avec les courriers, délais et contrôles concernés',
        querystring: periodQuery,
        response: {
          200: ruleChangesSchema,
          400: errorBodySchema,
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      patternOrganisation(user);
      const { from, to } = period(request.query, parisDateOf(ctx.now()));
      const changes = ruleChanges(from, to);
      if (!changes.ok) throw new AppError('VALIDATION', changes.error.message, changes.error.field);
      return { changes: changes.value };
    },
  );
}
