import type { Letter } from '../domain/letters/schema.ts';
import { mm, renderPdfmake } from './pdfmake.ts';

/**
 * A French business letter on A4 that fits a window envelope (DL 110 × 220 mm or C5/6 114 × 229 mm, window on
 * the right): the recipient's address sits in the window zone, 100 mm from the left edge and 45–50 mm from the
 * top, in a 90 × 45 mm box (NF EN ISO 269 / La Poste recommendations); the sender sits top left; fold marks at
 * 99 mm and 198 mm fold the sheet in three for a DL envelope.
 *
 * PDF/A-2b: pdfkit (under pdfmake) writes the XMP identification, the sRGB output intent and embeds every font.
 * Not validated with veraPDF (not installed here): treat it as "PDF/A-2b by construction".
 */

const PAGE = { left: mm(25), top: mm(20), right: mm(20), bottom: mm(22) };
const WINDOW = { x: mm(100), y: mm(45), width: mm(90), height: mm(45) };
/** The body starts below the window, whatever the length of the sender's block. */
const BODY_TOP = mm(100);
const GREY = '#555555';

export interface RenderLetterOptions {
  /** "Page 1/2" in the footer (off inside the mediation file, which stamps its own numbers). */
  pageNumbers?: boolean;
  /** Fold marks in the left margin. */
  foldMarks?: boolean;
  /** PDF/A-2b identification and output intent (on by default). */
  pdfa?: boolean;
}

function isListItem(paragraph: string) {
  return /^[–-]\s/.test(paragraph);
}

function bodyBlocks(letter: Letter) {
  const blocks: Record<string, unknown>[] = [];
  if (letter.salutation) blocks.push({ text: letter.salutation, margin: [0, 0, 0, 8] });
  letter.body.forEach((paragraph, i) => {
    const next = letter.body[i + 1];
    const item = isListItem(paragraph);
    const tight = item && next !== undefined && isListItem(next);
    blocks.push({
      text: paragraph,
      alignment: item ? 'left' : 'justify',
      margin: item ? [mm(4), 0, 0, tight ? 1 : 7] : [0, 0, 0, 7],
    });
  });
  if (letter.closing) blocks.push({ text: letter.closing, margin: [0, 4, 0, 0] });
  return blocks;
}

export function letterDefinition(letter: Letter, options: RenderLetterOptions = {}): Record<string, unknown> {
  const pageNumbers = options.pageNumbers ?? true;
  const foldMarks = options.foldMarks ?? true;
  const pdfa = options.pdfa ?? true;
  const [senderName, ...senderLines] = letter.sender;
  const [recipientName, ...recipientLines] = letter.recipient;
  const content: Record<string, unknown>[] = [
    {
      stack: [{ text: senderName ?? '', bold: true }, ...senderLines.map((l) => ({ text: l }))],
      absolutePosition: { x: mm(20), y: mm(15) },
      width: mm(75),
      fontSize: 10,
    },
    {
      stack: [
        ...(letter.sendingNote
          ? [{ text: letter.sendingNote, fontSize: 8, italics: true, color: GREY, margin: [0, 0, 0, 4] }]
          : []),
        { text: recipientName ?? '', bold: true },
        ...recipientLines.map((l) => ({ text: l })),
      ],
      absolutePosition: { x: WINDOW.x + mm(5), y: WINDOW.y + mm(4) },
      width: WINDOW.width - mm(10),
      fontSize: 11,
      lineHeight: 1.1,
    },
    {
      text: letter.placeAndDate,
      margin: [WINDOW.x + mm(5) - PAGE.left, BODY_TOP - PAGE.top, 0, mm(8)],
    },
    {
      text: [
        { text: 'Objet\u00a0: ', bold: true },
        { text: letter.subject, bold: true },
      ],
      margin: [0, 0, 0, 4],
    },
  ];
  if (letter.references.length) {
    content.push({
      stack: letter.references.map((r) => ({
        text: [{ text: `${r.label}\u00a0: `, color: GREY }, { text: r.value }],
      })),
      fontSize: 9,
      margin: [0, 0, 0, mm(6)],
    });
  } else {
    content.push({ text: '', margin: [0, 0, 0, mm(4)] });
  }
  content.push(...bodyBlocks(letter));
  content.push({
    stack: letter.signature.map((line, i) => ({ text: line, bold: i === 0 })),
    margin: [WINDOW.x + mm(5) - PAGE.left, mm(8), 0, mm(6)],
    unbreakable: true,
  });
  if (letter.enclosures.length) {
    content.push({
      stack: [
        { text: 'Pièces jointes\u00a0:', bold: true, margin: [0, 0, 0, 2] },
        {
          ol: letter.enclosures,
          fontSize: 9.5,
        },
      ],
      unbreakable: letter.enclosures.length <= 12,
    });
  }
  const marks = foldMarks
    ? [
        {
          canvas: [99, 198].map((y) => ({
            type: 'line',
            x1: mm(5),
            y1: mm(y),
            x2: mm(9),
            y2: mm(y),
            lineWidth: 0.4,
            lineColor: '#999999',
          })),
        },
      ]
    : [];
  return {
    pageSize: 'A4',
    pageMargins: [PAGE.left, PAGE.top, PAGE.right, PAGE.bottom],
    ...(pdfa ? { version: '1.7', subset: 'PDF/A-2b' } : { version: '1.7' }),
    language: 'fr-FR',
    info: {
      title: letter.subject,
      author: letter.signature[0] ?? letter.sender[0] ?? 'Recours',
      subject: letter.type,
      creator: 'Recours',
      producer: 'Recours (pdfmake)',
      creationDate: new Date(`${letter.date}T12:00:00Z`),
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.18 },
    background: (page: number) => (page === 1 ? marks : []),
    footer: pageNumbers
      ? (current: number, count: number) => ({
          columns: [
            { text: letter.references.find((r) => /Dossier/.test(r.label))?.value ?? '', color: GREY },
            { text: `Page ${current}/${count}`, alignment: 'right' },
          ],
          fontSize: 8,
          margin: [PAGE.left, mm(8), PAGE.right, 0],
        })
      : undefined,
    content,
  };
}

/** The letter as a PDF (A4, window envelope, Roboto embedded, text extractable). */
export function renderLetterPdf(letter: Letter, options: RenderLetterOptions = {}): Promise<Buffer> {
  return renderPdfmake(letterDefinition(letter, options));
}
