import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  claimCodeSchema,
  claimedSchema,
  documentTextSchema,
  duplicatesSchema,
  intakeSchema,
  memberSearchSchema,
  mergedSchema,
  recordedSchema,
} from '../../contracts/api/intake.ts';
import { DOSSIER_CATEGORIES } from '../../contracts/categories.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { searchMembers } from '../../db/repositories/intake.ts';
import { RECORDED_CHANNELS } from '../../domain/intake/recorded-complaint.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { dossierParams } from '../shared/dossier-access.ts';
import { claimMemberRecord } from './claim.ts';
import {
  correctDocumentText,
  duplicatesOf,
  identifyMember,
  intakeOf,
  mergeDossier,
  readDocumentTextOf,
  renewClaimCode,
} from './file-intake.ts';
import { recordComplaint, requireRecordingStaff } from './record-complaint.ts';

const TAG = 'Réclamations reçues par courrier, téléphone, e-mail ou en agence';
const date = z.iso.date('Date invalide : attendu AAAA-MM-JJ (exemple : 2026-11-23)');
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max.toLocaleString('fr-FR')} caractères au plus.`);

const newMemberSchema = z.object({
  displayName: text(200, 'Nom').min(2, 'Indiquez le nom de l’adhérent.'),
  email: z.email('Adresse e-mail invalide (exemple : prenom.nom@exemple.fr)').max(254).optional(),
  phone: text(30, 'Téléphone').optional(),
  memberNumber: text(40, 'Numéro d’adhérent').optional(),
  postalAddress: text(500, 'Adresse').optional(),
});

const recordBody = z.object({
  member: z
    .union([z.object({ id: z.string().uuid('Adhérent invalide') }), z.object({ new: newMemberSchema })])
    .describe('Un adhérent trouvé par la recherche ({ id }), ou une fiche à créer ({ new })'),
  channel: z
    .enum(RECORDED_CHANNELS)
    .describe('letter (courrier), email, phone (téléphone), counter (agence)'),
  receivedOn: date.describe('Date de réception par l’organisme'),
  writtenOn: date.optional().describe('Date portée sur le courrier ou l’e-mail'),
  writtenAtCounter: z.boolean().optional().describe('En agence : réclamation remise par écrit'),
  category: z
    .enum(DOSSIER_CATEGORIES)
    .optional()
    .describe('Catégorie ; par défaut celle que suggère le texte'),
  title: text(200, 'Objet').min(3, 'Donnez un objet de 3 caractères au moins.'),
  description: text(TEXT_LIMITS.complaintDescription, 'Texte de la réclamation').default(''),
  amountCents: z.number().int().min(0).max(100_000_000).optional(),
  memberNumber: text(40, 'Numéro d’adhérent').optional(),
  organisationReference: text(100, 'Référence interne').optional(),
});

export async function intakeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/intake/members',
    {
      schema: {
        tags: [TAG],
        summary: 'Rechercher un adhérent par nom, numéro d’adhérent ou e-mail (20 résultats au plus)',
        querystring: z.object({ q: text(200, 'Recherche').min(2, 'Saisissez 2 caractères au moins.') }),
        response: {
          200: memberSearchSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = requireRecordingStaff(user);
      return { members: await searchMembers(ctx.database.db, organisationId, request.query.q) };
    },
  );

  r.post(
    '/api/v1/intake/complaints',
    {
      schema: {
        tags: [TAG],
        summary:
          'Enregistrer une réclamation reçue par courrier, téléphone, e-mail ou en agence (idempotent avec Idempotency-Key)',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: recordBody,
        response: {
          200: recordedSchema,
          201: recordedSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { dossier, created, claimCode, notes } = await recordComplaint(
        ctx,
        requireUser(request),
        request.body,
        request.headers['idempotency-key'],
      );
      reply.status(created ? 201 : 200);
      return {
        dossier: {
          id: dossier.id,
          reference: dossier.reference,
          category: dossier.category,
          suggestedCategory: dossier.suggestedCategory,
          status: dossier.status,
          writtenConfirmationInvitedOn: dossier.writtenConfirmationInvitedOn,
        },
        claimCode: claimCode ?? null,
        notes,
      };
    },
  );

  r.post(
    '/api/v1/intake/members/:id/claim-code',
    {
      schema: {
        tags: [TAG],
        summary:
          'Nouveau code de rattachement pour une fiche adhérent sans compte (l’ancien cesse de valoir)',
        params: z.object({ id: z.string().uuid('Identifiant d’adhérent invalide') }),
        response: {
          200: claimCodeSchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { code, expiresAt } = await renewClaimCode(ctx, requireUser(request), request.params.id);
      return { code, expiresAt: expiresAt.toISOString() };
    },
  );

  r.get(
    '/api/v1/dossiers/:id/intake',
    {
      schema: {
        tags: [TAG],
        summary:
          'Réception du dossier : canal, adhérent et ses coordonnées, fiche à identifier, fusions (équipes de l’organisme)',
        params: dossierParams,
        response: {
          200: intakeSchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const intake = await intakeOf(ctx, requireUser(request), request.params.id);
      return {
        channel: intake.dossier.channel,
        recordedBy: intake.recordedBy,
        writtenConfirmationInvitedOn: intake.dossier.writtenConfirmationInvitedOn,
        identificationPending: intake.dossier.identificationPending,
        member: intake.member ?? null,
        mergedInto: intake.mergedInto,
        mergedFrom: intake.mergedFrom,
      };
    },
  );

  r.get(
    '/api/v1/dossiers/:id/duplicates',
    {
      schema: {
        tags: [TAG],
        summary: 'Doublons probables : même adhérent, dates proches, texte semblable',
        params: dossierParams,
        response: {
          200: duplicatesSchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => ({ candidates: await duplicatesOf(ctx, requireUser(request), request.params.id) }),
  );

  r.post(
    '/api/v1/dossiers/:id/merge',
    {
      schema: {
        tags: [TAG],
        summary:
          'Fusionner ce dossier (doublon) dans un autre : pièces et messages rejoignent l’autre, les deux historiques restent',
        params: dossierParams,
        body: z.object({ intoId: z.string().uuid('Dossier à conserver invalide') }),
        response: {
          200: mergedSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request) => mergeDossier(ctx, requireUser(request), request.params.id, request.body.intoId),
  );

  r.post(
    '/api/v1/dossiers/:id/identify',
    {
      schema: {
        tags: [TAG],
        summary:
          'Identifier l’expéditeur d’un dossier « à identifier » : un adhérent connu, ou confirmer la nouvelle fiche',
        params: dossierParams,
        body: z.object({
          memberId: z.string().uuid('Adhérent invalide').optional(),
          memberNumber: text(40, 'Numéro d’adhérent').optional(),
          displayName: text(200, 'Nom').min(2).optional(),
        }),
        response: {
          204: z.null(),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      await identifyMember(ctx, requireUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  const documentParams = dossierParams.extend({
    docId: z.string().uuid('Identifiant de pièce invalide'),
  });

  r.get(
    '/api/v1/dossiers/:id/documents/:docId/text',
    {
      schema: {
        tags: [TAG],
        summary: 'Texte lu sur une pièce scannée (lecture journalisée)',
        params: documentParams,
        response: { 200: documentTextSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => readDocumentTextOf(ctx, requireUser(request), request.params.id, request.params.docId),
  );

  r.put(
    '/api/v1/dossiers/:id/documents/:docId/text',
    {
      schema: {
        tags: [TAG],
        summary: 'Corriger le texte lu sur une pièce scannée',
        params: documentParams,
        body: z.object({ text: text(200_000, 'Texte').min(1, 'Le texte est vide.') }),
        response: {
          200: documentTextSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) =>
      correctDocumentText(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.docId,
        request.body.text,
      ),
  );

  r.post(
    '/api/v1/me/claim',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: [TAG],
        summary:
          'Rattacher à son compte les dossiers qu’un organisme a ouverts pour soi (code remis par l’organisme)',
        body: z.object({
          code: text(20, 'Code').min(6, 'Saisissez le code reçu de votre organisme.'),
          memberNumber: text(40, 'Numéro d’adhérent').optional(),
          email: z.email('Adresse e-mail invalide').optional(),
        }),
        response: {
          200: claimedSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request) => claimMemberRecord(ctx, requireUser(request), request.body),
  );
}
