import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdfmake } from '../../src/pdf/pdfmake.ts';
import { readDocumentText } from '../../src/server/intake/ocr.ts';
import { jobHandlers } from '../../src/server/jobs/handlers.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { attachJobQueue, createJobQueue, type JobQueue } from '../../src/server/shared/job-queue.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

/**
 * OCR needs Debian's tesseract-ocr + tesseract-ocr-fra and poppler-utils (installed by .ci/run). Without them the
 * tests are skipped with the reason; RECOURS_REQUIRE_BROWSER=1 (CI) turns the skip into a failure.
 */
const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
const OCR = langs.status === 0 && /\bfra\b/.test(`${langs.stdout}${langs.stderr}`);
const POPPLER = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).status === 0;
if (!(OCR && POPPLER)) {
  const message = 'tesseract-ocr-fra ou poppler-utils introuvable : tests de lecture automatique ignorés.';
  if (process.env.RECOURS_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(message);
}

const LETTER = [
  'Madame, Monsieur,',
  'Je conteste le refus de remboursement de mes lunettes de vue, facture du 2 octobre 2026.',
  'Mon contrat prévoit un forfait optique de 150 euros par an.',
  'Je vous prie de réexaminer ma demande.',
  'Jeanne Martin, adhérente numéro 77889900',
];

/** A letter as a scanner makes it: the text rendered, then rasterised at 300 dpi with no text layer left. */
async function scannedLetter(): Promise<Buffer> {
  const pdf = await renderPdfmake({
    content: LETTER.map((text) => ({ text, margin: [0, 0, 0, 12] })),
    defaultStyle: { fontSize: 12 },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'recours-scan-'));
  try {
    const source = path.join(dir, 'letter.pdf');
    writeFileSync(source, pdf);
    spawnSync('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', source, path.join(dir, 'scan')]);
    return readFileSync(path.join(dir, 'scan.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(OCR && POPPLER)('reading scanned letters', () => {
  let t: TestApp;
  let queue: JobQueue;
  let handler: Session;
  let scan: Buffer;

  beforeAll(async () => {
    scan = await scannedLetter();
    t = await createTestApp();
    queue = createJobQueue(t.ctx.database, jobHandlers(t.ctx, createMailer(t.ctx.config)), {
      mode: 'manual',
    });
    await queue.start();
    attachJobQueue(t.ctx, queue);
    handler = await t.login('conseiller@demo.recours.fr');
  });
  afterAll(async () => {
    await queue.stop();
    await t.close();
  });

  it('a 300 dpi scan is read in French', async () => {
    const started = performance.now();
    const outcome = await readDocumentText(scan, 'image/png');
    console.log(`OCR d’une page A4 à 300 dpi : ${Math.round(performance.now() - started)} ms`);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.method).toBe('ocr');
    for (const words of ['refus de remboursement', 'lunettes', 'forfait optique', '77889900']) {
      expect(outcome.text).toContain(words);
    }
  });

  it('a PDF with a text layer is read without OCR; a HEIC photo is reported, not read', async () => {
    const pdf = await renderPdfmake({ content: LETTER.join('\n') });
    const outcome = await readDocumentText(pdf, 'application/pdf');
    expect(outcome).toMatchObject({ status: 'done', method: 'text_layer' });
    expect(await readDocumentText(Buffer.from('x'), 'image/heic')).toMatchObject({ status: 'unsupported' });
  });

  it('a scan uploaded to a file received by post is read by the job, and the handler corrects the text', async () => {
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/intake/complaints',
      headers: as(handler),
      payload: {
        member: { new: { displayName: 'Jeanne Martin' } },
        channel: 'letter',
        receivedOn: '2026-11-20',
        title: 'Courrier reçu',
        description: '',
      },
    });
    const id = recorded.json().dossier.id as string;
    const form = new FormData();
    form.append('kind', 'letter_received');
    form.append('file', new Blob([new Uint8Array(scan)], { type: 'image/png' }), 'scan.png');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/documents`,
      headers: { ...as(handler), 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const docId = upload.json().document.id as string;
    const textUrl = `/api/v1/dossiers/${id}/documents/${docId}/text`;
    expect(
      (await t.app.inject({ method: 'GET', url: textUrl, headers: as(handler) })).json().status,
    ).toBeNull();
    // The request returned at once; the job reads the scan.
    expect(await queue.runOnce('document-ocr')).toBe(1);
    const read = (await t.app.inject({ method: 'GET', url: textUrl, headers: as(handler) })).json();
    expect(read.status).toBe('done');
    expect(read.text).toContain('lunettes');
    // Searchable in the register: a word only the scan holds (accents aside).
    const found = await t.app.inject({
      method: 'GET',
      url: '/api/v1/register?q=reexaminer',
      headers: as(handler),
    });
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(id);
    // The triage now reads the letter: a contested reimbursement.
    const intake = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers: as(handler) });
    expect(intake.json().dossier.suggestedCategory).toBe('reimbursement_contested');

    const corrected = await t.app.inject({
      method: 'PUT',
      url: textUrl,
      headers: as(handler),
      payload: { text: `${read.text}\nCorrigé par le conseiller.` },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().correctedAt).not.toBeNull();
    // A second read never overwrites the handler's correction.
    await queue.send('document-ocr', { documentId: docId });
    await queue.runOnce('document-ocr');
    const after = (await t.app.inject({ method: 'GET', url: textUrl, headers: as(handler) })).json();
    expect(after.text).toContain('Corrigé par le conseiller.');
  });
});
