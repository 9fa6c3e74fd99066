import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const s: Record<string, Session> = {};

const CSV = [
  'reference;receivedOn;channel;category;product;region;acknowledgedOn;answeredOn;outcome;mediationReferredOn;satisfaction;text',
  'H-0001;2025-03-03;courrier;reimbursement_contested;Santé Plus;75;2025-03-05;2025-04-10;partial;;4;Dépassement non remboursé',
  'H-0002;2025-03-04;email;termination;Santé Plus;2A;;;;;;Résiliation ignorée',
  'H-0003;2025-03-05;telephone;contributions;Senior;971;2025-03-20;2025-05-20;rejected;2025-07-01;2;Hausse de cotisation',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries({
    admin: 'admin@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    auditor: 'auditeur@demo.recours.fr',
    handler: 'conseiller@demo.recours.fr',
    member: 'adherent@demo.recours.fr',
  })) {
    s[who] = await t.login(email);
  }
});
afterAll(() => t.close());

function upload(who: string, body: string, query: string, type = 'text/csv') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/import/complaints${query}`,
    headers: { ...as(s[who]!), 'content-type': type },
    payload: body,
  });
}

describe('POST /api/v1/import/complaints', () => {
  it('previews without saving, then imports; a second import changes nothing (idempotent)', async () => {
    const preview = await upload('admin', CSV, '');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ lines: 3, imported: 3, invalid: 0, committed: false });
    expect(preview.json().preview[0]).toMatchObject({ line: 2, reference: 'H-0001', channel: 'letter' });

    const done = await upload('admin', CSV, '?dryRun=false');
    expect(done.json()).toMatchObject({ imported: 3, committed: true });
    const again = await upload('admin', CSV, '?dryRun=false');
    expect(again.json()).toMatchObject({ imported: 0, alreadyImported: 3, committed: true });

    // Files of the register: searchable, status from their dates, with an « imported » history event.
    const register = await t.app.inject({
      method: 'GET',
      url: '/api/v1/register?q=cotisation&sort=date',
      headers: as(s.supervisor!),
    });
    const item = register.json().items.find((i: { reference: string }) => i.reference === 'H-0003');
    expect(item).toMatchObject({ status: 'mediation', channel: 'phone', category: 'contributions' });
  });

  it('all or nothing: one wrong line refuses the file, with line, column and a French reason', async () => {
    const bad = `${CSV.replaceAll('H-00', 'B-00')}\nB-0004;2025-02-30;agence;nope;X;20;;;;;7;`;
    const res = await upload('admin', bad, '?dryRun=false');
    const report = res.json();
    expect(report).toMatchObject({ committed: false, invalid: 1 });
    const columns = report.errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`);
    expect(columns).toEqual(['5:receivedOn', '5:category', '5:region', '5:satisfaction']);
    expect(report.errors[1].message).toContain('reimbursement_contested');
    const skip = await upload('admin', bad, '?dryRun=false&skipInvalid=true');
    expect(skip.json()).toMatchObject({ committed: true, imported: 3, invalid: 1 });
  });

  it('JSON Lines too; a header with unknown columns is refused as a whole', async () => {
    const jsonl = `{"reference":"J-1","receivedOn":"2025-06-02","channel":"web","category":"other","product":"P","region":"13"}\n`;
    const res = await upload('admin', jsonl, '?dryRun=false', 'application/x-ndjson');
    expect(res.json()).toMatchObject({ imported: 1, committed: true });
    const header = await upload('admin', 'ref,date\nx,y', '');
    expect(header.json().fileErrors[0]).toContain('« receivedOn »');
  });

  it.each(['supervisor', 'handler', 'member'])('a %s may not import (403)', async (who) => {
    const res = await upload(who, CSV, '');
    expect(res.statusCode).toBe(403);
  });
});

