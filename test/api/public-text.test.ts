import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../src/db/schema.ts';
import { internalTextIn } from '../../src/domain/shared/public-text.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

/**
 * Issue #11 §4: nothing meant for developers reaches a user. Every API answer a page shows (GET of every route,
 * as every role, on the demo's files; the engines on their example inputs and on every option; answers to bad
 * input) is searched for the project's notes (« reference.md § », « référence § »), seeds, option names, internal
 * codes and researchers' doubts (src/domain/shared/public-text.ts). The routes come from the running app: a new
 * route is searched the day it is added. Only sentences are searched (strings with a space): identifiers and enum
 * values (« dentaire_prothese » alone) are data the pages translate; inside a sentence they are a leak.
 */

const ACCOUNTS = [
  'adherent@demo.recours.fr',
  'conseiller@demo.recours.fr',
  'superviseur@demo.recours.fr',
  'auditeur@demo.recours.fr',
  'admin@demo.recours.fr',
  'mediateur@demo.recours.fr',
] as const;

/** Answers that are not JSON for a page (streams, files, CSV downloads, the API's own description). */
const NOT_PAGES = /\/events$|\/pdf$|\/content$|\.csv$|\/openapi\.json$|\/docs|\/me\/export$|\/exports\//;

let t: TestApp;
const sessions = new Map<string, Session>();
let fileIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const email of ACCOUNTS) sessions.set(email, await t.login(email));
  const rows = await t.database.db.select({ id: dossiers.id }).from(dossiers).limit(500);
  // A few files of every kind the demo holds (member's drafts, transmitted, in mediation, closed).
  fileIds = rows.map((r) => r.id).filter((_, i) => i % 7 === 0);
}, 120_000);
afterAll(() => t.close());

/** The sentences of a JSON value, with where they are. */
function sentences(value: unknown, path = '$'): Array<[string, string]> {
  if (typeof value === 'string') return /\s/.test(value.trim()) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => sentences(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => sentences(v, `${path}.${k}`));
  return [];
}

/**
 * The values an API field accepts are its contract (the OpenAPI description lists them; pages only send valid
 * ones): an answer to bad input may name them after « Valeurs possibles : ». The rest of the message may not.
 */
const ACCEPTED_VALUES = /(Valeurs possibles :|une valeur parmi)[^.»]*/g;

function leaksIn(where: string, body: string, contentType: string | undefined): string[] {
  if (!contentType?.includes('json') || body.length === 0) return [];
  return sentences(JSON.parse(body)).flatMap(([path, text]) =>
    internalTextIn(text.replace(ACCEPTED_VALUES, '')).map(
      (f) => `${where} ${path}: ${f} in « ${text.slice(0, 140)} »`,
    ),
  );
}

