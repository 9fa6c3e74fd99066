import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recours } from '../support/cli.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const example = JSON.parse(
  readFileSync(new URL('../../src/domain/reimbursement/example-input.json', import.meta.url), 'utf8'),
) as { acts: Record<string, unknown>[] } & Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

const simulate = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/reimbursements/simulate', payload: payload as object });

describe('POST /api/v1/reimbursements/simulate (public)', () => {
  it('prices the service-public example: GP 30 € with the médecin traitant → 19 € from the AMO (F17042)', async () => {
    const res = await simulate({
      acts: [
        { date: '2026-03-12', kind: 'consultation_generaliste', label: 'Consultation', pricePaid: 3000 },
      ],
      patient: { birthDate: '1980-05-04' },
      contract: { responsible: true, guarantees: [] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().acts[0]).toMatchObject({ amoNet: 1900 });
  });

  it('finds the shortfalls of the example file', async () => {
    const res = await simulate(example);
    expect(res.statusCode).toBe(200);
    expect(res.json().shortfalls.length).toBeGreaterThan(0);
    expect(res.json().shortfalls[0].sentence).toMatch(/€/);
  });

  it.each([
    ['a negative price', { pricePaid: -100 }, 'acts[0].pricePaid'],
    ['an unknown act kind', { kind: 'acupuncture_magique' }, 'acts[0].kind'],
    ['a rate above 100 %', { amoRate: 140 }, 'acts[0].amoRate'],
    ['an impossible date', { date: '2026-02-30' }, 'acts[0].date'],
  ])('refuses %s in French, naming the field', async (_label, override, field) => {
    const act = {
      date: '2026-03-12',
      kind: 'consultation_generaliste',
      label: 'C',
      pricePaid: 3000,
      ...override,
    };
    const res = await simulate({
      acts: [act],
      patient: { birthDate: '1980-05-04' },
      contract: { guarantees: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toMatch(/Acte n° 1/);
  });

  it('reads a table of guarantees pasted as CSV', async () => {
    const text = readFileSync(
      new URL('../../src/domain/reimbursement/example-guarantees.csv', import.meta.url),
      'utf8',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reimbursements/guarantees/import',
      payload: { format: 'csv', text },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().guarantees.length).toBeGreaterThan(3);
  });
});

describe('recours reimbursement', () => {
  it('gives on stdout what the API gives', async () => {
    const cli = recours(['reimbursement'], { input: JSON.stringify(example) });
    expect(cli.status).toBe(0);
    expect(cli.json()).toEqual((await simulate(example)).json());
  });
});
