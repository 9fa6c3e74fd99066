import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.ts';
import { attachJobQueue, type JobQueue } from '../../src/server/shared/job-queue.ts';
import { as, createTestApp, sessionCookie, type TestApp } from '../support/test-app.ts';

let t: TestApp;

/** Records the jobs the routes queue (the e-mails of the sign-up), instead of a pg-boss queue. */
function recordJobs(app: TestApp) {
  const sent: { name: string; data: Record<string, unknown> }[] = [];
  attachJobQueue(app.ctx, {
    start: async () => {},
    work: async () => {},
    stop: async () => {},
    runOnce: async () => 0,
    send: async (name, data) => {
      sent.push({ name, data: data as unknown as Record<string, unknown> });
      return 'job';
    },
  } satisfies JobQueue);
  return sent;
}

function signUp(email: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: { email, password: 'un mot de passe sûr', displayName: 'Jeanne Roux' },
  });
}
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-up and sign-in', () => {
  it('answers the same to a new address and to one that has an account, and mails each', async () => {
    const sent = recordJobs(t);
    const fresh = await signUp('Nouvel.Adherent@Exemple.fr');
    const taken = await signUp('ADHERENT@demo.recours.fr');
    expect([fresh.statusCode, taken.statusCode]).toEqual([202, 202]);
    expect(fresh.json()).toEqual(taken.json());
    expect(fresh.cookies).toEqual([]);
    expect(sent.map((j) => [j.name, j.data.kind, j.data.to])).toEqual([
      ['account-email', 'signup-confirm', 'nouvel.adherent@exemple.fr'],
      ['account-email', 'signup-existing', 'adherent@demo.recours.fr'],
    ]);
    // No account until the link is followed.
    expect(await findUserByEmail(t.database.db, 'nouvel.adherent@exemple.fr')).toBeUndefined();
  });

  it('creates the account from the mailed link, once, with an argon2id hash and an HttpOnly session', async () => {
    const sent = recordJobs(t);
    await signUp('confirmee@exemple.fr');
    const token = (sent[0]!.data as { token: string }).token;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup/confirm', payload: { token } });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      role: 'member',
      email: 'confirmee@exemple.fr',
      organisation: null,
    });
    const cookie = res.cookies.find((c) => c.name === 'recours_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const stored = await findUserByEmail(t.database.db, 'confirmee@exemple.fr');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/signup/confirm', payload: { token } });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.message).toMatch(/plus valable/);
  });

  it('limits sign-up requests per IP address', async () => {
    const limited = await createTestApp({ env: { SIGNUP_MAX_PER_HOUR: '2' }, seed: false });
    try {
      const codes = [];
      for (const n of [1, 2, 3]) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/signup',
          payload: { email: `n${n}@exemple.fr`, password: 'un mot de passe sûr', displayName: 'Jeanne Roux' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });

  it('explains in French which field to fix', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'a@b.fr', password: 'court', displayName: 'Jeanne' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.field).toBe('password');
    expect(res.json().error.message).toContain('10 caractères');
  });

  it('rejects a wrong password without saying whether the account exists', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'adherent@demo.recours.fr', password: 'pas le bon' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'personne@demo.recours.fr', password: 'pas le bon' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('signs in, tells who is signed in with a CSRF token, and signs out', async () => {
    const session = await t.login('conseiller@demo.recours.fr');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(me.json().user).toMatchObject({ role: 'handler', organisation: { name: 'Mutuelle Démo' } });
    expect(me.json().csrfToken).toBe(session.csrfToken);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(session) });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: as(session) });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a write that rides on the cookie without the CSRF token', async () => {
    const session = await t.login('adherent@demo.recours.fr');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      payload: {
        category: 'other',
        title: 'Essai',
        organisationName: 'Mutuelle X',
        organisationKind: 'mutuelle',
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });
});

describe('login rate limit', () => {
  const attempt = (app: TestApp, email: string, password: string, ip = '127.0.0.1') =>
    app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { email, password },
    });

  it('answers 429 in French after too many failures on one account, from any address', async () => {
    const limited = await createTestApp({ env: { LOGIN_MAX_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
        codes.push((await attempt(limited, 'adherent@demo.recours.fr', 'essai', ip)).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      // Locked even with the right password: a guesser cannot tell when he found it.
      const res = await attempt(limited, 'adherent@demo.recours.fr', DEMO_PASSWORD, '10.0.0.5');
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
      expect(res.json().error.message).toMatch(/Patientez/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('counts failures only, and failures on unknown accounts never lock another member out', async () => {
    const limited = await createTestApp({
      env: { LOGIN_MAX_PER_MINUTE: '3', LOGIN_MAX_PER_IP_PER_MINUTE: '12' },
    });
    try {
      for (let i = 0; i < 10; i += 1) {
        expect((await attempt(limited, `inconnu${i}@exemple.fr`, 'essai')).statusCode).toBe(401);
      }
      for (let i = 0; i < 5; i += 1) {
        expect((await attempt(limited, 'adherent2@demo.recours.fr', DEMO_PASSWORD)).statusCode).toBe(200);
      }
      // The address itself has a (higher) limit of its own, whatever the accounts tried.
      await attempt(limited, 'inconnu-a@exemple.fr', 'essai');
      await attempt(limited, 'inconnu-b@exemple.fr', 'essai');
      expect((await attempt(limited, 'inconnu-c@exemple.fr', 'essai')).statusCode).toBe(429);
      expect(
        (await attempt(limited, 'adherent2@demo.recours.fr', DEMO_PASSWORD, '10.9.9.9')).statusCode,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('believes X-Forwarded-For only from the proxies named in TRUST_PROXY', async () => {
    const direct = await createTestApp({ env: { LOGIN_MAX_PER_IP_PER_MINUTE: '2' }, seed: false });
    const proxied = await createTestApp({
      env: { LOGIN_MAX_PER_IP_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1' },
      seed: false,
    });
    try {
      const spoofed = (app: TestApp, n: number) =>
        app.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': `203.0.113.${n}` },
          payload: { email: `x${n}@exemple.fr`, password: 'essai' },
        });
      // Without TRUST_PROXY a changing X-Forwarded-For does not escape the limit of the real address.
      const directCodes = [];
      for (const n of [1, 2, 3]) directCodes.push((await spoofed(direct, n)).statusCode);
      expect(directCodes).toEqual([401, 401, 429]);
      // Behind the configured proxy, each client address has its own count.
      const proxiedCodes = [];
      for (const n of [1, 2, 3]) proxiedCodes.push((await spoofed(proxied, n)).statusCode);
      expect(proxiedCodes).toEqual([401, 401, 401]);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});

describe('session cookie', () => {
  it('is not accepted once expired', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const clocked = await createTestApp({ now: () => now });
    try {
      const res = await clocked.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'adherent@demo.recours.fr', password: 'Recours-Demo-2026' },
      });
      const cookie = sessionCookie(res);
      now = new Date('2026-11-24T10:00:00Z'); // default lifetime is 12 hours
      const me = await clocked.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json().user).toBeNull();
    } finally {
      await clocked.close();
    }
  });
});
