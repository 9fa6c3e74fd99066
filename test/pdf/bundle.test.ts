import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFRef,
  PDFString,
  StandardFonts,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../src/domain/letters/draft.ts';
import { mediationChecks } from '../../src/domain/letters/mediation-checks.ts';
import { letterDossierSchema } from '../../src/domain/letters/schema.ts';
import { exampleDossier } from '../../src/domain/letters/test-builders.ts';
import { renderMediationBundle } from '../../src/pdf/bundle.ts';
import { renderLetterPdf } from '../../src/pdf/letter.ts';
import { firstPagePng, makePng, POPPLER, pdfInfo, pdfText, save } from './support.ts';

async function smallPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    pdf
      .addPage([595, 842])
      .drawText(`Facture du chirurgien-dentiste, page ${i}`, { x: 60, y: 760, size: 16, font });
  }
  return pdf.save();
}

interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/** Reads the /Outlines tree back: titles, target page index, children. */
function readOutline(pdf: PDFDocument): Bookmark[] {
  const pageRefs = pdf.getPages().map((p) => p.ref.toString());
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFRef | undefined): Bookmark[] => {
    const out: Bookmark[] = [];
    let ref = first;
    while (ref) {
      const item = pdf.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      out.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        page: pageRefs.indexOf(dest.get(0).toString()),
        children: walk(item.get(PDFName.of('First')) as PDFRef | undefined),
      });
      ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
    }
    return out;
  };
  return walk(outlines.get(PDFName.of('First')) as PDFRef | undefined);
}

describe.skipIf(!POPPLER)('the mediation file', () => {
  it('merges 2 documents, numbers every page and carries bookmarks', async () => {
    const dossier = letterDossierSchema.parse(exampleDossier());
    const letter = draftLetter('saisine_mediateur', dossier);
    const checks = mediationChecks(dossier);
    if (!letter.ok || !checks.ok) throw new Error('draft failed');
    const documents = [
      {
        title: 'Facture du chirurgien-dentiste',
        kind: 'invoice',
        date: '2026-09-02',
        mimeType: 'application/pdf',
        bytes: await smallPdf(2),
      },
      {
        title: 'Décompte de la mutuelle',
        kind: 'statement',
        date: '2026-09-08',
        mimeType: 'image/png',
        bytes: makePng(120, 80),
      },
    ];
    const bytes = await renderMediationBundle({
      letter: letter.value,
      dossier,
      checks: checks.value,
      documents,
    });
    const file = save('dossier-mediation.pdf', bytes);

    const letterPages = (
      await PDFDocument.load(await renderLetterPdf(letter.value, { pageNumbers: false }))
    ).getPageCount();
    // letter + summary + chronology + list of documents + 2 PDF pages + 1 image page
    const expected = letterPages + 3 + 2 + 1;
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(expected);
    expect(pdfInfo(file).Pages).toBe(String(expected));

    const text = pdfText(file);
    for (let n = 1; n <= expected; n++) expect(text).toContain(`Page ${n} / ${expected}`);
    expect(text).toContain('Résumé du litige');
    expect(text).toContain('Chronologie');
    expect(text).toContain('Liste des pièces');
    expect(text).toContain('Facture du chirurgien-dentiste, page 2');
    expect(text).toContain('Pièce n° 2 – Décompte de la mutuelle (08/09/2026)');
    expect(text).toContain('Conditions de recevabilité : remplies');

    const outline = readOutline(pdf);
    expect(outline.map((b) => b.title)).toEqual(['Courrier', 'Résumé', 'Chronologie', 'Pièces']);
    expect(outline.map((b) => b.page)).toEqual([0, letterPages, letterPages + 1, letterPages + 2]);
    const pieces = outline[3]!.children;
    expect(pieces.map((b) => b.title)).toEqual([
      'Pièce n° 1 – Facture du chirurgien-dentiste (02/09/2026)',
      'Pièce n° 2 – Décompte de la mutuelle (08/09/2026)',
    ]);
    expect(pieces.map((b) => b.page)).toEqual([letterPages + 3, letterPages + 5]);

    const png = firstPagePng(file, 'dossier-mediation-p1');
    expect(png.size).toBeGreaterThan(1000);
  });

  it('lists a HEIC photo with a note instead of failing, and says why a premature referral would be refused', async () => {
    const raw = exampleDossier();
    raw.dossier.facts = { complaintSentOn: '2026-11-01' };
    raw.letters = [];
    const dossier = letterDossierSchema.parse(raw);
    const letter = draftLetter('saisine_mediateur', dossier);
    const checks = mediationChecks(dossier);
    if (!letter.ok || !checks.ok) throw new Error('draft failed');
    expect(checks.value.admissible).toBe(false);
    const bytes = await renderMediationBundle({
      letter: letter.value,
      dossier,
      checks: checks.value,
      documents: [
        {
          title: 'Photo de la facture',
          kind: 'photo',
          fileName: 'IMG_0042.HEIC',
          mimeType: 'image/heic',
          bytes: new Uint8Array([0, 1, 2]),
        },
        {
          title: 'PDF endommagé',
          kind: 'other',
          mimeType: 'application/pdf',
          bytes: new Uint8Array([37, 80, 68, 70]),
        },
      ],
    });
    const file = save('dossier-mediation-heic.pdf', bytes);
    const text = pdfText(file);
    expect(text).toContain('HEIC');
    expect(text).toContain('Non remplie');
    expect(text).toContain('Saisine prématurée');
    expect(text).toContain('n’a pas pu être intégrée');
    const outline = readOutline(await PDFDocument.load(bytes));
    expect(outline[3]!.children).toHaveLength(2);
  });
});
