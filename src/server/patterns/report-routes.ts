import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clauseReportSchema,
  deletedClauseSchema,
  editedClauseSchema,
  importedClausesSchema,
  membershipsSchema,
  ruleChangesSchema,
  savedMembershipsSchema,
  storedThemesSchema,
} from '../../contracts/api/patterns.ts';
import { limitText } from '../../contracts/text-limits.ts';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import { membershipCounts } from '../../db/repositories/pattern-clauses.ts';
import { checkPeriod } from '../../domain/kpi/period.ts';
import { MAX_CONTRACT_CHARACTERS } from '../../domain/patterns/clauses/import.ts';
import { ruleChanges } from '../../domain/patterns/rule-changes.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { PATTERN_WRITERS, patternOrganisation } from './access.ts';
import { editClause, importClauses, removeClause, saveMemberships } from './clauses.ts';
import { clauseReport } from './reports.ts';
import { storedThemes } from './use-cases.ts';

const TAG = 'Tendances';
const date = z.iso.date('Date invalide : attendu AAAA-MM-JJ (exemple : 2026-11-23)');
const periodQuery = z.object({
  from: date.describe('Début de période (date de réception, incluse)'),
  to: date.describe('Fin de période (incluse)'),
});
const refusals = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const clauseParams = z.object({
  id: z.uuid('Identifiant de clause invalide : rechargez la page et choisissez la clause dans la liste.'),
});
const MEMBERSHIPS_SHOWN = 500;
const productName = z
  .string()
  .trim()
  .min(1, 'Nom du produit manquant : saisissez le nom du contrat tel qu’il figure sur les dossiers.')
  .max(200, 'Nom du produit trop long : 200 caractères au plus.');

function period(query: { from: string; to: string }, today: string) {
  const checked = checkPeriod(query, today);
  if (!checked.ok) throw new AppError('VALIDATION', checked.error.message, checked.error.field);
  return checked.value;
}

export async function patternReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/patterns/themes/latest',
    {
      schema: {
        tags: [TAG],
        summary:
          'Thèmes des réclamations dans les mots des adhérents, leur évolution et leurs alertes (calcul hebdomadaire, lecture seule)',
        response: {
          200: storedThemesSchema,
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user);
      const stored = await storedThemes(ctx.database.db, organisationId);
      // The themes show excerpts of the members' own words: a reading of the organisation's files, kept in its
      // history.
      await logAuditEvent(ctx.database.db, {
        dossierId: null,
        organisationId,
        actorId: user.id,
        type: 'patterns.themes_read',
        payload: { weekStart: stored.weekStart, themes: stored.themes.length },
        occurredAt: ctx.now(),
      });
      return stored;
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
      return clauseReport(ctx.database, organisationId, from, to);
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
      const clauses = await importClauses(ctx, user, organisationId, request.body);
      reply.code(201);
      return { clauses };
    },
  );

  r.patch(
    '/api/v1/patterns/clauses/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Modifier une clause importée : elle est relue à nouveau aussitôt',
        params: clauseParams,
        body: z
          .object({
            title: z
              .string()
              .trim()
              .min(1, 'Titre manquant : donnez un titre à la clause (exemple : Article 3 – Résiliation).')
              .max(200, 'Titre trop long : 200 caractères au plus.')
              .optional(),
            text: z
              .string()
              .trim()
              .min(1, 'Le texte de la clause est vide : saisissez-le, ou supprimez la clause.')
              .max(
                MAX_CONTRACT_CHARACTERS,
                `Texte trop long : ${limitText(MAX_CONTRACT_CHARACTERS)} caractères au plus.`,
              )
              .optional(),
            product: productName.nullable().optional().describe('Produit concerné ; null pour tous'),
          })
          .refine(
            (b) => Object.keys(b).length > 0,
            'Rien à modifier : changez le titre, le texte ou le produit.',
          ),
        response: {
          200: editedClauseSchema,
          400: errorBodySchema,
          422: errorBodySchema,
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user, PATTERN_WRITERS);
      return { clause: await editClause(ctx, user, organisationId, request.params.id, request.body) };
    },
  );

  r.delete(
    '/api/v1/patterns/clauses/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Supprimer une clause importée (elle sort de la relecture et des clauses à réécrire)',
        params: clauseParams,
        response: {
          200: deletedClauseSchema,
          400: errorBodySchema,
          422: errorBodySchema,
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user, PATTERN_WRITERS);
      await removeClause(ctx, user, organisationId, request.params.id);
      return { id: request.params.id };
    },
  );

  r.get(
    '/api/v1/patterns/memberships',
    {
      schema: {
        tags: [TAG],
        summary: 'Effectifs d’adhérents saisis, par produit et date de décompte (les plus récents d’abord)',
        response: {
          200: membershipsSchema,
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user);
      return { memberships: await membershipCounts(ctx.database.db, organisationId, MEMBERSHIPS_SHOWN) };
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
                product: productName,
                members: z
                  .number('Effectif manquant : saisissez le nombre d’adhérents du produit.')
                  .int('Effectif invalide : un nombre entier d’adhérents, sans décimales.')
                  .min(0, 'Effectif invalide : un nombre d’adhérents ne peut pas être négatif.')
                  .max(100_000_000, 'Effectif invalide : 100 000 000 d’adhérents au plus.'),
              }),
            )
            .min(1, 'Aucun produit : saisissez au moins un produit et son effectif.')
            .max(500, 'Trop de produits en une fois : 500 au plus.')
            .refine(
              (rows) => new Set(rows.map((r) => r.product.toLocaleLowerCase('fr'))).size === rows.length,
              'Un même produit figure deux fois : gardez une seule ligne par produit et par date.',
            ),
        }),
        response: { 200: savedMembershipsSchema, 400: errorBodySchema, ...refusals },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user, PATTERN_WRITERS);
      return { products: await saveMemberships(ctx, user, organisationId, request.body) };
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
