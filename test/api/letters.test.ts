import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, documentContents, documents } from '../../src/db/schema.ts';
import { makePng } from '../pdf/support.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { demoDossiers } from './dossier-support.ts';

let t: TestApp;
let member: Session;
let other: Session;
let handler: Session;
let mediator: Session;
let crownId: string;
let cpamId: string;
let glassesId: string;

async function addDocument(id: string, title: string, mimeType: string, bytes: Uint8Array, date: string) {
  const [row] = await t.database.db
    .insert(documents)
    .values({
      dossierId: id,
      kind: 'other',
      title,
      documentDate: date,
      fileName: `${title}.${mimeType === 'application/pdf' ? 'pdf' : 'png'}`,
      mimeType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedById: member.userId,
    })
    .returning();
  await t.database.db.insert(documentContents).values({ documentId: row!.id, bytes: Buffer.from(bytes) });
}

beforeAll(async () => {
  t = await createTestApp();
  member = await t.login('adherent@demo.recours.fr');
  other = await t.login('adherent2@demo.recours.fr');
  handler = await t.login('conseiller@demo.recours.fr');
  mediator = await t.login('mediateur@demo.recours.fr');
  ({ crown: crownId, cpam: cpamId, glasses: glassesId } = demoDossiers(t));
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Facture couronne 550 EUR', { x: 50, y: 700, size: 14, font });
  await addDocument(
    crownId,
    'Facture du chirurgien-dentiste',
    'application/pdf',
    await pdf.save(),
    '2026-09-02',
  );
  await addDocument(crownId, 'Décompte de la mutuelle', 'image/png', makePng(60, 40), '2026-09-08');
});
afterAll(() => t.close());

describe('drafting and storing letters', () => {
  it('previews a drafted letter without storing it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crownId}/letters/preview?type=relance`,
      headers: as(member),
    });
    expect(res.statusCode).toBe(200);
    const { letter, text } = res.json();
    expect(letter.recipient[0]).toBe('Mutuelle Démo');
    expect(letter.sender[0]).toBe('Camille Martin');
    // Complaint sent 15/09/2026: the ACPR 2-month answer was due on 15/11/2026 (engine date).
    expect(letter.answerBy.date).toBe('2026-11-15');
    expect(text.bodyText).toContain('15/11/2026');
    expect(letter.enclosures).toEqual([
      'Facture du chirurgien-dentiste (02/09/2026)',
      'Décompte de la mutuelle (08/09/2026)',
    ]);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
    });
    expect(list.json().letters).toEqual([]);
  });

  it('stores an edited letter, serves its PDF from the final text and logs the reading', async () => {
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crownId}/letters/preview?type=saisine_mediateur`,
      headers: as(member),
    });
    const bodyText = `${preview.json().text.bodyText}\n\nJ’ajoute une phrase écrite de ma main : « merci ».`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
      payload: { type: 'saisine_mediateur', subject: 'Saisine du médiateur – couronne', bodyText },
    });
    expect(res.statusCode).toBe(201);
    const { letter, pdfUrl } = res.json();
    expect(letter).toMatchObject({ type: 'saisine_mediateur', subject: 'Saisine du médiateur – couronne' });
    expect(letter.body).toContain('écrite de ma main');
    expect(pdfUrl).toBe(`/api/v1/dossiers/${crownId}/letters/${letter.id}/pdf`);

    const pdf = await t.app.inject({ method: 'GET', url: pdfUrl, headers: as(member) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(pdf.rawPayload)).getTitle()).toBe('Saisine du médiateur – couronne');

    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.dossierId, crownId), eq(auditEvents.type, 'dossier.viewed')));
    expect(reads.some((e) => (e.payload as { part?: string }).part === 'letter_pdf')).toBe(true);
    const created = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.dossierId, crownId), eq(auditEvents.type, 'letter.created')));
    expect(created).toHaveLength(1);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
    });
    expect(list.json().letters.map((l: { id: string }) => l.id)).toEqual([letter.id]);
  });

  it('marks a complaint sent and records the fact the deadline engine counts from', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${cpamId}/letters`,
      headers: as(member),
      payload: { type: 'reclamation' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().letter.id;
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${cpamId}/letters/${id}/sent`,
      headers: as(member),
      payload: { sentOn: '2026-11-20', sendingMethod: 'recommande_ar', registeredNumber: '1A 111 222 333 4' },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().recorded).toEqual([{ field: 'complaintSentOn', value: '2026-11-20' }]);
    expect(sent.json().letter).toMatchObject({ sentOn: '2026-11-20', registeredNumber: '1A 111 222 333 4' });
    const dossier = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${cpamId}`,
      headers: as(member),
    });
    expect(dossier.json().dossier).toMatchObject({ complaintSentOn: '2026-11-20', status: 'submitted' });

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${cpamId}/letters/${id}/sent`,
      headers: as(member),
      payload: { sentOn: '2026-11-21', sendingMethod: 'lettre_simple' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a sending date in the future, naming the field', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
      payload: { type: 'saisine_mediateur' },
    });
    const id = created.json().letter.id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters/${id}/sent`,
      headers: as(member),
      payload: { sentOn: '2026-12-01', sendingMethod: 'lettre_simple' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'date_in_future', field: 'sentOn' });
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters/${id}/sent`,
      headers: as(member),
      payload: { sentOn: '2026-11-23', sendingMethod: 'email' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recorded).toEqual([{ field: 'mediatorSeizedOn', value: '2026-11-23' }]);
  });

  it('answers French errors naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
      payload: { type: 'lettre_au_pere_noel' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('type');
    const recours = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
      payload: { type: 'recours_cra' },
    });
    expect(recours.statusCode).toBe(422);
    expect(recours.json().error).toMatchObject({ field: 'type', message: expect.stringContaining('CPAM') });
    const registered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters/${crypto.randomUUID()}/sent`,
      headers: as(member),
      payload: { sentOn: '2026-11-23', sendingMethod: 'pigeon' },
    });
    expect(registered.statusCode).toBe(400);
    expect(registered.json().error.field).toBe('sendingMethod');
  });
});

