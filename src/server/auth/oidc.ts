import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import { oidcConfigSchema } from '../../contracts/api/auth.ts';
import { createSession, deleteSession } from '../../db/repositories/sessions.ts';
import {
  findUserByEmail,
  findUserByOidc,
  insertUser,
  linkOidcIdentity,
} from '../../db/repositories/users.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { setSessionCookie } from './session-plugin.ts';

const FLOW_COOKIE = 'recours_oidc';
const FLOW_PATH = '/api/auth/oidc';

/**
 * OpenID Connect sign-in (authorization code + PKCE + state + nonce), the way FranceConnect and company SSO
 * work. The provider is discovered once, lazily, so that a provider down at boot does not stop Recours.
 */
export async function oidcRoutes(app: FastifyInstance, ctx: AppContext) {
  const settings = ctx.config.oidc;
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    if (!settings)
      throw new AppError('OIDC_UNAVAILABLE', 'La connexion par fournisseur d’identité n’est pas configurée.');
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // http issuers are only for local tests and development.
        execute: settings.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const redirectUri = `${ctx.config.publicUrl}${FLOW_PATH}/callback`;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/auth/oidc',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Fournisseur d’identité configuré (OpenID Connect), s’il y en a un',
        response: { 200: oidcConfigSchema },
      },
    },
    async () => ({ enabled: Boolean(settings), label: settings?.label ?? null }),
  );

  r.get(
    '/api/auth/oidc/start',
    { schema: { tags: ['Comptes'], summary: 'Démarrer la connexion OpenID Connect (redirection)' } },
    async (_request, reply) => {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      reply.setCookie(FLOW_COOKIE, JSON.stringify({ verifier, state, nonce }), {
        path: FLOW_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.cookieSecure,
        maxAge: 600,
      });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.redirect(url.href);
    },
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Retour du fournisseur d’identité : ouvre une session et renvoie vers « Mes dossiers »',
        querystring: z.record(z.string(), z.string()),
      },
    },
    async (request, reply) => {
      const config = await configuration();
      const flow = parseFlow(request.cookies[FLOW_COOKIE]);
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      const currentUrl = new URL(request.url, ctx.config.publicUrl);
      let claims: Claims | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        // Conforming providers (FranceConnect among them) put only `sub` in the ID token of the code flow:
        // the e-mail and the names come from the UserInfo endpoint, whose `sub` must be the same.
        if (idToken && config.serverMetadata().userinfo_endpoint) {
          const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...idToken, ...userInfo, sub: idToken.sub };
        } else {
          claims = idToken;
        }
      } catch {
        throw new AppError(
          'UNAUTHENTICATED',
          'La connexion auprès du fournisseur d’identité a échoué : réessayez.',
        );
      }
      if (!claims)
        throw new AppError('UNAUTHENTICATED', 'Le fournisseur d’identité n’a pas renvoyé d’identité.');
      const user = await userForClaims(ctx, config.serverMetadata().issuer, claims);
      // A new sign-in rotates the session (see auth/routes.ts).
      if (request.sessionToken) await deleteSession(ctx.database.db, request.sessionToken);
      const session = await createSession(
        ctx.database.db,
        user.id,
        ctx.config.sessionTtlHours,
        ctx.now(),
        request.headers['user-agent'],
      );
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return reply.redirect(user.role === 'member' ? '/mes-dossiers' : '/registre');
    },
  );
}

/** The identity of the signed-in person: the ID token's claims, completed by the UserInfo response. */
type Claims = { readonly sub: string; readonly [claim: string]: unknown };

function parseFlow(raw: string | undefined): { verifier: string; state: string; nonce: string } {
  const parsed = z
    .object({ verifier: z.string(), state: z.string(), nonce: z.string() })
    .safeParse(raw ? safeJson(raw) : undefined);
  if (!parsed.success) {
    throw new AppError('UNAUTHENTICATED', 'Session de connexion expirée : recommencez la connexion.');
  }
  return parsed.data;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Finds the account of an identity, links it to an existing account by verified e-mail, or opens a member account. */
async function userForClaims(ctx: AppContext, issuer: string, claims: Claims) {
  const { db } = ctx.database;
  const known = await findUserByOidc(db, issuer, claims.sub);
  if (known) return known;
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const byEmail = email ? await findUserByEmail(db, email) : undefined;
  if (byEmail) {
    // Linking on an address the provider has not verified would let anyone take over that account.
    if (claims.email_verified !== true) {
      throw new AppError(
        'CONFLICT',
        'Un compte Recours existe déjà avec cette adresse e-mail : connectez-vous avec votre mot de passe.',
        'email',
      );
    }
    await linkOidcIdentity(db, byEmail.id, issuer, claims.sub);
    return byEmail;
  }
  const name = [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ');
  return insertUser(db, {
    email: email ?? `${claims.sub}@oidc.invalid`,
    displayName: name || (typeof claims.name === 'string' ? claims.name : 'Adhérent'),
    passwordHash: null,
    role: 'member',
    oidcIssuer: issuer,
    oidcSubject: claims.sub,
  });
}
