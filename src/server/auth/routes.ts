import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createSession, deleteSession } from '../../db/repositories/sessions.ts';
import { findUserByEmail, insertUser, organisationOf, type UserRow } from '../../db/repositories/users.ts';
import { ROLES } from '../../domain/access/roles.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { requireUser, SESSION_COOKIE, setSessionCookie } from './session-plugin.ts';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .email('Adresse e-mail invalide (exemple : prenom.nom@exemple.fr)')
  .max(254);
const password = z
  .string()
  .min(10, 'Le mot de passe doit compter au moins 10 caractères')
  .max(200, 'Le mot de passe ne peut dépasser 200 caractères');

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string().nullable(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ id: z.string().uuid(), name: z.string(), kind: z.string() }).nullable(),
});

const meSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });

export async function userView(ctx: AppContext, user: UserRow): Promise<z.infer<typeof userSchema>> {
  const org = await organisationOf(ctx.database.db, user.organisationId);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisation: org ? { id: org.id, name: org.name, kind: org.kind } : null,
  };
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function startSession(user: UserRow, reply: import('fastify').FastifyReply) {
    const session = await createSession(db, user.id, ctx.config.sessionTtlHours, ctx.now());
    setSessionCookie(reply, ctx, session.token, session.expiresAt);
    return { user: await userView(ctx, user), csrfToken: session.csrfToken };
  }

  r.post(
    '/api/auth/signup',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Créer un compte adhérent',
        body: z.object({
          email,
          password,
          displayName: z.string().trim().min(2, 'Indiquez votre nom (2 caractères au moins)').max(120),
        }),
        response: { 201: meSchema, 400: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { email: address, password: pw, displayName } = request.body;
      if (await findUserByEmail(db, address)) {
        throw new AppError(
          'CONFLICT',
          'Un compte existe déjà avec cette adresse e-mail : connectez-vous.',
          'email',
        );
      }
      const user = await insertUser(db, {
        email: address,
        displayName,
        passwordHash: await hashPassword(pw),
        role: 'member',
      });
      reply.status(201);
      return startSession(user, reply);
    },
  );

  r.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: ctx.config.loginMaxPerMinute,
          timeWindow: '1 minute',
          // Per address and per account: guessing one password from many IPs is slowed too.
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            return `${request.ip}|${typeof body?.email === 'string' ? body.email.toLowerCase() : ''}`;
          },
        },
      },
      schema: {
        tags: ['Comptes'],
        summary: 'Se connecter (limité en nombre de tentatives)',
        body: z.object({ email, password: z.string().min(1, 'Saisissez votre mot de passe').max(200) }),
        response: { 200: meSchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const user = await findUserByEmail(db, request.body.email);
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), request.body.password);
      if (!user || !valid) {
        throw new AppError('INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.');
      }
      return startSession(user, reply);
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['Comptes'], summary: 'Se déconnecter', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionToken) await deleteSession(db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Utilisateur connecté et jeton CSRF à renvoyer dans l’en-tête x-csrf-token',
        response: { 200: meSchema },
      },
    },
    async (request) => {
      if (!request.user) return { user: null, csrfToken: null };
      return { user: await userView(ctx, requireUser(request)), csrfToken: request.csrfToken };
    },
  );
}
