import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFRef,
  rgb,
} from 'pdf-lib';
import {
  embeddingOf,
  type MediationSummary,
  mediationChronology,
  mediationSummary,
  notEmbeddedNote,
} from '../domain/letters/bundle-content.ts';
import type { ChronologyEntry } from '../domain/letters/chronology.ts';
import { CONFIDENTIAL_COVER, WITHHELD_IN_BUNDLE } from '../domain/letters/confidential-cover.ts';
import { formatDate } from '../domain/letters/format.ts';
import type { MediationChecks } from '../domain/letters/mediation-checks.ts';
import type { Letter, LetterDossier } from '../domain/letters/schema.ts';
import { renderLetterPdf } from './letter.ts';
import { mm, renderPdfmake, robotoRegular } from './pdfmake.ts';

/**
 * The mediation file: cover letter, one-page summary, chronology, list of documents, then the documents
 * themselves (PDFs merged page by page, JPEG/PNG one per page, other formats only listed), every page stamped
 * "Page n / N", with bookmarks. Not PDF/A: the members' own PDFs are merged as they are, and PDF/A cannot be
 * promised for content we did not produce.
 */

export interface BundleDocument {
  title: string;
  kind: string;
  date?: string | undefined;
  fileName?: string | undefined;
  mimeType: string;
  bytes: Uint8Array;
  /** Under medical secrecy (C. santé publ. L1110-4): merged behind a « pli confidentiel » cover page. */
  medical?: boolean | undefined;
  /** A medical piece the reader may not read: listed with its date and holder, never merged. */
  withheld?: boolean | undefined;
}

