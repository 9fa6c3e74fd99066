import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The whole OpenID Connect sign-in against a real provider (oidc-provider, in-process on 127.0.0.1):
 * Recours is only reached through app.inject, the provider through fetch, with a cookie jar of our own.
 */

const PUBLIC_URL = 'http://localhost:3999';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT_ID = 'recours';
const CLIENT_SECRET = randomBytes(24).toString('hex');
const LABEL = 'Fournisseur de test';

interface Identity {
  email: string;
  email_verified: boolean;
  given_name: string;
  family_name: string;
}

const identities = new Map<string, Identity>([
  [
    'sub-camille',
    {
      email: 'camille.martin@exemple.fr',
      email_verified: true,
      given_name: 'Camille',
      family_name: 'Martin',
    },
  ],
  [
    'sub-adherent',
    { email: 'adherent@demo.recours.fr', email_verified: true, given_name: 'Autre', family_name: 'Nom' },
  ],
  [
    'sub-conseiller',
    {
      email: 'conseiller@demo.recours.fr',
      email_verified: true,
      given_name: 'Claire',
      family_name: 'Dupuis',
    },
  ],
  [
    'sub-non-verifie',
    { email: 'adherent2@demo.recours.fr', email_verified: false, given_name: 'Faux', family_name: 'Louis' },
  ],
  [
    'sub-intrus',
    { email: 'intrus@exemple.fr', email_verified: true, given_name: 'Ivan', family_name: 'Trus' },
  ],
]);

let server: Server;
let issuer: string;
let t: TestApp;

beforeAll(async () => {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // openid-client 6 authenticates with client_secret_post when given a secret.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name'],
    },
    // conformIdTokenClaims stays at its default (true): like FranceConnect, the ID token carries only `sub`,
    // and the e-mail and names must be read from the UserInfo endpoint.
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string): Promise<Account | undefined> {
      const identity = identities.get(sub);
      return identity && { accountId: sub, claims: () => ({ sub, ...identity }) };
    },
  });
  const providerCallback = provider.callback();

  // Login and consent without a user interface: the test names the account in ?login= on the interaction URL.
  async function interact(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    const login = new URL(req.url ?? '/', issuer).searchParams.get('login');
    const accountId = details.session?.accountId ?? login;
    if (!accountId) throw new Error('no account to sign in');
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('grant not found');
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const result =
      details.prompt.name === 'login'
        ? { login: { accountId }, consent: { grantId } }
        : { consent: { grantId } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  }

  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    providerCallback(req, res);
  };

  t = await createTestApp({
    env: {
      PUBLIC_URL,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_LABEL: LABEL,
    },
  });
});

afterAll(async () => {
  await t?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** The cookies the provider sets, kept by name (paths ignored: the provider ignores cookies it does not expect). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response) {
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attributes.find((a) => a.trim().toLowerCase().startsWith('expires='));
      const expired = expires !== undefined && new Date(expires.split('=')[1] ?? '').getTime() <= Date.now();
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Starts the sign-in at Recours, goes through the provider as `sub`, and returns where the provider sends back. */
async function throughProvider(sub: string) {
  const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const flow = start.cookies.find((c) => c.name === 'recours_oidc');
  expect(flow).toMatchObject({ httpOnly: true, path: '/api/auth/oidc' });
  let url = new URL(String(start.headers.location));
  expect(url.origin).toBe(issuer);
  expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');

  const jar = new CookieJar();
  for (let hop = 0; url.href.startsWith(issuer); hop++) {
    if (hop > 10) throw new Error('too many redirects at the provider');
    if (url.pathname.startsWith('/interaction/')) url.searchParams.set('login', sub);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new Error(`provider answered ${res.status} at ${url.pathname}: ${await res.text()}`);
    }
    url = new URL(location, url);
  }
  expect(url.origin + url.pathname).toBe(REDIRECT_URI);
  expect(url.searchParams.get('code')).toBeTruthy();
  return { callback: url, flowCookie: flow?.value ?? '' };
}

async function callback(url: URL, flowCookie: string) {
  return t.app.inject({
    method: 'GET',
    url: url.pathname + url.search,
    cookies: { recours_oidc: flowCookie },
  });
}

/** The complete sign-in: returns the session cookie and the signed-in user. */
async function signIn(sub: string, expectedLocation = '/mes-dossiers') {
  const { callback: url, flowCookie } = await throughProvider(sub);
  const res = await callback(url, flowCookie);
  expect(res.statusCode, res.body).toBe(302);
  expect(res.headers.location).toBe(expectedLocation);
  const session = res.cookies.find((c) => c.name === 'recours_session');
  expect(session?.httpOnly).toBe(true);
  const cookie = `recours_session=${session?.value}`;
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  expect(me.statusCode).toBe(200);
  return { cookie, user: me.json().user as { id: string; email: string; displayName: string; role: string } };
}

describe('OpenID Connect sign-in', () => {
  it('says the provider is configured, with its label', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ enabled: true, label: LABEL });
  });

  it('opens a member account for a new identity, then finds the same account again', async () => {
    const first = await signIn('sub-camille');
    expect(first.user).toMatchObject({
      role: 'member',
      email: 'camille.martin@exemple.fr',
      displayName: 'Camille Martin',
    });

    const second = await signIn('sub-camille');
    expect(second.user.id).toBe(first.user.id);
    expect(second.cookie).not.toBe(first.cookie);
  });

  it('links an identity with a verified e-mail to the existing account of that address', async () => {
    const byPassword = await t.login('adherent@demo.recours.fr');
    const { user } = await signIn('sub-adherent');
    expect(user.id).toBe(byPassword.userId);
    expect(user.role).toBe('member');
    expect(user.email).toBe('adherent@demo.recours.fr');

    // Linked by issuer + subject from now on.
    const again = await signIn('sub-adherent');
    expect(again.user.id).toBe(byPassword.userId);
  });

  it('sends a linked staff account to the register', async () => {
    const byPassword = await t.login('conseiller@demo.recours.fr');
    const { user } = await signIn('sub-conseiller', '/registre');
    expect(user.id).toBe(byPassword.userId);
    expect(user.role).not.toBe('member');
  });

  it('never links an unverified e-mail to an existing account: a clear 409 instead', async () => {
    const { callback: url, flowCookie } = await throughProvider('sub-non-verifie');
    const res = await callback(url, flowCookie);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(res.cookies.find((c) => c.name === 'recours_session')).toBeUndefined();
  });

  it('refuses a callback whose state was tampered with', async () => {
    const { callback: url, flowCookie } = await throughProvider('sub-intrus');
    url.searchParams.set('state', 'etat-falsifie');
    const res = await callback(url, flowCookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect(res.cookies.find((c) => c.name === 'recours_session')).toBeUndefined();
  });

  it('refuses a callback without the flow cookie', async () => {
    const { callback: url } = await throughProvider('sub-intrus');
    const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'recours_session')).toBeUndefined();
  });
});

describe('without an identity provider', () => {
  it('says so and answers 503 OIDC_UNAVAILABLE to a sign-in start', async () => {
    const plain = await createTestApp({ seed: false });
    try {
      const info = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc' });
      expect(info.json()).toEqual({ enabled: false, label: null });
      const start = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(503);
      expect(start.json().error.code).toBe('OIDC_UNAVAILABLE');
      expect(start.cookies.find((c) => c.name === 'recours_oidc')).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
