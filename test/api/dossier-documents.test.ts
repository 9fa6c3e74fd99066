import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import {
  auditTypes,
  demoDossiers,
  EXE_BYTES,
  expectFrenchError,
  loginAll,
  PDF_BYTES,
  PNG_BYTES,
  upload,
  type Who,
} from './dossier-support.ts';

let t: TestApp;
let s: Record<Who, Session>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = demoDossiers(t);
});
afterAll(() => t.close());

const list = (who: Who, dossierId: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/documents`, headers: as(s[who]) });

describe('uploading a piece of evidence', () => {
  it('stores a PDF with its SHA-256, size and type in one go, and logs it', async () => {
    const res = await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'invoice', title: 'Facture du Dr Dupont', documentDate: '2026-09-02' },
      { name: 'facture.pdf', bytes: PDF_BYTES, type: 'application/pdf' },
    );
    expect(res.statusCode).toBe(201);
    const { document } = res.json();
    expect(document).toMatchObject({
      kind: 'invoice',
      kindLabel: 'Facture',
      title: 'Facture du Dr Dupont',
      documentDate: '2026-09-02',
      fileName: 'facture.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
    });
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
    const events = await auditTypes(t, ids.crown);
    const uploaded = events.find((e) => e.type === 'document.uploaded');
    expect(uploaded?.payload).toMatchObject({ documentId: document.id, after: { kind: 'invoice' } });
  });

  it('lets a handler of the organisation upload, names the type from the bytes, not from the name', async () => {
    const res = await upload(
      t,
      s.handler,
      ids.crown,
      { kind: 'reimbursement_statement' },
      { name: 'decompte.pdf', bytes: PNG_BYTES, type: 'application/pdf' },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().document).toMatchObject({
      mimeType: 'image/png',
      fileName: 'decompte.png',
      title: 'Décompte de remboursement',
      documentDate: null,
    });
  });

  it('refuses a ".pdf" that is really an executable, naming the field file, and stores nothing', async () => {
    const before = (await list('member', ids.crown)).json().documents.length;
    const res = await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'invoice' },
      { name: 'facture.pdf', bytes: EXE_BYTES, type: 'application/pdf' },
    );
    const error = expectFrenchError(res, 415, 'file');
    expect(error.message).toContain('PDF, JPEG, PNG et HEIC');
    expect((await list('member', ids.crown)).json().documents.length).toBe(before);
  });

  it('refuses a file over 10 MB with 413 in French', async () => {
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF_BYTES.length, 0x20)]);
    const res = await upload(t, s.member, ids.crown, { kind: 'invoice' }, { name: 'gros.pdf', bytes: big });
    const error = expectFrenchError(res, 413, 'file');
    expect(error.message).toContain('10 Mo');
  });

  it('accepts a file of exactly 10 MB', async () => {
    const exact = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024 - PDF_BYTES.length, 0x20)]);
    const res = await upload(
      t,
      s.member,
      ids.termination,
      { kind: 'contract' },
      { name: 'cg.pdf', bytes: exact },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().document.sizeBytes).toBe(10 * 1024 * 1024);
  });

  it('takes one file per request', async () => {
    const res = await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'invoice' },
      { name: 'a.pdf', bytes: PDF_BYTES },
      { name: 'b.pdf', bytes: PDF_BYTES },
    );
    expectFrenchError(res, 413, 'file');
  });

  it('names the field at fault: an unknown kind, a bad date, a missing file', async () => {
    const pdf = { name: 'x.pdf', bytes: PDF_BYTES };
    expectFrenchError(await upload(t, s.member, ids.crown, { kind: 'selfie' }, pdf), 400, 'kind');
    expectFrenchError(
      await upload(t, s.member, ids.crown, { kind: 'invoice', documentDate: '2026-02-30' }, pdf),
      400,
      'documentDate',
    );
    expectFrenchError(await upload(t, s.member, ids.crown, { kind: 'invoice' }), 400, 'file');
  });

  it('answers 404 to anyone who may not see the file, 403 to a reader who may not write', async () => {
    const pdf = { name: 'x.pdf', bytes: PDF_BYTES };
    for (const who of ['member2', 'otherHandler'] as const) {
      const res = await upload(t, s[who], ids.crown, { kind: 'invoice' }, pdf);
      expect([who, res.statusCode, res.json().error.code]).toEqual([who, 404, 'NOT_FOUND']);
    }
    for (const who of ['auditor', 'admin'] as const) {
      expect([who, (await upload(t, s[who], ids.crown, { kind: 'invoice' }, pdf)).statusCode]).toEqual([
        who,
        403,
      ]);
    }
    // The mediator reads the file referred to him but never writes in it.
    expect((await upload(t, s.mediator, ids.glasses, { kind: 'invoice' }, pdf)).statusCode).toBe(403);
    expect((await upload(t, s.mediator, ids.crown, { kind: 'invoice' }, pdf)).statusCode).toBe(404);
  });

  it('refuses a JSON body with a French explanation', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/documents`,
      headers: as(s.member),
      payload: { kind: 'invoice' },
    });
    expectFrenchError(res, 415, 'file');
  });
});