export interface MediationBundle {
  letter: Letter;
  dossier: LetterDossier;
  checks: MediationChecks;
  documents: BundleDocument[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = mm(18);
const GREY = '#555555';
const STATUS_WORDS = { ok: 'Remplie', fail: 'Non remplie', warning: 'À vérifier' } as const;

function sectionDefinition(title: string, content: Record<string, unknown>[]): Record<string, unknown> {
  return {
    pageSize: 'A4',
    pageMargins: [mm(20), mm(20), mm(20), mm(22)],
    version: '1.7',
    language: 'fr-FR',
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.18 },
    content: [{ text: title, fontSize: 15, bold: true, margin: [0, 0, 0, mm(6)] }, ...content],
  };
}

function rowsTable(rows: { label: string; value: string }[]) {
  return {
    table: {
      widths: [mm(42), '*'],
      body: rows.map((r) => [{ text: r.label, color: GREY }, { text: r.value }]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, mm(5)],
  };
}

function heading(text: string) {
  return { text, bold: true, fontSize: 11.5, margin: [0, mm(2), 0, mm(2)] };
}

function summaryDefinition(summary: MediationSummary) {
  return sectionDefinition('Résumé du litige', [
    { text: summary.title, italics: true, margin: [0, 0, 0, mm(4)] },
    heading('Parties'),
    rowsTable(summary.parties),
    heading('Objet'),
    rowsTable(summary.object),
    ...(summary.amounts.length ? [heading('Montants'), rowsTable(summary.amounts)] : []),
    heading('Ce qui est demandé'),
    { text: summary.request, margin: [0, 0, 0, mm(5)] },
    heading(
      `Conditions de recevabilité : ${summary.admissible ? 'remplies' : 'une condition au moins n’est pas remplie'}`,
    ),
    {
      table: {
        widths: [mm(52), mm(22), '*'],
        headerRows: 1,
        body: [
          [
            { text: 'Condition', bold: true },
            { text: 'État', bold: true },
            { text: 'Détail et source', bold: true },
          ],
          ...summary.checks.map((c) => [
            c.title,
            {
              text: STATUS_WORDS[c.status],
              bold: c.status !== 'ok',
              color: c.status === 'fail' ? '#a00000' : undefined,
            },
            { text: [c.detail, { text: ` (${c.source})`, color: GREY, fontSize: 8.5 }] },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    },
  ]);
}

function chronologyDefinition(entries: ChronologyEntry[]) {
  const kinds = { fact: 'Fait', contact: 'Contact', letter: 'Courrier', document: 'Pièce' } as const;
  return sectionDefinition('Chronologie', [
    entries.length
      ? {
          table: {
            widths: [mm(22), mm(20), '*'],
            headerRows: 1,
            body: [
              [
                { text: 'Date', bold: true },
                { text: 'Nature', bold: true },
                { text: 'Événement', bold: true },
              ],
              ...entries.map((e) => [formatDate(e.date), { text: kinds[e.kind], color: GREY }, e.label]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9.5,
        }
      : { text: 'Aucun événement daté dans le dossier.' },
  ]);
}

function documentListDefinition(documents: BundleDocument[]) {
  return sectionDefinition('Liste des pièces', [
    documents.length
      ? {
          table: {
            widths: [mm(14), '*', mm(22)],
            headerRows: 1,
            body: [
              [
                { text: 'N°', bold: true },
                { text: 'Pièce', bold: true },
                { text: 'Date', bold: true },
              ],
              ...documents.map((doc, i) => {
                const embedding = embeddingOf(doc.mimeType, doc.fileName);
                const note = doc.withheld
                  ? WITHHELD_IN_BUNDLE
                  : doc.medical
                    ? CONFIDENTIAL_COVER.listNote
                    : embedding === 'none'
                      ? notEmbeddedNote(doc.mimeType, doc.fileName)
                      : undefined;
                return [
                  `${i + 1}`,
                  {
                    stack: [
                      doc.title,
                      ...(doc.fileName && !doc.withheld
                        ? [{ text: doc.fileName, color: GREY, fontSize: 8.5 }]
                        : []),
                      ...(note ? [{ text: note, italics: true, color: '#a00000', fontSize: 8.5 }] : []),
                    ],
                  },
                  doc.date ? formatDate(doc.date) : '—',
                ];
              }),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Aucune pièce jointe au dossier.' },
  ]);
}

async function appendPdf(target: PDFDocument, bytes: Uint8Array): Promise<number> {
  const source = await PDFDocument.load(bytes);
  const pages = await target.copyPages(source, source.getPageIndices());
  for (const page of pages) target.addPage(page);
  return pages.length;
}

/** Draws a paragraph from `y` down, wrapped to the page width; returns the y below it. */
function drawParagraph(page: PDFPage, font: PDFFont, text: string, y: number, size = 11): number {
  const words = text.split(' ');
  let line = '';
  const width = A4[0] - 2 * MARGIN;
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width) {
      page.drawText(line, { x: MARGIN, y, size, font });
      y -= size + 4;
      line = word;
    } else line = next;
  }
  if (line) page.drawText(line, { x: MARGIN, y, size, font });
  return y - size - 10;
}

/** A page with a caption and a short text (a document that could not be merged). */
function notePage(target: PDFDocument, font: PDFFont, caption: string, note: string) {
  const page = target.addPage(A4);
  drawCaption(page, font, caption);
  drawParagraph(page, font, note, A4[1] - MARGIN - 40);
}

/** The « pli confidentiel » cover put before each medical piece, as a sealed envelope would be. */
function confidentialCover(target: PDFDocument, font: PDFFont, caption: string) {
  const page = target.addPage(A4);
  drawCaption(page, font, caption);
  const frame = { x: MARGIN, y: A4[1] / 2 - 40, width: A4[0] - 2 * MARGIN, height: 150 };
  page.drawRectangle({ ...frame, borderColor: rgb(0.55, 0, 0), borderWidth: 2 });
  const title = CONFIDENTIAL_COVER.title;
  const size = 26;
  page.drawText(title, {
    x: (A4[0] - font.widthOfTextAtSize(title, size)) / 2,
    y: frame.y + frame.height - 50,
    size,
    font,
    color: rgb(0.55, 0, 0),
  });
  const sub = CONFIDENTIAL_COVER.subtitle;
  page.drawText(sub, {
    x: (A4[0] - font.widthOfTextAtSize(sub, 13)) / 2,
    y: frame.y + frame.height - 80,
    size: 13,
    font,
  });
  let y = frame.y - 30;
  for (const paragraph of CONFIDENTIAL_COVER.body) y = drawParagraph(page, font, paragraph, y, 10.5);
}

function drawCaption(page: PDFPage, font: PDFFont, caption: string) {
  let text = caption;
  while (font.widthOfTextAtSize(text, 10) > page.getWidth() - 2 * MARGIN && text.length > 10) {
    text = `${text.slice(0, -2)}…`;
  }
  page.drawText(text, { x: MARGIN, y: page.getHeight() - MARGIN, size: 10, font, color: rgb(0.2, 0.2, 0.2) });
}

async function appendImage(target: PDFDocument, font: PDFFont, doc: BundleDocument, caption: string) {
  const image =
    embeddingOf(doc.mimeType, doc.fileName) === 'jpeg'
      ? await target.embedJpg(doc.bytes)
      : await target.embedPng(doc.bytes);
  const page = target.addPage(A4);
  drawCaption(page, font, caption);
  const box = { width: A4[0] - 2 * MARGIN, height: A4[1] - 2 * MARGIN - 24 };
  const scale = Math.min(box.width / image.width, box.height / image.height, 1);
  const width = image.width * scale;
  const height = image.height * scale;
  // Never enlarged beyond its own size (a blurred scan helps nobody); a thin frame shows its edges.
  const x = (A4[0] - width) / 2;
  const y = MARGIN + (box.height - height) / 2;
  page.drawImage(image, { x, y, width, height });
  page.drawRectangle({ x, y, width, height, borderColor: rgb(0.7, 0.7, 0.7), borderWidth: 0.5 });
}

interface OutlineItem {
  title: string;
  pageIndex: number;
  children?: OutlineItem[];
}

/**
 * Bookmarks: pdf-lib has no outline API, so the /Outlines tree is written with its low-level objects (PDF 1.7
 * §12.3.3: each item has Title, Parent, Prev/Next siblings, First/Last children, Count and a destination).
 */
export function addOutline(pdf: PDFDocument, items: OutlineItem[]) {
  const { context } = pdf;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();

  const build = (list: OutlineItem[], parentRef: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => context.nextRef());
    let count = 0;
    list.forEach((item, i) => {
      const page = pages[Math.min(item.pageIndex, pages.length - 1)]!;
      const dict: Record<string, unknown> = {
        Title: PDFHexString.fromText(item.title),
        Parent: parentRef,
        Dest: [page.ref, 'XYZ', null, null, null],
      };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < list.length - 1) dict.Next = refs[i + 1];
      let descendants = 0;
      if (item.children?.length) {
        const sub = build(item.children, refs[i]!);
        dict.First = sub.first;
        dict.Last = sub.last;
        dict.Count = PDFNumber.of(sub.count); // positive: the item opens expanded
        descendants = sub.count;
      }
      context.assign(refs[i]!, context.obj(dict as Parameters<typeof context.obj>[0]));
      count += 1 + descendants;
    });
    return { first: refs[0]!, last: refs.at(-1)!, count };
  };

  const top = build(items, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }),
  );
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function stampPageNumbers(pdf: PDFDocument, font: PDFFont, reference: string) {
  const pages = pdf.getPages();
  const total = pages.length;
  pages.forEach((page, i) => {
    const text = `Page ${i + 1} / ${total}`;
    const size = 8;
    const width = font.widthOfTextAtSize(text, size);
    const { width: pageWidth } = page.getSize();
    const x = pageWidth - mm(20) - width;
    const y = mm(9);
    page.drawRectangle({ x: x - 3, y: y - 3, width: width + 6, height: size + 5, color: rgb(1, 1, 1) });
    page.drawText(text, { x, y, size, font, color: rgb(0.15, 0.15, 0.15) });
    if (i > 0) {
      page.drawText(`Dossier de médiation ${reference}`, {
        x: mm(20),
        y,
        size: 7,
        font,
        color: rgb(0.4, 0.4, 0.4),
      });
    }
  });
}

/** The mediation file as one PDF. */
export async function renderMediationBundle(bundle: MediationBundle): Promise<Buffer> {
  const { letter, dossier, checks, documents } = bundle;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(robotoRegular(), { subset: true });
  pdf.setTitle(`Dossier de médiation – ${dossier.dossier.reference}`);
  pdf.setAuthor(dossier.member.name);
  pdf.setSubject(dossier.dossier.title);
  pdf.setLanguage('fr-FR');
  pdf.setCreator('Recours');
  pdf.setProducer('Recours (pdf-lib)');
  const date = new Date(`${dossier.today}T12:00:00Z`);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);

  const start = { letter: 0, summary: 0, chronology: 0, list: 0 };
  await appendPdf(pdf, await renderLetterPdf(letter, { pageNumbers: false, pdfa: false }));
  start.summary = pdf.getPageCount();
  await appendPdf(pdf, await renderPdfmake(summaryDefinition(mediationSummary(dossier, checks))));
  start.chronology = pdf.getPageCount();
  await appendPdf(pdf, await renderPdfmake(chronologyDefinition(mediationChronology(dossier))));
  start.list = pdf.getPageCount();
  await appendPdf(pdf, await renderPdfmake(documentListDefinition(documents)));

  const children: OutlineItem[] = [];
  for (const [i, doc] of documents.entries()) {
    const caption = `Pièce n° ${i + 1} – ${doc.title}${doc.date ? ` (${formatDate(doc.date)})` : ''}`;
    const first = pdf.getPageCount();
    const embedding = embeddingOf(doc.mimeType, doc.fileName);
    if (doc.withheld) {
      notePage(pdf, font, caption, WITHHELD_IN_BUNDLE);
      children.push({ title: caption, pageIndex: first });
      continue;
    }
    if (doc.medical) confidentialCover(pdf, font, caption);
    try {
      if (embedding === 'pdf') await appendPdf(pdf, doc.bytes);
      else if (embedding === 'jpeg' || embedding === 'png') await appendImage(pdf, font, doc, caption);
    } catch {
      // A damaged or encrypted file must not sink the whole file: it is listed with a note instead.
      notePage(
        pdf,
        font,
        caption,
        'Cette pièce n’a pas pu être intégrée (fichier endommagé ou protégé) : elle est transmise séparément.',
      );
    }
    const added = pdf.getPageCount() > first;
    children.push({ title: caption, pageIndex: added ? first : start.list });
  }

  stampPageNumbers(pdf, font, dossier.dossier.reference);
  addOutline(pdf, [
    { title: 'Courrier', pageIndex: start.letter },
    { title: 'Résumé', pageIndex: start.summary },
    { title: 'Chronologie', pageIndex: start.chronology },
    { title: 'Pièces', pageIndex: start.list, children },
  ]);
  return Buffer.from(await pdf.save());
}
