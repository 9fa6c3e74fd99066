// `npm run bench:intake`: the two targets of issue 17, measured end to end on this machine. Prints figures and
// asserts nothing (tests never assert on time):
// - an e-mail with a 5 MB attachment, sent over SMTP to the intake listener, until its file exists;
// - OCR of a one-page letter scanned at 300 dpi (PNG, and the same page as an image-only PDF).
// PGlite in memory by default, as `npm start` runs; PostgreSQL when DATABASE_URL is set (the demo data must not
// already be there: use an empty database).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { PDFDocument } from 'pdf-lib';
import { openDatabase } from '../src/db/client.ts';
import { dossiers, inboundEmails } from '../src/db/schema.ts';
import { renderPdfmake } from '../src/pdf/pdfmake.ts';
import { loadConfig } from '../src/server/config.ts';
import type { AppContext } from '../src/server/context.ts';
import { readDocumentText } from '../src/server/intake/ocr.ts';
import { startIntakeSmtp } from '../src/server/intake/smtp-listener.ts';
import { createMailer } from '../src/server/mail/mailer.ts';
import { seedDemo } from '../src/server/seed/demo.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ms = (v: number) => `${Math.round(v)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A valid PDF padded to the size asked (a comment block before %%EOF keeps it a PDF). */
function pdfOf(size: number): Buffer {
  const head =
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n';
  return Buffer.from(`${head}%${'x'.repeat(Math.max(0, size - head.length - 8))}\n%%EOF\n`);
}

async function emailToFile() {
  const database = await openDatabase(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: 'memory://' },
  );
  await database.migrate();
  const ctx: AppContext = { database, config: loadConfig({ SEED_DEMO: 'false' }), now: () => new Date() };
  await seedDemo(database.db, ctx.now());
  const app = { ctx };
  const mailer = createMailer(ctx.config);
  const intake = await startIntakeSmtp(ctx, { port: 0, host: '127.0.0.1', mailer });
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, ignoreTLS: true });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const sender = `bench-${i}-${Date.now()}@exemple.fr`;
      await transport.sendMail({
        from: `"Adhérent ${i}" <${sender}>`,
        to: 'reclamations@demo.recours.fr',
        subject: `Refus de prise en charge n° ${i}`,
        text: 'Bonjour,\nvous refusez de rembourser mon implant dentaire alors que mon contrat le prévoit.',
        attachments: [
          { filename: 'devis.pdf', content: pdfOf(5 * 1024 * 1024), contentType: 'application/pdf' },
        ],
      });
      // The SMTP answer comes after the file is committed; check it exists all the same.
      const [inbound] = await app.ctx.database.db
        .select({ dossierId: inboundEmails.dossierId })
        .from(inboundEmails)
        .where(eq(inboundEmails.fromAddress, sender));
      const [file] = inbound?.dossierId
        ? await app.ctx.database.db
            .select({ id: dossiers.id })
            .from(dossiers)
            .where(eq(dossiers.id, inbound.dossierId))
        : [];
      if (!file) throw new Error('le courriel n’a pas donné de dossier');
      times.push(performance.now() - started);
    }
  } finally {
    transport.close();
    await intake.close();
    mailer.close();
    await database.close();
  }
  return times;
}

async function scannedPage(): Promise<{ png: Buffer; pdf: Buffer }> {
  const letter = await renderPdfmake({
    content: [
      'Madame, Monsieur,',
      'Je conteste le refus de remboursement de mes lunettes de vue, facture du 2 octobre 2026, d’un montant de 480,00 €.',
      'Mon contrat prévoit un forfait optique de 150 euros par an, que je n’ai pas utilisé cette année.',
      'Je vous prie de réexaminer ma demande et de me répondre dans les deux mois.',
      'Jeanne Martin, adhérente numéro 77889900',
    ].map((text) => ({ text, margin: [0, 0, 0, 12] })),
    defaultStyle: { fontSize: 12 },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'recours-bench-scan-'));
  try {
    writeFileSync(path.join(dir, 'letter.pdf'), letter);
    spawnSync('pdftoppm', [
      '-r',
      '300',
      '-gray',
      '-png',
      '-singlefile',
      path.join(dir, 'letter.pdf'),
      path.join(dir, 'scan'),
    ]);
    const png = readFileSync(path.join(dir, 'scan.png'));
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(png);
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    return { png, pdf: Buffer.from(await doc.save()) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ocr(bytes: Buffer, mimeType: string) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const outcome = await readDocumentText(bytes, mimeType);
    times.push(performance.now() - started);
    if (outcome.status !== 'done' || !/lunettes/i.test(outcome.text)) {
      throw new Error(
        `lecture ratée : ${outcome.status === 'done' ? outcome.text.slice(0, 80) : outcome.reason}`,
      );
    }
  }
  return times;
}

const load = () => loadavg()[0]!.toFixed(2);
console.log(`charge moyenne au départ : ${load()} (2 cœurs) ; ${RUNS} essais par mesure`);
const email = await emailToFile();
console.log(
  `courriel de 5 Mo → dossier        médiane ${ms(median(email))}  max ${ms(Math.max(...email))}  (cible < 2 000 ms)`,
);
const page = await scannedPage();
const png = await ocr(page.png, 'image/png');
console.log(
  `OCR d’une page 300 dpi (PNG)      médiane ${ms(median(png))}  max ${ms(Math.max(...png))}  (cible < 5 000 ms)`,
);
const pdf = await ocr(page.pdf, 'application/pdf');
console.log(
  `OCR d’une page 300 dpi (PDF image) médiane ${ms(median(pdf))}  max ${ms(Math.max(...pdf))}  (cible < 5 000 ms)`,
);
console.log(`charge moyenne à la fin : ${load()}`);
