import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../src/domain/deadlines/engine.ts';
import { recours } from '../support/cli.ts';
import { as, createTestApp, type TestApp } from '../support/test-app.ts';

const CROWN = "ma mutuelle ne m'a remboursé que 9 € sur ma couronne";
const WRITTEN =
  "Madame, j'ai écrit le 3 septembre 2026 à la MGEN pour contester le remboursement de 18,30 € de ma couronne. Pas de réponse.";

let t: TestApp;
beforeAll(async () => {
  // The server clock: 23/11/2026 at 23:30 in Paris is still the 23rd there (22:30 UTC).
  t = await createTestApp({ now: () => new Date('2026-11-23T22:30:00Z') });
});
afterAll(() => t.close());

const triage = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/triage', payload: payload as object });

describe('POST /api/v1/triage (public)', () => {
  it('diagnoses a text without an account, today taken from the server clock in Paris', async () => {
    const res = await triage({ text: WRITTEN });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      category: 'reimbursement_contested',
      organisation: 'mutuelle',
      stage: 'written_complaint_sent',
      nextStep: 'mediator',
      nextStepRule: 'complementary.mediator_open',
    });
    // Every date shown is the engine's: the same facts give the same mediation window.
    const engine = computeDeadlines({
      context: { organisationType: 'mutuelle', today: '2026-11-23' },
      facts: { complaintSentOn: '2026-09-03' },
    });
    if (!engine.ok) throw new Error('engine');
    const window = engine.value.deadlines.find((x) => x.id === 'mediation.referral_window')!;
    expect(d.nextStepClosesOn).toBe(window.dueDate);
    expect(d.deadlines.find((x: { id: string }) => x.id === 'mediation.referral_window')).toMatchObject({
      opensOn: window.opensOn,
      dueDate: window.dueDate,
      status: window.status,
      source: window.source,
    });
  });

  it('applies answers: the questions answered go, the next step and deadlines are recomputed', async () => {
    const first = (await triage({ text: CROWN, today: '2026-11-23' })).json();
    expect(first.questions.map((q: { id: string }) => q.id)).toEqual(
      expect.arrayContaining(['stage', 'amount']),
    );
    const res = await triage({
      text: CROWN,
      today: '2026-11-23',
      answers: { stage: 'written_complaint_sent', complaintSentOn: '2026-11-02', amountCents: 11_100 },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.questions.map((q: { id: string }) => q.id)).not.toEqual(expect.arrayContaining(['stage']));
    expect(d.questions).toEqual([]);
    expect(d).toMatchObject({
      stage: 'written_complaint_sent',
      nextStepRule: 'complementary.mediator_wait',
      nextStepOpensOn: '2027-01-03',
      amountCents: 11_100,
      answered: ['stage', 'complaintSentOn', 'amountCents'],
    });
    expect(d.confidence.stage).toBe(1);
    expect(d.summary).toContain('02/11/2026');
  });

  it.each([
    [{ text: '' }, 400, 'text', /Décrivez votre situation/],
    [{ text: 'x'.repeat(5001) }, 400, 'text', /5\s000 caractères/],
    [{ text: CROWN, today: '2026-02-30' }, 400, 'today', /n'existe pas dans le calendrier/],
    [{ text: CROWN, answers: { stage: 'fini' } }, 400, 'answers.stage', /./],
    [{ text: CROWN, answers: { amountCents: 12.5 } }, 400, 'answers.amountCents', /centimes/],
    [
      { text: CROWN, answers: { complaintSentOn: '2027-01-01' } },
      422,
      'answers.complaintSentOn',
      /postérieure/,
    ],
  ])('refuses %j in French, naming the field', async (payload, status, field, message) => {
    const res = await triage(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toMatch(message);
  });

  it('is described in the OpenAPI document, request and diagnosis', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/triage'].post;
    expect(JSON.stringify(op.requestBody)).toContain('answers');
    expect(JSON.stringify(op.responses['200'])).toContain('nextStepReason');
  });
});

