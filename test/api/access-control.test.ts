import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const sessions: Record<string, Session> = {};
const ACCOUNTS = {
  member: 'adherent@demo.recours.fr',
  member2: 'adherent2@demo.recours.fr',
  handler: 'conseiller@demo.recours.fr',
  supervisor: 'superviseur@demo.recours.fr',
  mediator: 'mediateur@demo.recours.fr',
  auditor: 'auditeur@demo.recours.fr',
  admin: 'admin@demo.recours.fr',
  otherHandler: 'conseiller@assurances-exemple.fr',
} as const;
type Who = keyof typeof ACCOUNTS;

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries(ACCOUNTS)) sessions[who] = await t.login(email);
});
afterAll(() => t.close());

async function listAs(who: Who) {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: as(sessions[who]!) });
  expect(res.statusCode).toBe(200);
  return res.json().dossiers as { id: string; title: string; organisationName: string; status: string }[];
}

describe('what each role sees (least privilege, RGPD art. 9)', () => {
  it('a member lists only his own files', async () => {
    const mine = await listAs('member');
    const theirs = await listAs('member2');
    expect(mine.length).toBe(3);
    expect(theirs.length).toBe(2);
    const mineIds = new Set(mine.map((d) => d.id));
    expect(theirs.some((d) => mineIds.has(d.id))).toBe(false);
  });

  it('staff of an organisation list only that organisation’s files', async () => {
    // 3 example files + the 40 files of the back-office demo register (src/server/register/demo-data.ts), less
    // its 3 drafts that the members have not transmitted (private to them, issue 16).
    for (const who of ['handler', 'supervisor', 'auditor', 'admin'] as const) {
      const rows = await listAs(who);
      expect(rows.length).toBe(40);
      expect(rows.some((d) => d.status === 'draft')).toBe(false);
      expect(rows.every((d) => d.organisationName === 'Mutuelle Démo')).toBe(true);
    }
    const other = await listAs('otherHandler');
    expect(other.map((d) => d.organisationName)).toEqual(['Assurances Exemple']);
  });

  it('a mediator lists only the files referred to him', async () => {
    const rows = await listAs('mediator');
    expect(rows.map((d) => d.status)).toEqual(['mediation']);
  });

  it('nobody signed out lists anything', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('reading one file: every role against every demo file', () => {
  it('answers 200 exactly where the policy allows, 404 elsewhere (never revealing the file exists)', async () => {
    const all = new Map<string, { organisationName: string; status: string; owner: Who }>();
    for (const owner of ['member', 'member2'] as const) {
      for (const d of await listAs(owner)) all.set(d.id, { ...d, owner });
    }
    expect(all.size).toBe(5);
    const expected = (who: Who, d: { organisationName: string; status: string; owner: Who }) => {
      if (who === 'member' || who === 'member2') return d.owner === who;
      if (who === 'mediator') return d.status === 'mediation';
      if (who === 'otherHandler') return d.organisationName === 'Assurances Exemple';
      return d.organisationName === 'Mutuelle Démo';
    };
    for (const who of Object.keys(ACCOUNTS) as Who[]) {
      for (const [id, d] of all) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/dossiers/${id}`,
          headers: as(sessions[who]!),
        });
        expect([who, id, res.statusCode]).toEqual([who, id, expected(who, d) ? 200 : 404]);
      }
    }
  });

  it('only members open files', async () => {
    const payload = {
      category: 'other',
      title: 'Essai',
      organisationName: 'Mutuelle X',
      organisationKind: 'mutuelle',
    };
    for (const who of ['handler', 'supervisor', 'mediator', 'auditor', 'admin'] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: as(sessions[who]!),
        payload,
      });
      expect([who, res.statusCode]).toEqual([who, 403]);
    }
  });
});

describe('creating a file', () => {
  it('is idempotent: a retried submission with the same key returns the same file', async () => {
    const payload = {
      category: 'reimbursement_contested',
      title: 'Consultation remboursée 0 €',
      organisationName: 'Mutuelle Lointaine',
      organisationKind: 'mutuelle',
      amountCents: 3000,
    };
    const headers = { ...as(sessions.member2!), 'idempotency-key': 'form-1234-abcd' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload });
    const retry = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().dossier.id).toBe(first.json().dossier.id);
  });

  it('names the field to fix and creates nothing on invalid input', async () => {
    const before = (await listAs('member2')).length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: as(sessions.member2!),
      payload: {
        category: 'inconnue',
        title: 'Essai',
        organisationName: 'Mutuelle X',
        organisationKind: 'mutuelle',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('category');
    expect((await listAs('member2')).length).toBe(before);
  });
});
