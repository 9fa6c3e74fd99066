import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPPLER, pdfText, save } from '../pdf/support.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { auditTypes, demoDossiers, upload } from './dossier-support.ts';

/**
 * Medical secrecy (issue 18; C. santé publ. L1110-4, R4127-104, CNOM): a piece marked medical is read by the
 * member, the organisation's medical adviser and the mediator the file is referred to; the organisation's other
 * staff see that it exists, its date and who holds it; everyone else does not see the file.
 */
const ACCOUNTS = {
  owner: 'adherent2@demo.recours.fr',
  otherMember: 'adherent@demo.recours.fr',
  handler: 'conseiller@demo.recours.fr',
  supervisor: 'superviseur@demo.recours.fr',
  auditor: 'auditeur@demo.recours.fr',
  admin: 'admin@demo.recours.fr',
  adviser: 'medecin-conseil@demo.recours.fr',
  mediator: 'mediateur@demo.recours.fr',
  otherOrgHandler: 'conseiller@assurances-exemple.fr',
} as const;
type Who = keyof typeof ACCOUNTS;
const READ_CONTENT: Who[] = ['owner', 'adviser', 'mediator'];
const SEE_EXISTENCE: Who[] = ['handler', 'supervisor', 'auditor', 'admin'];
const OUTSIDE: Who[] = ['otherMember', 'otherOrgHandler'];
/** A word that appears only in the medical pieces. */
const SECRET = 'keratocone';

let t: TestApp;
const s = {} as Record<Who, Session>;
let glasses = '';
let medicalDocId = '';
let plainDocId = '';

async function onePagePdf(text: string) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 60, y: 760, size: 14, font });
  return Buffer.from(await pdf.save());
}

const get = (who: Who, path: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${glasses}${path}`, headers: as(s[who]) });
const send = (who: Who, method: 'POST' | 'PATCH', path: string, payload: object) =>
  t.app.inject({ method, url: `/api/v1/dossiers/${glasses}${path}`, headers: as(s[who]), payload });

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries(ACCOUNTS)) s[who as Who] = await t.login(email);
  const ids = demoDossiers(t);
  glasses = ids.glasses;
  const pdf = await onePagePdf(`Compte rendu : ${SECRET} evolutif`);
  const medical = await upload(
    t,
    s.owner,
    glasses,
    { kind: 'other', title: `Compte rendu ${SECRET}`, documentDate: '2026-02-20', medical: 'true' },
    { name: `${SECRET}.pdf`, bytes: pdf, type: 'application/pdf' },
  );
  expect(medical.statusCode, medical.body).toBe(201);
  medicalDocId = medical.json().document.id;
  const plain = await upload(
    t,
    s.owner,
    glasses,
    { kind: 'invoice', title: 'Facture opticien' },
    { name: 'facture.pdf', bytes: await onePagePdf('Facture opticien : 200 euros'), type: 'application/pdf' },
  );
  plainDocId = plain.json().document.id;
  const message = await send('owner', 'POST', '/messages', {
    body: `Mon ophtalmologue confirme un ${SECRET} : voici son courrier.`,
    medical: true,
  });
  expect(message.statusCode, message.body).toBe(201);
  const contact = await send('owner', 'POST', '/contacts', {
    channel: 'phone',
    summary: `Le Dr Morel confirme le ${SECRET}`,
    agentName: 'Dr Morel',
    medical: true,
  });
  expect(contact.statusCode, contact.body).toBe(201);
}, 120_000);
afterAll(() => t.close());

describe('every role’s access to a medical piece', () => {
  const reads = ['/documents', '/messages', '/contacts', '/timeline'] as const;

  it.each(READ_CONTENT)('%s reads the content of every medical piece', async (who) => {
    for (const path of reads) {
      const res = await get(who, path);
      expect([who, path, res.statusCode]).toEqual([who, path, 200]);
      expect(res.body, `${who} ${path}`).toContain(SECRET);
    }
    const content = await get(who, `/documents/${medicalDocId}/content`);
    expect([who, content.statusCode]).toEqual([who, 200]);
  });

  it.each(SEE_EXISTENCE)('%s sees that it exists, its date and holder, never its content', async (who) => {
    for (const path of reads) {
      const res = await get(who, path);
      expect([who, path, res.statusCode]).toEqual([who, path, 200]);
      expect(res.body.toLowerCase(), `${who} ${path}`).not.toContain(SECRET);
    }
    const { documents } = (await get(who, '/documents')).json();
    const doc = documents.find((d: { id: string }) => d.id === medicalDocId);
    expect(doc).toMatchObject({
      medical: true,
      withheld: true,
      documentDate: '2026-02-20',
      title: 'Pièce médicale',
      heldBy: 'le médecin-conseil de l’organisme',
      sha256: '',
    });
    expect(documents.find((d: { id: string }) => d.id === plainDocId).withheld).toBe(false);
    const { messages } = (await get(who, '/messages')).json();
    expect(messages.some((m: { medical: boolean; withheld: boolean }) => m.medical && m.withheld)).toBe(true);
    const content = await get(who, `/documents/${medicalDocId}/content`);
    expect([who, content.statusCode]).toEqual([who, 403]);
    expect(content.json().error.message).toContain('secret médical');
    const plain = await get(who, `/documents/${plainDocId}/content`);
    expect([who, plain.statusCode]).toEqual([who, 200]);
  });

  it.each(OUTSIDE)('%s does not even see the file (404)', async (who) => {
    for (const path of [...reads, `/documents/${medicalDocId}/content`]) {
      const res = await get(who, path);
      expect([who, path, res.statusCode]).toEqual([who, path, 404]);
    }
  });

  it('writes every reading of a medical piece in the history, naming the pieces, and none for the others', async () => {
    const before = (await auditTypes(t, glasses)).length;
    await get('adviser', '/documents');
    await get('handler', '/documents');
    const events = (await auditTypes(t, glasses)).slice(before);
    const medical = events.filter((e) => e.type === 'medical.viewed');
    expect(medical).toHaveLength(1);
    expect(medical[0]!.actorId).toBe(s.adviser.userId);
    expect(medical[0]!.payload).toMatchObject({ part: 'documents', pieceIds: [medicalDocId] });
    // The reading and its medical event are written together, one after the other in the chain.
    const viewed = events.find((e) => e.type === 'dossier.viewed' && e.actorId === s.adviser.userId)!;
    expect(medical[0]!.seq).toBe(viewed.seq + 1);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('logs the reading of a medical document’s bytes as medical', async () => {
    const before = (await auditTypes(t, glasses)).length;
    await get('mediator', `/documents/${medicalDocId}/content`);
    const events = (await auditTypes(t, glasses)).slice(before);
    expect(events.map((e) => e.type)).toEqual(['document.viewed', 'medical.viewed']);
  });
});

describe('search never finds a word that is only in a medical piece', () => {
  const search = async (who: Who, q: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/register?q=${encodeURIComponent(q)}&limit=200`,
      headers: as(s[who]),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: string }[] };
  };

  it('the handler’s search for the medical word finds nothing, the file’s own words still find it', async () => {
    expect((await search('handler', SECRET)).total).toBe(0);
    expect((await search('supervisor', `Compte rendu ${SECRET}`)).total).toBe(0);
    const control = await search('handler', 'lunettes');
    expect(control.items.map((i) => i.id)).toContain(glasses);
  });
});