describe('GET /api/v1/kpi', () => {
  it('supervisors, admins and auditors read the same keys as the CLI', async () => {
    for (const who of ['supervisor', 'admin', 'auditor']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/kpi?from=2025-03-01&to=2025-03-31&asOf=2025-12-31',
        headers: as(s[who]!),
      });
      expect(res.statusCode, res.body).toBe(200);
      const k = res.json();
      // The H- and B- lines imported above: the same three complaints twice.
      expect(k).toMatchObject({ count: 6, openCount: 2, mediationRate: 0.5, satisfactionMean: 3 });
      // 1: acknowledged in time; 2: nothing, late; 3: acknowledged 20/03 > due 15/03, late.
      expect(k.acknowledgedInTimeRate).toBe(0.3333);
      expect(k.answeredInTimeRate).toBe(0.3333);
      expect(k.byRegion).toEqual({ '75': 2, '2A': 2, '971': 2 });
      // The dashboard's weekly chart: 6 complaints of March 2025, counted week by week (issue 14).
      const weekly = k.series.weeklyByCategory as { count: number }[];
      expect(weekly.reduce((sum, p) => sum + p.count, 0)).toBe(6);
    }
  });

  it('--from after --to is a French error; a handler and a member are refused', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/kpi?from=2025-04-01&to=2025-03-01',
      headers: as(s.supervisor!),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('inversez');
    for (const who of ['handler', 'member']) {
      const r = await t.app.inject({
        method: 'GET',
        url: '/api/v1/kpi?from=2025-01-01&to=2025-12-31',
        headers: as(s[who]!),
      });
      expect(r.statusCode).toBe(403);
    }
  });
});

describe('GET /api/v1/exports/register', () => {
  it('CSV with the filters of the screen; an empty result is a valid file with its header', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exports/register?format=csv&category=contributions',
      headers: as(s.supervisor!),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Référence;Date de réception');
    expect(lines.slice(1).every((l) => l.includes('Cotisations'))).toBe(true);
    expect(lines.some((l) => l.startsWith('H-0003;2025-03-05'))).toBe(true);

    const empty = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exports/register?format=csv&q=zzzzinexistant',
      headers: as(s.auditor!),
    });
    expect(
      empty.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('XLSX streamed by exceljs reads back with the same rows', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exports/register?format=xlsx&category=contributions',
      headers: as(s.admin!),
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Registre')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Référence');
    const refs: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) refs.push(String(row.getCell(1).value));
    });
    expect(refs).toContain('H-0003');
    const empty = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exports/register?format=xlsx&q=zzzzinexistant',
      headers: as(s.admin!),
    });
    const emptyBook = new ExcelJS.Workbook();
    await emptyBook.xlsx.load(empty.rawPayload as unknown as ArrayBuffer);
    expect(emptyBook.getWorksheet('Registre')!.rowCount).toBe(1);
  });

  it('a handler may not export the register', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exports/register',
      headers: as(s.handler!),
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('reports and benchmark', () => {
  it('ACPR figures of a year as CSV and PDF', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/acpr?year=2025',
      headers: as(s.auditor!),
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('Volumes;Réclamations reçues;');
    expect(csv.body).toContain('Par motif;Cotisations');
    const pdf = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/acpr?year=2025&format=pdf',
      headers: as(s.auditor!),
    });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the benchmark puts the organisation beside the dated, sourced figures of LMA, FNMF and CTIP', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/kpi/benchmark?from=2025-01-01&to=2025-12-31&asOf=2025-12-31',
      headers: as(s.supervisor!),
    });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.organisation.referrals).toBeGreaterThan(0);
    expect(new Set(b.mediators.map((m: { mediator: string }) => m.mediator))).toEqual(
      new Set(['lma', 'fnmf', 'ctip']),
    );
    expect(
      b.mediators.every((m: { source: string; year: number }) => m.source.length > 10 && m.year > 2000),
    ).toBe(true);
    expect(b.notes.length).toBeGreaterThan(2);
  });
});
