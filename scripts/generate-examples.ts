/**
 * Regenerates the commit-ready examples of docs/letters.md from the example dossier
 * (src/domain/letters/example-dossier.json): a complaint letter and a mediation file, as PDF and first-page PNG.
 *   npx tsx scripts/generate-examples.ts
 * Needs pdftoppm (poppler-utils) for the PNGs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { draftLetter } from '../src/domain/letters/draft.ts';
import { mediationChecks } from '../src/domain/letters/mediation-checks.ts';
import { letterDossierSchema } from '../src/domain/letters/schema.ts';
import { renderMediationBundle } from '../src/pdf/bundle.ts';
import { renderLetterPdf } from '../src/pdf/letter.ts';

const OUT = new URL('../docs/examples/', import.meta.url);
mkdirSync(OUT, { recursive: true });
const dossier = letterDossierSchema.parse(
  JSON.parse(readFileSync(new URL('../src/domain/letters/example-dossier.json', import.meta.url), 'utf8')),
);

function write(name: string, bytes: Uint8Array) {
  const file = new URL(name, OUT);
  writeFileSync(file, bytes);
  return file.pathname;
}

function png(pdf: string, name: string) {
  const prefix = new URL(name, OUT).pathname;
  const out = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  if (out.status !== 0) throw new Error(`pdftoppm a échoué : ${out.stderr}`);
  return `${prefix}.png`;
}

/** Stand-ins for the member's documents: an invoice (PDF) and a statement (a small image). */
async function exampleInvoice(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  page.drawText('Cabinet dentaire du Parc - Dr A. Exemple', { x: 60, y: 770, size: 14, font: bold });
  page.drawText('Facture n° 2026-0902-17 du 02/09/2026', { x: 60, y: 740, size: 11, font });
  page.drawText('Patiente : Camille Martin', { x: 60, y: 722, size: 11, font });
  const rows = [
    ['Couronne céramo-métallique (HBLD634)', '550,00 €'],
    ['Base de remboursement Sécurité sociale', '120,00 €'],
    ['Total payé', '550,00 €'],
  ];
  rows.forEach(([label, value], i) => {
    page.drawText(label!, { x: 60, y: 680 - i * 20, size: 11, font });
    page.drawText(value!, { x: 440, y: 680 - i * 20, size: 11, font });
  });
  page.drawLine({
    start: { x: 60, y: 615 },
    end: { x: 535, y: 615 },
    thickness: 0.5,
    color: rgb(0.5, 0.5, 0.5),
  });
  page.drawText('Document d’exemple (données fictives).', { x: 60, y: 595, size: 9, font });
  return pdf.save();
}

async function exampleStatement(): Promise<Uint8Array> {
  // A tiny screenshot-like image, rendered by pdftoppm from a one-line PDF.
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([360, 160]);
  page.drawText('Mutuelle Démo - décompte du 08/09/2026', { x: 14, y: 130, size: 12, font });
  page.drawText('Couronne 02/09/2026 : versé 9,00 EUR', { x: 14, y: 100, size: 11, font });
  page.drawText('Réf. RCL-2026-0915-118', { x: 14, y: 78, size: 9, font });
  const tmp = write('.statement.pdf', await pdf.save());
  const prefix = new URL('.statement', OUT).pathname;
  spawnSync('pdftoppm', ['-png', '-r', '72', '-singlefile', tmp, prefix]);
  const bytes = readFileSync(`${prefix}.png`);
  spawnSync('rm', ['-f', tmp, `${prefix}.png`]);
  return bytes;
}

const letter = draftLetter('reclamation', {
  ...dossier,
  letters: [],
  dossier: { ...dossier.dossier, facts: {} },
});
if (!letter.ok) throw new Error(letter.error.message);
const letterFile = write('lettre-reclamation.pdf', await renderLetterPdf(letter.value));
png(letterFile, 'lettre-reclamation');

const referral = draftLetter('saisine_mediateur', dossier);
const checks = mediationChecks(dossier);
if (!referral.ok || !checks.ok) throw new Error('saisine impossible');
const bundle = await renderMediationBundle({
  letter: referral.value,
  dossier,
  checks: checks.value,
  documents: [
    {
      title: 'Facture du chirurgien-dentiste (couronne, 550 €)',
      kind: 'invoice',
      date: '2026-09-02',
      mimeType: 'application/pdf',
      bytes: await exampleInvoice(),
    },
    {
      title: 'Décompte de remboursement de la mutuelle',
      kind: 'statement',
      date: '2026-09-08',
      mimeType: 'image/png',
      bytes: await exampleStatement(),
    },
    {
      title: 'Photo de la couronne',
      kind: 'photo',
      fileName: 'IMG_2043.HEIC',
      mimeType: 'image/heic',
      bytes: new Uint8Array(),
    },
  ],
});
const bundleFile = write('dossier-mediation.pdf', bundle);
png(bundleFile, 'dossier-mediation-p1');

for (const name of [
  'lettre-reclamation.pdf',
  'lettre-reclamation.png',
  'dossier-mediation.pdf',
  'dossier-mediation-p1.png',
]) {
  const size = statSync(new URL(name, OUT)).size;
  console.log(`docs/examples/${name}\t${Math.round(size / 1024)} kB`);
  if (size > 300 * 1024) throw new Error(`${name} dépasse 300 kB`);
}