describe('marking and lifting the mark', () => {
  it('a handler moves a detail out of his own sight and cannot bring it back; the adviser can', async () => {
    const posted = await send('owner', 'POST', '/messages', { body: 'Mon médecin parle de sclérodermie.' });
    const id = posted.json().message.id;
    expect((await send('auditor', 'PATCH', `/messages/${id}`, { medical: true })).statusCode).toBe(403);
    const marked = await send('handler', 'PATCH', `/messages/${id}`, { medical: true });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().message).toMatchObject({ medical: true, withheld: true });
    expect((await get('handler', '/messages')).body).not.toContain('sclérodermie');
    const refused = await send('handler', 'PATCH', `/messages/${id}`, { medical: false });
    expect(refused.statusCode).toBe(403);
    const lifted = await send('adviser', 'PATCH', `/messages/${id}`, { medical: false });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect((await get('handler', '/messages')).body).toContain('sclérodermie');
    const types = (await auditTypes(t, glasses)).map((e) => e.type);
    expect(types).toContain('medical.marked');
    expect(types).toContain('medical.unmarked');
  });

  it('marks a document and a contact; a handler may not rename what he cannot read', async () => {
    const doc = await send('supervisor', 'PATCH', `/documents/${plainDocId}`, { medical: true });
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.json().document.withheld).toBe(true);
    const rename = await send('handler', 'PATCH', `/documents/${plainDocId}`, { title: 'Autre titre' });
    expect(rename.statusCode).toBe(403);
    expect((await send('owner', 'PATCH', `/documents/${plainDocId}`, { medical: false })).statusCode).toBe(
      200,
    );
    const contacts = (await get('owner', '/contacts')).json().contacts;
    const plainContact = await send('owner', 'POST', '/contacts', {
      channel: 'phone',
      summary: 'Appel au service client',
    });
    const cid = plainContact.json().contact.id;
    expect(contacts.length).toBeGreaterThan(0);
    const marked = await send('handler', 'PATCH', `/contacts/${cid}`, { medical: true });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().contact).toMatchObject({ withheld: true, agentName: null });
  });

  it('only the member and the adviser write medical messages; a medical message is never an internal note', async () => {
    expect(
      (await send('handler', 'POST', '/messages', { body: 'Question médicale', medical: true })).statusCode,
    ).toBe(403);
    const adviser = await send('adviser', 'POST', '/messages', {
      body: `Pouvez-vous m’adresser le bilan du ${SECRET} ?`,
      medical: true,
    });
    expect(adviser.statusCode, adviser.body).toBe(201);
    expect((await send('adviser', 'POST', '/messages', { body: 'Un message ordinaire' })).statusCode).toBe(
      403,
    );
    const note = await send('adviser', 'POST', '/messages', { body: 'Note', medical: true, internal: true });
    expect(note.statusCode).toBe(400);
    expect(note.json().error.message).toContain('ni une note interne');
  });
});

