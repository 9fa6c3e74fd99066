import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  openSessionListSchema,
  sessionSchema,
  signUpAnswerSchema,
  type userSchema,
} from '../../contracts/api/auth.ts';
import {
  createSession,
  deleteSession,
  deleteSessionById,
  listSessions,
  sessionTokenHash,
} from '../../db/repositories/sessions.ts';
import { createSignupRequest, takeSignupRequest } from '../../db/repositories/signup-requests.ts';
import { findUserByEmail, insertUser, organisationOf, type UserRow } from '../../db/repositories/users.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import type { AccountEmail } from '../mail/account-mails.ts';
import { jobQueueOf } from '../shared/job-queue.ts';
import { FailureLimiter } from './failure-limiter.ts';
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

const SIGNUP_ANSWER =
  'Vérifiez votre boîte e-mail : si cette adresse peut être utilisée, un message vient de lui être envoyé pour terminer l’inscription (le lien est valable 24 heures).';
const SIGNUP_LINK_HOURS = 24;

/** Queued, never sent inline: the answer must not take longer for one kind of address than for the other. */
async function queueAccountEmail(ctx: AppContext, mail: AccountEmail, log: (message: string) => void) {
  const queue = jobQueueOf(ctx);
  if (!queue) {
    log('File de travaux arrêtée : e-mail de compte non envoyé.');
    return;
  }
  await queue.send('account-email', mail);
}

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

  // Sign-in failures per account (whatever the IP) and per IP (whatever the account), over one minute.
  const accountFailures = new FailureLimiter(ctx.config.loginMaxPerMinute, 60_000);
  const ipFailures = new FailureLimiter(ctx.config.loginMaxPerIpPerMinute, 60_000);

  async function startSession(
    user: UserRow,
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
  ) {
    // A new sign-in rotates the session: the token the browser had before (maybe planted) stops working.
    if (request.sessionToken) await deleteSession(db, request.sessionToken);
    const session = await createSession(
      db,
      user.id,
      ctx.config.sessionTtlHours,
      ctx.now(),
      request.headers['user-agent'],
    );
    setSessionCookie(reply, ctx, session.token, session.expiresAt);
    return { user: await userView(ctx, user), csrfToken: session.csrfToken };
  }

  r.post(
    '/api/auth/signup',
    {
      config: {
        rateLimit: { max: ctx.config.signupMaxPerHour, timeWindow: '1 hour' },
      },
      schema: {
        tags: ['Comptes'],
        summary: 'Demander la création d’un compte adhérent (confirmation par e-mail)',
        description:
          'La réponse est la même que l’adresse ait déjà un compte ou non : un e-mail part vers l’adresse, avec un lien de confirmation, ou un avertissement si elle a déjà un compte.',
        body: z.object({
          email,
          password,
          displayName: z.string().trim().min(2, 'Indiquez votre nom (2 caractères au moins)').max(120),
        }),
        response: { 202: signUpAnswerSchema, 400: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { email: address, password: pw, displayName } = request.body;
      // Hashed in both cases, so that the time of the answer does not tell whether the address has an account.
      const passwordHash = await hashPassword(pw);
      const existing = await findUserByEmail(db, address);
      const log = (m: string) => request.log.warn(m);
      if (existing) {
        await queueAccountEmail(ctx, { kind: 'signup-existing', to: address }, log);
      } else {
        const token = await createSignupRequest(
          db,
          { email: address, displayName, passwordHash },
          SIGNUP_LINK_HOURS,
          ctx.now(),
        );
        await queueAccountEmail(ctx, { kind: 'signup-confirm', to: address, token, displayName }, log);
      }
      return reply.status(202).send({ message: SIGNUP_ANSWER });
    },
  );

  r.post(
    '/api/auth/signup/confirm',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Confirmer une inscription avec le jeton du lien reçu par e-mail (ouvre la session)',
        body: z.object({ token: z.string().min(20).max(200) }),
        response: { 201: sessionSchema, 400: errorBodySchema, 410: errorBodySchema },
      },
    },
    async (request, reply) => {
      const pending = await takeSignupRequest(db, request.body.token, ctx.now());
      const gone = new AppError(
        'LINK_EXPIRED',
        'Ce lien n’est plus valable (déjà utilisé ou expiré) : recommencez l’inscription, ou connectez-vous si votre compte existe.',
        'token',
        410,
      );
      if (!pending || (await findUserByEmail(db, pending.email))) throw gone;
      const user = await insertUser(db, {
        email: pending.email,
        displayName: pending.displayName,
        passwordHash: pending.passwordHash,
        role: 'member',
      });
      reply.status(201);
      return startSession(user, request, reply);
    },
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Se connecter (échecs limités par compte et par adresse IP)',
        body: z.object({ email, password: z.string().min(1, 'Saisissez votre mot de passe').max(200) }),
        response: { 200: sessionSchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      // Keys built from the parsed body: the account as typed (normalised) and the client's address (TRUST_PROXY).
      const accountKey = request.body.email;
      const now = Date.now();
      const wait = Math.max(
        accountFailures.retryAfter(accountKey, now),
        ipFailures.retryAfter(request.ip, now),
      );
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new AppError(
          'RATE_LIMITED',
          'Trop de tentatives de connexion. Patientez une minute avant de réessayer.',
          undefined,
          429,
        );
      }
      const user = await findUserByEmail(db, request.body.email);
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), request.body.password);
      if (!user || !valid) {
        accountFailures.fail(accountKey, now);
        ipFailures.fail(request.ip, now);
        throw new AppError('INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.');
      }
      accountFailures.reset(accountKey);
      if (user.deactivatedAt) {
        throw new AppError(
          'ACCOUNT_DEACTIVATED',
          'Ce compte a été désactivé par un administrateur de votre organisme : adressez-vous à lui.',
          undefined,
          403,
        );
      }
      return startSession(user, request, reply);
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
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      if (!request.user) return { user: null, csrfToken: null };
      return { user: await userView(ctx, requireUser(request)), csrfToken: request.csrfToken };
    },
  );

  r.get(
    '/api/auth/sessions',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Mes sessions ouvertes (navigateurs connectés à mon compte)',
        response: { 200: openSessionListSchema, 401: errorBodySchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const current = request.sessionToken ? sessionTokenHash(request.sessionToken) : undefined;
      const rows = await listSessions(db, user.id, ctx.now());
      return {
        sessions: rows.map((row) => ({
          id: row.id,
          createdAt: row.createdAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          userAgent: row.userAgent,
          current: row.tokenHash === current,
        })),
      };
    },
  );

  r.delete(
    '/api/auth/sessions/:sessionId',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Fermer une de mes sessions (un navigateur oublié, un appareil perdu)',
        params: z.object({ sessionId: z.string().uuid('Identifiant de session invalide') }),
        response: { 204: z.null(), 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!(await deleteSessionById(db, user.id, request.params.sessionId))) {
        throw new AppError('NOT_FOUND', 'Session introuvable : elle est peut-être déjà fermée.');
      }
      return reply.status(204).send(null);
    },
  );
}