describe('the mediation file', () => {
  it('shows the admissibility checks of the FNMF referral', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crownId}/mediation-bundle/checks`,
      headers: as(member),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mediator.name).toBe('Médiateur de la Mutualité Française');
    expect(body.admissible).toBe(true);
    expect(body.checks.map((c: { id: string }) => c.id)).toEqual([
      'prior_written_complaint',
      'answer_or_two_months',
      'within_one_year',
      'no_court',
      'no_other_mediation',
    ]);
  });

  it('produces the bundle with the stored referral letter, the documents and bookmarks', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crownId}/mediation-bundle`,
      headers: as(member),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['x-recours-admissible']).toBe('true');
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(6);
    expect(pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict)).toBeInstanceOf(PDFDict);
  });

  it('is readable by the mediator the file was referred to, who writes no letter', async () => {
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${glassesId}/mediation-bundle/checks`,
      headers: as(mediator),
    });
    expect(read.statusCode).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${glassesId}/letters`,
      headers: as(mediator),
    });
    expect(list.statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${glassesId}/letters`,
      headers: as(mediator),
      payload: { type: 'saisine_mediateur' },
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('access', () => {
  it.each([
    ['GET', 'letters'],
    ['GET', 'letters/preview?type=reclamation'],
    ['GET', 'mediation-bundle'],
    ['GET', 'mediation-bundle/checks'],
    ['POST', 'letters'],
  ] as const)('another member gets 404 on %s %s', async (method, path) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1/dossiers/${crownId}/${path}`,
      headers: as(other),
      ...(method === 'POST' ? { payload: { type: 'reclamation' } } : {}),
    });
    expect(res.statusCode).toBe(404);
  });

  it('another member gets 404 on a stored letter’s PDF', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
    });
    const url = list.json().letters[0].pdfUrl;
    expect((await t.app.inject({ method: 'GET', url, headers: as(other) })).statusCode).toBe(404);
  });

  it('refuses organisation-side letters to a member, member-side letters to staff', async () => {
    const memberAnswer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(member),
      payload: { type: 'reponse_motivee' },
    });
    expect(memberAnswer.statusCode).toBe(403);
    expect(memberAnswer.json().error.message).toContain('organisme');
    const staffComplaint = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(handler),
      payload: { type: 'reclamation' },
    });
    expect(staffComplaint.statusCode).toBe(403);
  });

  it('lets the handler answer with reasons, naming the mediator, and refuses an answer that drops him', async () => {
    const options = {
      decision: {
        outcome: 'partial',
        reasons: 'La base de remboursement retenue est de 107,50 €.',
        amountGrantedCents: 5000,
      },
    };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(handler),
      payload: { type: 'reponse_motivee', options },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().letter.body).toContain('Médiateur de la Mutualité Française');
    expect(res.json().letter.body).toContain('50,00');
    const stripped = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${crownId}/letters`,
      headers: as(handler),
      payload: {
        type: 'reponse_motivee',
        options,
        bodyText: 'Madame, Monsieur,\n\nNous rejetons votre demande. Cordialement.',
      },
    });
    expect(stripped.statusCode).toBe(422);
    expect(stripped.json().error).toMatchObject({ code: 'mediator_required', field: 'bodyText' });
  });
});