describe('the mediation file', () => {
  it.skipIf(!POPPLER)(
    'holds the medical piece under a « pli confidentiel » cover for the mediator',
    async () => {
      const res = await get('mediator', '/mediation-bundle');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const text = pdfText(save('medical-bundle-mediator.pdf', res.rawPayload));
      expect(text).toContain('PLI CONFIDENTIEL');
      expect(text.indexOf('PLI CONFIDENTIEL')).toBeLessThan(text.lastIndexOf(`${SECRET} evolutif`));
    },
  );

  it.skipIf(!POPPLER)('gives the handler a copy that says a medical piece exists, without it', async () => {
    const res = await get('handler', '/mediation-bundle');
    expect(res.statusCode).toBe(200);
    const text = pdfText(save('medical-bundle-handler.pdf', res.rawPayload));
    expect(text.toLowerCase()).not.toContain(SECRET);
    expect(text).toContain('Pièce médicale');
    expect(text).toContain('médecin-conseil');
  });
});

describe('the medical adviser’s opinion', () => {
  it('goes from the handler’s request to the adviser’s queue and back as a conclusion only', async () => {
    const before = (await get('handler', '/timeline')).json();
    const refused = await send('auditor', 'POST', '/medical-opinions', {
      question: 'La prise en charge est-elle justifiée ?',
    });
    expect(refused.statusCode).toBe(403);
    const asked = await send('handler', 'POST', '/medical-opinions', {
      question: 'Le renouvellement anticipé est-il médicalement justifié ?',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const opinionId = asked.json().opinion.id;

    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/medical-opinions',
      headers: as(s.adviser),
    });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().entries.map((e: { id: string }) => e.id)).toContain(opinionId);
    const notAdviser = await t.app.inject({
      method: 'GET',
      url: '/api/v1/medical-opinions',
      headers: as(s.handler),
    });
    expect(notAdviser.statusCode).toBe(403);

    const answer = {
      conclusion: 'favourable',
      summary: 'Renouvellement justifié : accorder le forfait.',
      medicalDetail: `Évolution du ${SECRET} documentée.`,
    };
    expect((await send('handler', 'POST', `/medical-opinions/${opinionId}/answer`, answer)).statusCode).toBe(
      403,
    );
    const given = await send('adviser', 'POST', `/medical-opinions/${opinionId}/answer`, answer);
    expect(given.statusCode, given.body).toBe(200);
    expect((await send('adviser', 'POST', `/medical-opinions/${opinionId}/answer`, answer)).statusCode).toBe(
      409,
    );

    const seen = (await get('handler', '/medical-opinions')).json().opinions[0];
    expect(seen).toMatchObject({
      conclusion: 'favourable',
      conclusionLabel: 'Avis favorable',
      summary: answer.summary,
      medicalDetail: null,
      medicalDetailWithheld: true,
    });
    for (const who of READ_CONTENT) {
      const o = (await get(who, '/medical-opinions')).json().opinions[0];
      expect([who, o.medicalDetail]).toEqual([who, answer.medicalDetail]);
    }
    // The clocks go on: asking and answering change neither the status nor the deadlines.
    const after = (await get('handler', '/timeline')).json();
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.next).toEqual(before.next);
    const types = (await auditTypes(t, glasses)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['medical_opinion.requested', 'medical_opinion.given']));
  });

  it('pages the queue with a cursor, oldest first', async () => {
    // Two requests a minute apart (the test clock is fixed otherwise).
    const now = t.ctx.now;
    const questions = ['Première question au médecin-conseil', 'Deuxième question au médecin-conseil'];
    for (const [i, q] of questions.entries()) {
      t.ctx.now = () => new Date(now().getTime() + (i + 1) * 60_000);
      expect((await send('supervisor', 'POST', '/medical-opinions', { question: q })).statusCode).toBe(201);
    }
    t.ctx.now = now;
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/medical-opinions?limit=1',
      headers: as(s.adviser),
    });
    const page1 = first.json();
    expect(page1.entries).toHaveLength(1);
    expect(page1.entries[0].question).toBe('Première question au médecin-conseil');
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/medical-opinions?limit=1&after=${page1.next}`,
      headers: as(s.adviser),
    });
    expect(second.json().entries[0].question).toBe('Deuxième question au médecin-conseil');
    expect(second.json().next).toBeNull();
  });
});