const json = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../src/domain/${path}`, import.meta.url), 'utf8'));

describe('no internal text in what the API hands to pages (issue #11 §4)', () => {
  it('the detector finds what it must (this test can fail)', () => {
    expect(leaksIn('x', JSON.stringify({ why: 'voir référence §6' }), 'application/json')).toHaveLength(1);
    expect(
      leaksIn('x', JSON.stringify({ m: 'catégorie dentaire_prothese' }), 'application/json'),
    ).toHaveLength(1);
    expect(leaksIn('x', JSON.stringify({ code: 'dentaire_prothese' }), 'application/json')).toEqual([]);
  });

  it('every GET route, as every role, on the demo files', async () => {
    const routes = t.app.routeTable.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !NOT_PAGES.test(r.url),
    );
    expect(routes.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    let read = 0;
    for (const [email, session] of sessions) {
      for (const route of routes) {
        const params = route.url.match(/:\w+/g) ?? [];
        // Routes of one file; routes naming another kind of id are reached through their file's answers.
        if (params.some((p) => p !== ':id')) continue;
        const urls = params.length === 0 ? [route.url] : fileIds.map((id) => route.url.replace(':id', id));
        for (const url of urls) {
          const res = await t.app.inject({ method: 'GET', url, headers: as(session) });
          expect(res.statusCode, `${email} GET ${url}`).toBeLessThan(500);
          if (res.statusCode === 200) read++;
          leaks.push(...leaksIn(`${email} GET ${url}`, res.body, res.headers['content-type'] as string));
        }
      }
    }
    expect(read).toBeGreaterThan(50);
    expect(leaks).toEqual([]);
  }, 600_000);

  it('the deadline engine with every option the page offers', async () => {
    const base = json('deadlines/example-input.json');
    const variants = [
      base,
      { ...base, options: { ...base.options, complaintCountFrom: 'receipt' } },
      { ...base, options: { ...base.options, complaintCountFrom: 'sending' } },
      { ...base, options: { ...base.options, mutuelleMediator: 'lma' } },
      { ...base, options: { ...base.options, mutuelleMediator: 'fnmf' } },
      { ...base, options: { ...base.options, cpamBenefitsInKindPrescription: 'unsettled' } },
      { ...base, options: { ...base.options, mediationOutcomeFrom: 'complete_file' } },
      { ...base, options: { ...base.options, prescriptionSuspensionFrom: 'notification' } },
      { ...base, context: { ...base.context, organisationType: 'insurer' } },
      { ...base, context: { ...base.context, organisationType: 'cpam' } },
      { ...base, facts: {} },
    ];
    const leaks: string[] = [];
    for (const payload of variants) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/deadlines', payload });
      expect(res.statusCode, JSON.stringify(payload.options ?? payload.context)).toBe(200);
      leaks.push(...leaksIn('POST /api/v1/deadlines', res.body, res.headers['content-type'] as string));
    }
    expect(leaks).toEqual([]);
  });

  it('the reimbursement checker on its example and with its options', async () => {
    const base = json('reimbursement/example-input.json');
    const variants = [
      base,
      { ...base, options: { ...(base.options ?? {}), responsibleCoversModerateMedicineTm: false } },
      { ...base, options: { ...(base.options ?? {}), responsibleCoversModerateMedicineTm: true } },
      { ...base, options: { nonOptamGpBase: 2500, dentalRate: 70, auxiliaryRate: 60 } },
      { ...base, options: { heavyActFlatIncreaseDate: '2026-04-01' } },
    ];
    const leaks: string[] = [];
    for (const payload of variants) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/reimbursements/simulate', payload });
      expect(res.statusCode, JSON.stringify(payload.options)).toBe(200);
      leaks.push(...leaksIn('POST reimbursements/simulate', res.body, res.headers['content-type'] as string));
    }
    expect(leaks).toEqual([]);
  });

  it('answers to bad input say what to fix, in French, without field or option names of the code', async () => {
    const leaks: string[] = [];
    for (const [url, payload] of [
      [
        '/api/v1/deadlines',
        { context: { organisationType: 'mutuelle' }, facts: { complaintSentOn: 'hier' } },
      ],
      ['/api/v1/deadlines', { context: { organisationType: 'nulle' } }],
      [
        '/api/v1/deadlines',
        { context: { organisationType: 'mutuelle' }, options: { mutuelleMediator: 'x' } },
      ],
      ['/api/v1/reimbursements/simulate', { acts: [{ kind: 'dentaire_inconnu' }] }],
      ['/api/v1/reimbursements/simulate', { acts: [], options: { dentalRate: 300 } }],
      ['/api/v1/triage', { text: '' }],
      ['/api/v1/triage', { text: 'ma mutuelle ne rembourse pas', answers: { stage: 'inconnu' } }],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url, payload });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
      leaks.push(...leaksIn(`POST ${url}`, res.body, res.headers['content-type'] as string));
    }
    expect(leaks).toEqual([]);
  });

  it('the KPI definitions the back office shows', async () => {
    const session = sessions.get('superviseur@demo.recours.fr')!;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/kpi/definitions', headers: as(session) });
    expect(res.statusCode).toBe(200);
    expect(leaksIn('GET /api/v1/kpi/definitions', res.body, res.headers['content-type'] as string)).toEqual(
      [],
    );
  });
});
