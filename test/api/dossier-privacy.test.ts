import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentContents, documents, dossiers, notifications } from '../../src/db/schema.ts';
import { POPPLER, pdfText, save } from '../pdf/support.ts';
import { verifyHistory } from '../support/audit.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import {
  auditTypes,
  demoDossiers,
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

const exportAs = (who: Who) => t.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: as(s[who]) });
const erase = (who: Who, payload: Record<string, unknown> = { confirm: true }) =>
  t.app.inject({ method: 'POST', url: '/api/v1/me/erasure-request', headers: as(s[who]), payload });

describe('exporting my data', () => {
  it('gives a zip with donnees.json and every piece, without the organisation’s internal notes', async () => {
    const crownDoc = (
      await upload(t, s.member, ids.crown, { kind: 'invoice' }, { name: 'facture.pdf', bytes: PDF_BYTES })
    ).json().document;
    await upload(
      t,
      s.member,
      ids.cpam,
      { kind: 'letter_received' },
      { name: 'notification.png', bytes: PNG_BYTES },
    );
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/messages`,
      headers: as(s.handler),
      payload: { body: 'NOTE-INTERNE-EXPORT', internal: true },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/contacts`,
      headers: as(s.member),
      payload: { channel: 'phone', summary: 'Appel au service client' },
    });
    const res = await exportAs('member');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="recours-mes-donnees-2026-11-23.zip"',
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const data = JSON.parse(strFromU8(files['donnees.json']!));
    expect(data.account).toMatchObject({ email: 'adherent@demo.recours.fr', displayName: 'Camille Martin' });
    expect(data.dossiers).toHaveLength(3);
    const crown = data.dossiers.find((d: { id: string }) => d.id === ids.crown);
    expect(crown.contacts[0].summary).toBe('Appel au service client');
    expect(crown.timeline.length).toBeGreaterThan(0);
    const meta = crown.documents.find((d: { id: string }) => d.id === crownDoc.id);
    expect(Buffer.from(files[meta.path]!).equals(PDF_BYTES)).toBe(true);
    expect(Object.keys(files).filter((f) => f.startsWith('documents/'))).toHaveLength(2);
    expect(strFromU8(files['donnees.json']!)).not.toContain('NOTE-INTERNE-EXPORT');
    // The export read every piece: logged per file.
    const exported = (await auditTypes(t, ids.crown)).find((e) => e.type === 'dossier.exported');
    expect(exported?.payload).toMatchObject({ documentIds: [crownDoc.id] });
  });

  it('adds a summary a person reads, in HTML and PDF: files, contacts, dates, letters, history, in French', async () => {
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/letters`,
      headers: as(s.member),
      payload: { type: 'relance' },
    });
    const res = await exportAs('member');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const html = strFromU8(files['resume.html']!);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Vos données sur Recours');
    expect(html).toMatch(/Dossier REC-\d{4}-\w+ — Couronne/);
    expect(html).toContain('Téléphone : Appel au service client');
    expect(html).toContain('Contacts avec l’organisme');
    expect(html).toContain('Relance');
    expect(html).toContain('Historique');
    expect(html).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(html).toMatch(/\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0€/);
    // Nothing meant for developers: no ISO date, no field or status code, no internal note.
    expect(html).not.toMatch(
      /\d{4}-\d{2}-\d{2}T|amountCents|complaintSentOn|reimbursement_contested|undefined|null|NOTE-INTERNE/,
    );
    const data = JSON.parse(strFromU8(files['donnees.json']!));
    const crown = data.dossiers.find((d: { id: string }) => d.id === ids.crown);
    expect(crown.letters.some((l: { type: string }) => l.type === 'relance')).toBe(true);
    const pdf = files['resume.pdf']!;
    expect(strFromU8(pdf.slice(0, 5))).toBe('%PDF-');
    if (POPPLER) {
      const text = pdfText(save('export-resume.pdf', pdf));
      expect(text).toContain('Vos données sur Recours');
      expect(text).toContain('Appel au service client');
      expect(text).not.toMatch(/\uFFFD|undefined/);
    }
  });

  it('holds nothing of another member', async () => {
    const files = unzipSync(new Uint8Array((await exportAs('member2')).rawPayload));
    const data = JSON.parse(strFromU8(files['donnees.json']!));
    expect(data.dossiers.map((d: { id: string }) => d.id).sort()).toEqual(
      [ids.glasses, ids.doubleDebit].sort(),
    );
    expect(Object.keys(files).filter((f) => f.startsWith('documents/'))).toHaveLength(0);
  });

  it('is refused signed out', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/export' })).statusCode).toBe(401);
  });
});

describe('asking for erasure', () => {
  it('wants an explicit confirmation, and is for members only', async () => {
    expectFrenchError(await erase('member', {}), 400, 'confirm');
    expect((await erase('handler')).statusCode).toBe(403);
  });

  it('erases at once a file handled alone, and passes the others to their organisation’s staff', async () => {
    const cpamDocs = await t.database.db.select().from(documents).where(eq(documents.dossierId, ids.cpam));
    expect(cpamDocs).toHaveLength(1);
    const res = await erase('member');
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.erased.map((d: { id: string }) => d.id)).toEqual([ids.cpam]);
    expect(body.pending.map((d: { id: string }) => d.id).sort()).toEqual([ids.crown, ids.termination].sort());
    expect(body.message).toContain('sous un mois');

    const [cpam] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, ids.cpam));
    expect(cpam).toMatchObject({ title: 'Dossier effacé', description: '', amountCents: null, facts: {} });
    expect(cpam?.erasedAt).not.toBeNull();
    expect(await t.database.db.select().from(documents).where(eq(documents.dossierId, ids.cpam))).toEqual([]);
    const bytes = await t.database.db
      .select()
      .from(documentContents)
      .where(eq(documentContents.documentId, cpamDocs[0]!.id));
    expect(bytes).toEqual([]);

    // The files handled by an organisation are untouched, and its staff are told.
    const [crown] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, ids.crown));
    expect(crown?.erasedAt).toBeNull();
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'erasure_request'));
    const toldUsers = new Set(told.map((n) => n.userId));
    expect(toldUsers.has(s.handler.userId)).toBe(true);
    expect(toldUsers.has(s.otherHandler.userId)).toBe(true);
    expect(toldUsers.has(s.member.userId)).toBe(false);

    const events = (await auditTypes(t, ids.cpam)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['dossier.erasure_requested', 'dossier.erased']));
    expect((await auditTypes(t, ids.crown)).map((e) => e.type)).toContain('dossier.erasure_requested');
    // Erasing rows never touches the audit chain.
    expect((await verifyHistory(t.database)).ok).toBe(true);
  });

  it('closes the erased file to changes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.cpam}/contacts`,
      headers: as(s.member),
      payload: { channel: 'phone', summary: 'Encore un appel' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('is safe to ask twice: nothing is erased twice, staff are not notified twice the same day', async () => {
    const before = (await t.database.db.select().from(notifications)).length;
    const res = await erase('member');
    expect(res.statusCode).toBe(202);
    expect(res.json().erased).toEqual([]);
    expect((await t.database.db.select().from(notifications)).length).toBe(before);
  });
});
