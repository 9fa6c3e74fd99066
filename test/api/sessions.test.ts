import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.ts';
import { as, createTestApp, sessionCookie, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signIn = (previous?: { cookie: string; csrfToken: string }, userAgent = 'Navigateur de test') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: {
      'user-agent': userAgent,
      ...(previous ? { cookie: previous.cookie, 'x-csrf-token': previous.csrfToken } : {}),
    },
    payload: { email: 'adherent2@demo.recours.fr', password: DEMO_PASSWORD },
  });

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('sessions of a member', () => {
  it('rotates the session on a new sign-in: the cookie the browser had before stops working', async () => {
    const firstResponse = await signIn();
    const first = sessionCookie(firstResponse);
    const second = sessionCookie(await signIn({ cookie: first, csrfToken: firstResponse.json().csrfToken }));
    expect(second).not.toBe(first);
    expect((await me(first)).json().user).toBeNull();
    expect((await me(second)).json().user.email).toBe('adherent2@demo.recours.fr');
  });

  it('lists his open sessions, marks the current one, and revokes another', async () => {
    const laptop = await signIn(undefined, 'Ordinateur portable');
    const phone = await signIn(undefined, 'Téléphone');
    const session = { cookie: sessionCookie(laptop), csrfToken: laptop.json().csrfToken, userId: '' };
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: as(session) });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; userAgent: string; current: boolean }[];
    expect(sessions.filter((x) => x.current).map((x) => x.userAgent)).toEqual(['Ordinateur portable']);
    const other = sessions.find((x) => x.userAgent === 'Téléphone')!;
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: as(session),
    });
    expect(revoked.statusCode).toBe(204);
    expect((await me(sessionCookie(phone))).json().user).toBeNull();
    expect((await me(session.cookie)).json().user).not.toBeNull();
  });

  it('cannot revoke another member’s session (404), nor list them signed out (401)', async () => {
    const victim = await t.login('adherent@demo.recours.fr');
    const victimList = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: as(victim) });
    const victimSession = victimList.json().sessions[0].id as string;
    const attacker = await t.login('adherent2@demo.recours.fr');
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${victimSession}`,
      headers: as(attacker),
    });
    expect(res.statusCode).toBe(404);
    expect((await me(victim.cookie)).json().user).not.toBeNull();
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/sessions' });
    expect(anonymous.statusCode).toBe(401);
  });
});
