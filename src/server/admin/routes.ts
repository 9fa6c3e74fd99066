import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  invitationSchema,
  invitedSchema,
  organisationSettingsSchema,
  staffPageSchema,
  staffSchema,
} from '../../contracts/api/admin.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { listStaff } from '../../db/repositories/staff.ts';
import { organisationOf } from '../../db/repositories/users.ts';
import { ASSIGNABLE_ROLES } from '../../domain/admin/staff-changes.ts';
import { ADMIN_ROLES, analyticsOrganisation } from '../../domain/kpi/access.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { organisationSettings, updateOrganisationSettings } from './organisation.ts';
import { changeStaff, inviteStaff, renewInvitation, staffView } from './staff.ts';

const TAG = 'Administration';
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  422: errorBodySchema,
};

const role = z.enum(ASSIGNABLE_ROLES, {
  error: 'Rôle invalide : conseiller, superviseur, auditeur, administrateur ou médecin-conseil',
});
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} : ${max} caractères au plus`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const idParams = z.object({ id: z.string().uuid('Identifiant de compte invalide') });

/** Administration of an organisation (issue 14): its staff accounts and its settings. Admins only. */
export async function adminRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  async function adminContext(request: import('fastify').FastifyRequest) {
    const user = requireUser(request);
    const allowed = analyticsOrganisation(actorOf(user), ADMIN_ROLES);
    if (!allowed.ok) throw new AppError('FORBIDDEN', allowed.error.message);
    const org = await organisationOf(db, allowed.value);
    if (!org) throw new AppError('NOT_FOUND', 'Organisme introuvable.');
    return { user, organisation: { id: org.id, name: org.name } };
  }

  r.get(
    '/api/v1/admin/staff',
    {
      schema: {
        tags: [TAG],
        summary: 'Comptes de l’équipe de l’organisme, par nom (pages de 100 au plus)',
        querystring: z.object({
          after: z.string().max(500).optional().describe('Curseur de la page suivante'),
          limit: z.coerce.number().int().min(1).max(100).default(100),
        }),
        response: {
          200: staffPageSchema,
          ...errors,
        },
      },
    },
    async (request) => {
      const { organisation } = await adminContext(request);
      const after = decodeCursor(request.query.after);
      const rows = await listStaff(db, organisation.id, { after, limit: request.query.limit + 1 });
      const page = rows.slice(0, request.query.limit);
      const last = page.at(-1);
      return {
        staff: page.map(staffView),
        nextCursor:
          rows.length > page.length && last ? encodeCursor({ name: last.displayName, id: last.id }) : null,
      };
    },
  );

  r.post(
    '/api/v1/admin/staff',
    {
      schema: {
        tags: [TAG],
        summary: 'Inviter un membre de l’équipe (par e-mail, ou lien à transmettre)',
        body: z.object({
          email: z
            .string()
            .trim()
            .toLowerCase()
            .email('Adresse e-mail invalide (exemple : prenom.nom@exemple.fr)')
            .max(254),
          displayName: z
            .string()
            .trim()
            .min(2, 'Indiquez le prénom et le nom')
            .max(120, 'Nom trop long : 120 caractères au plus'),
          role,
        }),
        response: { 201: invitedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { user, organisation } = await adminContext(request);
      return reply.status(201).send(await inviteStaff(ctx, user, organisation, request.body));
    },
  );

  r.post(
    '/api/v1/admin/staff/:id/invitation',
    {
      schema: {
        tags: [TAG],
        summary: 'Renvoyer une invitation (le lien précédent ne fonctionne plus)',
        params: idParams,
        response: { 200: invitationSchema, ...errors },
      },
    },
    async (request) => {
      const { user, organisation } = await adminContext(request);
      return renewInvitation(ctx, user, organisation, request.params.id);
    },
  );

  r.patch(
    '/api/v1/admin/staff/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Changer le rôle d’un compte, le désactiver ou le réactiver',
        description:
          'Le dernier administrateur actif ne peut être ni rétrogradé ni désactivé (422 LAST_ADMIN) ; un administrateur ne désactive pas son propre compte.',
        params: idParams,
        body: z
          .object({
            role: role.optional(),
            active: z.boolean().optional().describe('false : désactiver ; true : réactiver'),
          })
          .refine((b) => b.role !== undefined || b.active !== undefined, {
            message: 'Indiquez le nouveau rôle ou l’activation du compte',
          }),
        response: { 200: staffSchema, ...errors },
      },
    },
    async (request) => {
      const { user, organisation } = await adminContext(request);
      return changeStaff(ctx, user, organisation.id, request.params.id, request.body);
    },
  );

  r.get(
    '/api/v1/admin/organisation',
    {
      schema: {
        tags: [TAG],
        summary: 'Réglages de l’organisme : nom, adresses, médiateur compétent',
        response: { 200: organisationSettingsSchema, ...errors },
      },
    },
    async (request) => {
      const { organisation } = await adminContext(request);
      return organisationSettings(ctx, organisation.id);
    },
  );

  r.patch(
    '/api/v1/admin/organisation',
    {
      schema: {
        tags: [TAG],
        summary: 'Modifier les réglages de l’organisme (chaque modification est inscrite à l’historique)',
        body: z.object({
          name: z
            .string()
            .trim()
            .min(2, 'Nom de l’organisme trop court')
            .max(120, 'Nom de l’organisme : 120 caractères au plus')
            .optional(),
          postalAddress: optionalText(TEXT_LIMITS.postalAddress, 'Adresse postale'),
          complaintsEmail: z
            .string()
            .trim()
            .toLowerCase()
            .email('Adresse e-mail invalide (exemple : reclamations@exemple.fr)')
            .max(254)
            .or(z.literal('').transform(() => null))
            .nullable()
            .optional(),
          mediatorName: optionalText(200, 'Nom du médiateur'),
          mediatorContact: optionalText(TEXT_LIMITS.mediatorContact, 'Coordonnées du médiateur'),
          mediatorId: z
            .string()
            .uuid('Médiateur invalide : choisissez-en un dans la liste')
            .nullable()
            .optional(),
        }),
        response: { 200: organisationSettingsSchema, ...errors },
      },
    },
    async (request) => {
      const { user, organisation } = await adminContext(request);
      return updateOrganisationSettings(ctx, user, organisation.id, request.body);
    },
  );
}

function encodeCursor(c: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([c.name, c.id])).toString('base64url');
}
function decodeCursor(value: string | undefined): { name: string; id: string } | undefined {
  if (!value) return undefined;
  try {
    const [name, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))
      return { name, id };
  } catch {
    // fall through to the French error
  }
  throw new AppError('VALIDATION', 'Curseur de page invalide : reprenez la liste depuis le début.', 'after');
}
