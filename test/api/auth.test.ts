import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { as, createTestApp, sessionCookie, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-up and sign-in', () => {
  it('creates a member account with an argon2id hash and opens an HttpOnly, SameSite session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        email: 'Nouvel.Adherent@Exemple.fr',
        password: 'un mot de passe sûr',
        displayName: 'Jeanne Roux',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      role: 'member',
      email: 'nouvel.adherent@exemple.fr',
      organisation: null,
    });
    const cookie = res.cookies.find((c) => c.name === 'recours_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const stored = await findUserByEmail(t.database.db, 'nouvel.adherent@exemple.fr');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account on the same address, whatever its case', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'ADHERENT@demo.recours.fr', password: 'un mot de passe sûr', displayName: 'X Y' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', field: 'email' });
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
  it('answers 429 in French after too many attempts on one account', async () => {
    const limited = await createTestApp({ env: { LOGIN_MAX_PER_MINUTE: '3' }, seed: false });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'cible@exemple.fr', password: 'essai' },
        });
      const codes = [];
      for (let i = 0; i < 4; i += 1) codes.push((await attempt()).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await attempt();
      expect(res.json().error.code).toBe('RATE_LIMITED');
      expect(res.json().error.message).toMatch(/Patientez/);
    } finally {
      await limited.close();
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
