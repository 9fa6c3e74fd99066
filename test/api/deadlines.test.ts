import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recours } from '../support/cli.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const example = JSON.parse(
  readFileSync(new URL('../../src/domain/deadlines/example-input.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

describe('POST /api/v1/deadlines (public)', () => {
  it('computes every deadline of a file without an account', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/deadlines', payload: example });
    expect(res.statusCode).toBe(200);
    const ack = res.json().deadlines.find((d: { id: string }) => d.id === 'complaint.acknowledgment');
    // ACPR 2024-R-02: 10 jours ouvrables from 02/03/2026 (sending), Sunday 08/03 not counted → 13/03/2026.
    expect(ack).toMatchObject({ dueDate: '2026-03-13', status: 'missed' });
    expect(ack.source).toContain('ACPR');
  });

  it('names the field at fault in French: an impossible date', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines',
      payload: { ...example, facts: { complaintSentOn: '2026-02-30' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('facts.complaintSentOn');
    expect(res.json().error.message).toMatch(/impossible|n'existe pas/);
  });

  it('refuses an answer dated before the complaint (422, the field named)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines',
      payload: {
        context: { organisationType: 'mutuelle', zone: 'metropole', today: '2026-06-01' },
        facts: { complaintSentOn: '2026-03-10', answerReceivedOn: '2026-03-01', answerOutcome: 'rejected' },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.field).toContain('answerReceivedOn');
  });

  it('refuses an unknown zone', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines',
      payload: { ...example, context: { organisationType: 'mutuelle', zone: 'lune', today: '2026-06-01' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('context.zone');
  });
});

describe('recours deadlines', () => {
  it('reads facts on stdin and writes the same deadlines as the API', async () => {
    const res = recours(['deadlines'], { input: JSON.stringify(example) });
    expect(res.status).toBe(0);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/deadlines', payload: example });
    expect(res.json()).toEqual(api.json());
  });

  it('exits 2 with a JSON error naming the field', () => {
    const res = recours(['deadlines'], {
      input: '{"context":{"organisationType":"mutuelle","zone":"metropole"}}',
    });
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(JSON.parse(res.stderr).error.field).toBe('context.today');
  });

  it('shows an example in --help', () => {
    expect(recours(['deadlines', '--help']).stdout).toContain('complaintSentOn');
  });
});