describe('reading the pieces', () => {
  it('lists them by the date on the piece, undated last, and logs the reading', async () => {
    await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'quote', documentDate: '2026-06-01' },
      { name: 'devis.pdf', bytes: PDF_BYTES },
    );
    const res = await list('member', ids.crown);
    expect(res.statusCode).toBe(200);
    const docs = res.json().documents as { documentDate: string | null; kind: string }[];
    const dated = docs.filter((d) => d.documentDate).map((d) => d.documentDate);
    expect(dated).toEqual([...dated].sort());
    expect(docs[0]!.kind).toBe('quote');
    expect(docs.at(-1)!.documentDate).toBeNull();
    const events = await auditTypes(t, ids.crown);
    expect(events.at(-1)).toMatchObject({ type: 'dossier.viewed', payload: { part: 'documents' } });
  });

  it('serves the exact bytes with the stored type, inline, nosniff, and logs each reading', async () => {
    const name = 'Décompte été.pdf';
    const created = await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'reimbursement_statement' },
      { name, bytes: PDF_BYTES },
    );
    const doc = created.json().document;
    for (const who of ['member', 'handler', 'auditor'] as const) {
      const res = await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: as(s[who]) });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PDF_BYTES)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Downloaded, under a sandboxing policy: a PDF never runs in the application's origin.
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Decompte ete.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(res.headers['content-security-policy']).toMatch(/^sandbox;/);
    }
    const reads = (await auditTypes(t, ids.crown)).filter(
      (e) => e.type === 'document.viewed' && (e.payload as { documentId: string }).documentId === doc.id,
    );
    expect(reads.length).toBe(3);
  });

  it('lets the referred mediator read, and hides pieces from everyone else', async () => {
    const created = await upload(
      t,
      s.member2,
      ids.glasses,
      { kind: 'prescription' },
      { name: 'o.png', bytes: PNG_BYTES },
    );
    const doc = created.json().document;
    const asMediator = await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: as(s.mediator) });
    expect(asMediator.statusCode).toBe(200);
    expect(asMediator.headers['content-type']).toBe('image/png');
    for (const who of ['member', 'otherHandler'] as const) {
      const res = await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: as(s[who]) });
      expect([who, res.statusCode]).toEqual([who, 404]);
      expect([who, (await list(who, ids.glasses)).statusCode]).toEqual([who, 404]);
    }
    // A piece of another file, asked through a file one may read: not found either.
    const crossed = doc.contentUrl.replace(ids.glasses, ids.doubleDebit);
    expect((await t.app.inject({ method: 'GET', url: crossed, headers: as(s.member2) })).statusCode).toBe(
      404,
    );
  });
});

describe('reclassifying a piece', () => {
  it('changes kind and date, audited with before and after', async () => {
    const created = await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'other' },
      { name: 'scan.pdf', bytes: PDF_BYTES },
    );
    const doc = created.json().document;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/dossiers/${ids.crown}/documents/${doc.id}`,
      headers: as(s.member),
      payload: { kind: 'care_sheet', documentDate: '2026-09-03' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().document).toMatchObject({
      kind: 'care_sheet',
      kindLabel: 'Feuille de soins',
      documentDate: '2026-09-03',
    });
    const event = (await auditTypes(t, ids.crown)).find((e) => e.type === 'document.updated');
    expect(event?.payload).toMatchObject({
      documentId: doc.id,
      changes: [
        { field: 'kind', before: 'other', after: 'care_sheet' },
        { field: 'documentDate', before: null, after: '2026-09-03' },
      ],
    });
  });

  it('names the field at fault and refuses readers who may not write', async () => {
    const docs = (await list('member', ids.crown)).json().documents;
    const url = `/api/v1/dossiers/${ids.crown}/documents/${docs[0].id}`;
    const bad = await t.app.inject({
      method: 'PATCH',
      url,
      headers: as(s.member),
      payload: { kind: 'selfie' },
    });
    expectFrenchError(bad, 400, 'kind');
    const auditor = await t.app.inject({
      method: 'PATCH',
      url,
      headers: as(s.auditor),
      payload: { kind: 'invoice' },
    });
    expect(auditor.statusCode).toBe(403);
    const stranger = await t.app.inject({
      method: 'PATCH',
      url,
      headers: as(s.member2),
      payload: { kind: 'invoice' },
    });
    expect(stranger.statusCode).toBe(404);
  });
});

describe('the checklist', () => {
  it('ticks what the dispute needs from the kinds uploaded', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${ids.crown}/checklist`,
      headers: as(s.member),
    });
    expect(res.statusCode).toBe(200);
    const byId = Object.fromEntries(
      (res.json().items as { id: string; done: boolean }[]).map((i) => [i.id, i.done]),
    );
    expect(byId).toMatchObject({
      reimbursement_statement: true,
      invoice_or_care_sheet: true,
      prescription_or_quote: true,
      complaint_letter: false,
    });
    expect(res.json().complete).toBe(false);
    const stranger = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${ids.crown}/checklist`,
      headers: as(s.member2),
    });
    expect(stranger.statusCode).toBe(404);
  });
});
