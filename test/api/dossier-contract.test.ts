import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { auditTypes, demoDossiers, expectFrenchError, loginAll, type Who } from './dossier-support.ts';

const example = JSON.parse(
  readFileSync(new URL('../../src/domain/reimbursement/example-input.json', import.meta.url), 'utf8'),
) as { contract: { guarantees: Record<string, unknown>[] } } & Record<string, unknown>;

let t: TestApp;
let s: Record<Who, Session>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = demoDossiers(t);
});
afterAll(() => t.close());

const put = (who: Who, dossierId: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/dossiers/${dossierId}/contract`,
    headers: as(s[who]),
    payload: payload as object,
  });
const get = (who: Who, dossierId: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/contract`, headers: as(s[who]) });
const simulate = (who: Who, dossierId: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierId}/reimbursements/simulate`,
    headers: as(s[who]),
    payload: payload as object,
  });

describe('the table of guarantees stored with a file', () => {
  it('is null until one is stored', async () => {
    const res = await get('member', ids.termination);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ contract: null });
  });

  it('stores the contract, reads it back, and audits only the number of lines', async () => {
    const res = await put('member', ids.crown, example.contract);
    expect(res.statusCode).toBe(200);
    expect(res.json().contract.guarantees).toHaveLength(example.contract.guarantees.length);

    const back = (await get('member', ids.crown)).json().contract;
    expect(back).toMatchObject(example.contract);
    // Defaults of the domain schema are filled in.
    expect(back.guarantees[0]).toMatchObject({ panier: 'any', amountPer: 'act', periodYears: 1 });

    const event = (await auditTypes(t, ids.crown)).find((e) => e.type === 'dossier.contract_saved');
    expect(event?.payload).toEqual({ guarantees: example.contract.guarantees.length });
    expect(JSON.stringify(event?.payload)).not.toContain('OPTAM');
  });

  it('refuses an unknown key with its path (a misspelt field would silently change the result)', async () => {
    const res = await put('handler', ids.crown, { ...example.contract, secret: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('secret');
    expect(res.json().error.message).toMatch(/Champ inconnu : secret/);
  });

  it('refuses an invalid line in French, naming the field', async () => {
    const guarantees = structuredClone(example.contract.guarantees);
    delete guarantees[2]!.percent;
    const error = expectFrenchError(
      await put('member', ids.crown, { ...example.contract, guarantees }),
      400,
      'guarantees[2].percent',
    );
    expect(error.message).toMatch(/^Garantie n° 3 : .*pourcentage/);
    expectFrenchError(await put('member', ids.crown, { name: 'Sans tableau' }), 400, 'guarantees');
    // The refused body changed nothing.
    expect((await get('member', ids.crown)).json().contract.guarantees[2].percent).toBe(100);
  });

  it('lets readers read; only the member and handlers write; others get 404', async () => {
    for (const who of ['handler', 'supervisor', 'auditor', 'admin'] as const) {
      expect([who, (await get(who, ids.crown)).statusCode]).toEqual([who, 200]);
    }
    for (const who of ['auditor', 'admin'] as const) {
      const res = await put(who, ids.crown, example.contract);
      expect([who, res.statusCode]).toEqual([who, 403]);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    for (const who of ['member2', 'otherHandler', 'mediator'] as const) {
      expect([who, (await get(who, ids.crown)).statusCode]).toEqual([who, 404]);
      expect([who, (await put(who, ids.crown, example.contract)).statusCode]).toEqual([who, 404]);
      expect([who, (await simulate(who, ids.crown, { acts: example.acts })).statusCode]).toEqual([who, 404]);
    }
    // Even an invalid body from an outsider is a 404: validation never reveals the file.
    expect((await put('member2', ids.crown, { guarantees: 'non' })).statusCode).toBe(404);
    expect((await put('auditor', ids.crown, { guarantees: 'non' })).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${ids.crown}/contract` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('simulates with the stored contract exactly as the public checker does with that contract', async () => {
    await put('member', ids.crown, example.contract);
    const { contract: _omitted, ...withoutContract } = example;
    const stored = await simulate('auditor', ids.crown, withoutContract);
    expect(stored.statusCode).toBe(200);
    const pub = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reimbursements/simulate',
      payload: example,
    });
    expect(pub.statusCode).toBe(200);
    expect(stored.json()).toEqual(pub.json());
    expect(stored.json().totals.amc).toBeGreaterThan(0);

    // A contract in the body wins over the stored one.
    const empty = { ...withoutContract, contract: { guarantees: [] } };
    const given = await simulate('member', ids.crown, empty);
    const pubEmpty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reimbursements/simulate',
      payload: empty,
    });
    expect(given.json()).toEqual(pubEmpty.json());
    expect(given.json().totals.amc).toBeLessThan(stored.json().totals.amc);
    // Without a stored contract, no complementary share at all.
    const bare = await simulate('member', ids.cpam, withoutContract);
    expect(bare.statusCode).toBe(200);
    expect(bare.json().totals.amc).toBe(0);
    expectFrenchError(await simulate('member', ids.crown, { acts: [] }), 400, 'acts');
  });
});
