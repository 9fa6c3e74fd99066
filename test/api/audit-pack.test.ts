import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPPLER, pdfText, save } from '../pdf/support.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const s: Record<string, Session> = {};

// A history with one answer late (3 months) and one acknowledgment late, imported so that its dates are known.
const CSV = [
  'reference;receivedOn;channel;category;product;region;acknowledgedOn;answeredOn;outcome',
  'AUD-1;2026-01-05;courrier;termination;Santé Plus;75;2026-01-07;2026-02-20;accepted',
  'AUD-2;2026-01-06;courrier;termination;Santé Plus;75;2026-01-08;2026-04-10;rejected',
  'AUD-3;2026-01-07;email;contributions;Santé Plus;69;2026-02-10;2026-02-15;partial',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  s.admin = await t.login('admin@demo.recours.fr');
  s.supervisor = await t.login('superviseur@demo.recours.fr');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/import/complaints?dryRun=false',
    headers: { ...as(s.admin), 'content-type': 'text/csv' },
    payload: CSV,
  });
  expect(res.json()).toMatchObject({ imported: 3, committed: true });
});
afterAll(() => t.close());

describe('GET /api/v1/reports/audit-pack (issue 14)', () => {
  it('gives the admin a PDF with the late files, the mediator check, ethics and the history verification', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/audit-pack?from=2026-01-01&to=2026-01-31&asOf=2026-06-30',
      headers: as(s.admin!),
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (!POPPLER) return;
    const text = pdfText(save('audit-pack.pdf', res.rawPayload));
    expect(text).toContain('Dossier d’audit');
    // AUD-2 answered after 2 months, AUD-3 acknowledged after 10 working days; AUD-1 in time.
    expect(text).toMatch(/Dossiers en retard \(2\)/);
    expect(text).toContain('AUD-2');
    expect(text).toContain('AUD-3');
    expect(text).not.toMatch(/AUD-1\b/);
    // Imported answers were written outside Recours: listed as to be checked.
    expect(text).toContain('Réponses défavorables ou partielles de la période : 2, dont 0');
    expect(text).toContain('Vérification de l’historique');
    expect(text).toMatch(/Historique intègre|anomalie/);
  });

  it('is for auditors and admins (the history’s readers), and checks the period in French', async () => {
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/audit-pack?from=2026-01-01&to=2026-01-31',
      headers: as(s.supervisor!),
    });
    expect(refused.statusCode).toBe(403);
    const reversed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/audit-pack?from=2026-02-01&to=2026-01-01',
      headers: as(s.admin!),
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/[Dd]ébut|après/);
  });
});