describe('the optional language model through the API', () => {
  let fake: Server;
  let withLlm: TestApp;
  beforeAll(async () => {
    fake = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        const content = JSON.stringify({ category: 'rights_suspended', organisation: 'cpam', stage: 'none' });
        res.end(JSON.stringify({ choices: [{ message: { content } }] }));
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const port = (fake.address() as AddressInfo).port;
    withLlm = await createTestApp({
      seed: false,
      env: { TRIAGE_LLM_URL: `http://127.0.0.1:${port}/v1`, TRIAGE_LLM_MODEL: 'fake' },
    });
  });
  afterAll(async () => {
    await withLlm.close();
    fake.closeAllConnections();
    await new Promise((r) => fake.close(r));
  });

  it('uses its labels as evidence; the member’s answer still wins', async () => {
    const text = "on m'a dit à la pharmacie que je n'avais plus de droits";
    const d = (await withLlm.app.inject({ method: 'POST', url: '/api/v1/triage', payload: { text } })).json();
    expect(d.organisation).toBe('cpam');
    expect(d.evidence.find((e: { field: string }) => e.field === 'organisation').rule).toBe(
      'llm.organisation',
    );
    expect(d.nextStepRule).toBe('cpam.contact');
    const answered = (
      await withLlm.app.inject({
        method: 'POST',
        url: '/api/v1/triage',
        payload: { text, answers: { organisation: 'mutuelle' } },
      })
    ).json();
    expect(answered.organisation).toBe('mutuelle');
  });
});

describe('a new file gets a suggested category and a priority (back office)', () => {
  it('stores them in the creation transaction and shows them in the file', async () => {
    const member = await t.login('adherent@demo.recours.fr');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { ...as(member), 'idempotency-key': 'triage-suggestion-1' },
      payload: {
        category: 'other',
        title: 'Ma résiliation n’est pas prise en compte',
        description: "J'ai envoyé ma résiliation il y a deux mois et ils prélèvent toujours la cotisation.",
        organisationName: 'Mutuelle Lointaine',
        organisationKind: 'mutuelle',
        amountCents: 150_000,
      },
    });
    expect(res.statusCode).toBe(201);
    // The text says termination, whatever the member chose; 1 500 € at stake is above the 1 000 € threshold.
    expect(res.json().dossier).toMatchObject({
      category: 'other',
      suggestedCategory: 'termination',
      priority: 'high',
    });
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${res.json().dossier.id}`,
      headers: as(member),
    });
    expect(again.json().dossier).toMatchObject({ suggestedCategory: 'termination', priority: 'high' });
  });
});

describe('recours triage', () => {
  it('reads a request on stdin and writes the same diagnosis as the API', async () => {
    const request = { text: WRITTEN, today: '2026-11-23' };
    const res = recours(['triage'], { input: JSON.stringify(request) });
    expect(res.status).toBe(0);
    const api = await triage(request);
    expect(res.json()).toEqual(api.json());
  });

  it('--jsonl: one diagnosis per line, an error object for a bad line, exit 2 at the end', () => {
    const lines = [
      JSON.stringify({ text: CROWN, today: '2026-11-23' }),
      '{pas du json',
      JSON.stringify({ text: CROWN, today: '2026-11-23', answers: { complaintSentOn: '2030-01-01' } }),
      JSON.stringify({ text: WRITTEN, today: '2026-11-23', answers: { stage: 'reminder_unanswered' } }),
    ];
    const res = recours(['triage', '--jsonl'], { input: `${lines.join('\n')}\n` });
    expect(res.status).toBe(2);
    const out = res.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(4);
    expect(out[0]).not.toContain('\n  '); // compact JSON
    expect(JSON.parse(out[0]!).category).toBe('reimbursement_contested');
    expect(JSON.parse(out[1]!)).toMatchObject({ line: 2, error: { code: 'INVALID_JSON' } });
    expect(JSON.parse(out[2]!)).toMatchObject({
      line: 3,
      error: { code: 'date_in_future', field: 'answers.complaintSentOn' },
    });
    expect(JSON.parse(out[3]!)).toMatchObject({ stage: 'reminder_unanswered', answered: ['stage'] });
  });

  it('--jsonl with only good lines exits 0', () => {
    const res = recours(['triage', '--jsonl'], { input: `${JSON.stringify({ text: CROWN })}\n` });
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).summary).toMatch(/^Je comprends/);
  });

  it('exits 2 with a JSON error naming the field', () => {
    const res = recours(['triage'], { input: '{"text": ""}' });
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(JSON.parse(res.stderr).error.field).toBe('text');
  });

  it('shows an example in --help', () => {
    const help = recours(['triage', '--help']).stdout;
    expect(help).toContain('npx recours triage');
    expect(help).toContain('--jsonl');
  });
});
