import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../src/domain/deadlines/engine.ts';
import { simulateReimbursement } from '../../src/domain/reimbursement/engine.ts';
import { buildApp } from '../../src/server/app.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { demoDossiers, loginAll, PDF_BYTES, upload, type Who } from './dossier-support.ts';

/** Issue 10, section 4: each hardening rule, from the outside. */

let t: TestApp;
let s: Record<Who, Session>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;
beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = demoDossiers(t);
}, 120_000);
afterAll(() => t.close());

const reimbursementExample = () =>
  JSON.parse(
    readFileSync(new URL('../../src/domain/reimbursement/example-input.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

const newDossier = (extra: Record<string, unknown> = {}) => ({
  category: 'other',
  title: 'Remboursement refusé',
  organisationName: 'Mutuelle X',
  organisationKind: 'mutuelle',
  ...extra,
});

function post(url: string, who: Who, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...as(s[who]), ...headers },
    payload: payload as object,
  });
}

/** No English from zod or Fastify reaches a client. */
function expectFrench(message: string) {
  expect(message).not.toMatch(/Invalid input|expected|received|Too (big|small)|Bad Request|Client Error/);
}

describe('control characters', () => {
  it('refuses a NUL byte in a file title, a message, a contact summary, with the field (400, not 500)', async () => {
    const cases: [string, Who, unknown, string][] = [
      ['/api/v1/dossiers', 'member', newDossier({ title: 'Couronne\u0000 refusée' }), 'title'],
      [`/api/v1/dossiers/${ids.crown}/messages`, 'member', { body: 'Bonjour\u0000' }, 'body'],
      [
        `/api/v1/dossiers/${ids.crown}/contacts`,
        'member',
        { channel: 'phone', summary: 'Appel\u0007' },
        'summary',
      ],
    ];
    for (const [url, who, payload, field] of cases) {
      const res = await post(url, who, payload);
      expect([url, res.statusCode, res.json().error.field]).toEqual([url, 400, field]);
      expect(res.json().error.message).toMatch(/caractère de contrôle/);
    }
  });

  it('refuses one in the register search and in an upload title', async () => {
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/v1/register?q=diab%00te',
      headers: as(s.handler),
    });
    expect([search.statusCode, search.json().error.field]).toEqual([400, 'query.q']);
    const uploaded = await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'invoice', title: 'Facture\u0001' },
      {
        name: 'f.pdf',
        bytes: PDF_BYTES,
        type: 'application/pdf',
      },
    );
    expect([uploaded.statusCode, uploaded.json().error.field]).toEqual([400, 'title']);
  });

  it('keeps line breaks and tabs in a message', async () => {
    const res = await post(`/api/v1/dossiers/${ids.crown}/messages`, 'member', {
      body: 'Bonjour,\n\tmerci.\r\n',
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('unknown keys', () => {
  it('refuses an unknown key of a request body with its path', async () => {
    const res = await post('/api/v1/dossiers', 'member', newDossier({ titel: 'faute de frappe' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'titel' });
    expect(res.json().error.message).toMatch(/Champ inconnu : titel/);
  });

  it('refuses a misspelt `pateint` in the reimbursement engine instead of ignoring it', async () => {
    const { patient, ...rest } = reimbursementExample();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reimbursements/simulate',
      payload: { ...rest, pateint: patient },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('pateint');
    const nested = simulateReimbursement({
      ...reimbursementExample(),
      acts: [{ ...(reimbursementExample().acts as object[])[0], prixPaye: 3000 }],
    });
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.error.field).toBe('acts[0].prixPaye');
  });
});

describe('French messages everywhere', () => {
  it('explains a nested null, a too long text and a wrong type in French', async () => {
    const nullPatient = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reimbursements/simulate',
      payload: { ...reimbursementExample(), patient: null },
    });
    expect(nullPatient.statusCode).toBe(400);
    expectFrench(nullPatient.json().error.message);
    const long = await post('/api/v1/dossiers', 'member', newDossier({ title: 'x'.repeat(300) }));
    expect(long.json().error.message).toMatch(/Trop long : 200 caractères au plus/);
    expectFrench(long.json().error.message);
    const wrongType = await post('/api/v1/dossiers', 'member', newDossier({ amountCents: 'douze' }));
    expect(wrongType.json().error.field).toBe('amountCents');
    expectFrench(wrongType.json().error.message);
    const body = await post('/api/v1/dossiers', 'member', null);
    expect(body.statusCode).toBe(400);
    expectFrench(body.json().error.message);
  });

  it('answers Fastify’s own refusals in French: bad JSON, wrong media type, too large a body', async () => {
    const base = { method: 'POST' as const, url: '/api/v1/deadlines' };
    const badJson = await t.app.inject({
      ...base,
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect([badJson.statusCode, badJson.json().error.code]).toEqual([400, 'INVALID_JSON']);
    const proto = await t.app.inject({
      ...base,
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__":{"x":1}}',
    });
    expect(proto.statusCode).toBe(400);
    expectFrench(proto.json().error.message);
    const media = await t.app.inject({ ...base, headers: { 'content-type': 'text/csv' }, payload: 'a;b' });
    expect([media.statusCode, media.json().error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const big = await t.app.inject({
      ...base,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
    });
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    for (const res of [badJson, media, big]) expectFrench(res.json().error.message);
  });

  it('answers a header with a forbidden byte in French, before any route', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nX-Test: a\u0001b\r\n\r\n');
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString('utf8');
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1.1 400/);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body.error.message).toMatch(/Requête mal formée/);
    expectFrench(body.error.message);
  });
});

describe('dates', () => {
  it('checks the facts given at creation as PATCH /facts does: no complaint sent in 2099', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: as(s.member) });
    const res = await post('/api/v1/dossiers', 'member', newDossier({ complaintSentOn: '2099-01-01' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.field).toBe('facts.complaintSentOn');
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: as(s.member) });
    expect(after.json().dossiers.length).toBe(before.json().dossiers.length);
  });

  it('refuses years 0000 and 9999 with the field, at the API and in the engines, without throwing', async () => {
    for (const date of ['0000-01-01', '9999-12-31', '1899-12-31', '2101-01-01']) {
      const created = await post('/api/v1/dossiers', 'member', newDossier({ complaintSentOn: date }));
      expect([date, created.statusCode, created.json().error.field]).toEqual([date, 400, 'complaintSentOn']);
      const facts = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/dossiers/${ids.crown}/facts`,
        headers: as(s.member),
        payload: { facts: { answerReceivedOn: date } },
      });
      expect([date, facts.statusCode, facts.json().error.field]).toEqual([
        date,
        422,
        'facts.answerReceivedOn',
      ]);
      const deadlines = computeDeadlines({
        context: { organisationType: 'mutuelle', today: date },
        facts: { complaintSentOn: '2026-01-05' },
      });
      expect(deadlines.ok ? 'ok' : deadlines.error.field).toBe('context.today');
      const example = reimbursementExample();
      const acts = example.acts as { date: string }[];
      const reimbursement = simulateReimbursement({ ...example, acts: [{ ...acts[0]!, date }] });
      expect(reimbursement.ok ? 'ok' : reimbursement.error.field).toBe('acts[0].date');
    }
    expect(
      computeDeadlines({ context: { organisationType: 'mutuelle', today: '2026-11-23' }, facts: {} }).ok,
    ).toBe(true);
  });
});

describe('Idempotency-Key', () => {
  it('gives the same file back for the same request, and refuses the same key with another request (422)', async () => {
    const key = { 'idempotency-key': 'cle-durcissement-0001' };
    const first = await post('/api/v1/dossiers', 'member', newDossier(), key);
    const retry = await post('/api/v1/dossiers', 'member', newDossier(), key);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
    expect(retry.json().dossier.id).toBe(first.json().dossier.id);
    const other = await post('/api/v1/dossiers', 'member', newDossier({ title: 'Un autre litige' }), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('/api/health', () => {
  it('tells an admin which database runs, and nobody else', async () => {
    const admin = await t.app.inject({ method: 'GET', url: '/api/health', headers: as(s.admin) });
    expect(admin.json()).toMatchObject({
      status: 'ok',
      database: {
        kind: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
        version: expect.stringContaining('PostgreSQL'),
      },
    });
    for (const who of ['member', 'handler', 'auditor'] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: as(s[who]) });
      expect(res.json()).toEqual({ status: 'ok' });
    }
  });
});

describe('security headers', () => {
  it('sends a strict policy without inline script, no framing, no referrer, no device access', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['permissions-policy'])).toContain('camera=()');
  });

  it('gives the API documentation a policy of its own, and its page has no inline script', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-security-policy'])).toMatch(
      /script-src 'self';.*frame-ancestors 'none'/,
    );
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const initializer = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });

  it('the web page loads its script from a file, not inline', () => {
    const html = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('uploaded PDFs', () => {
  async function pdfWith(action: 'javascript' | 'launch' | 'none', objectStreams: boolean) {
    const doc = await PDFDocument.create();
    doc.addPage();
    if (action !== 'none') {
      const act =
        action === 'javascript'
          ? doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })
          : doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') });
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(act));
    }
    return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
  }

  it('refuses a PDF that runs JavaScript or a program, compressed object streams included', async () => {
    for (const [action, streams] of [
      ['javascript', true],
      ['javascript', false],
      ['launch', true],
    ] as const) {
      const res = await upload(
        t,
        s.member,
        ids.crown,
        { kind: 'invoice' },
        {
          name: 'piege.pdf',
          bytes: await pdfWith(action, streams),
          type: 'application/pdf',
        },
      );
      expect([action, res.statusCode, res.json().error.field]).toEqual([action, 422, 'file']);
      expect(res.json().error.message).toMatch(/par sécurité, il est refusé/);
    }
    const plain = await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'invoice' },
      {
        name: 'sain.pdf',
        bytes: await pdfWith('none', true),
        type: 'application/pdf',
      },
    );
    expect(plain.statusCode).toBe(201);
  });
});

describe('logs', () => {
  it('keep no SQL parameter, no stack and no query string, and give the client the error id', async () => {
    const lines: string[] = [];
    const app = await buildApp(
      { ...t.ctx, config: { ...t.ctx.config, logLevel: 'info' } },
      { logger: true, serveWeb: false, logStream: { write: (line) => lines.push(line) } },
    );
    app.get('/api/v1/essai-panne', { schema: { hide: true } }, async () => {
      await t.ctx.database.db.execute(sql`select ${'diabète de type 2'}::int as n`);
      return {};
    });
    await app.ready();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/essai-panne?motif=diab%C3%A8te' });
      expect(res.statusCode).toBe(500);
      const { errorId, message } = res.json().error;
      expect(message).toContain(errorId);
      const search = await app.inject({
        method: 'GET',
        url: '/api/v1/register?q=diab%C3%A8te',
        headers: as(s.handler),
      });
      expect(search.statusCode).toBe(200);
      const text = lines.join('');
      expect(text).not.toMatch(/diab/i);
      expect(text).not.toMatch(/\n\s+at /);
      const failure = lines.map((l) => JSON.parse(l)).filter((l) => l.errorId);
      expect(failure).toHaveLength(1);
      expect(failure[0].errorId).toBe(errorId);
    } finally {
      await app.close();
    }
  });
});
