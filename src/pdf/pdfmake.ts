import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

/**
 * pdfmake with the Roboto fonts it ships (embedded and subset in every PDF: accents, €, « » and œ are in Roboto;
 * U+202F is not, see src/domain/letters/format.ts). No URL is fetched and only the font folder may be read.
 */
const require = createRequire(import.meta.url);
export const ROBOTO_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let configured = false;

function configure() {
  if (configured) return;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(ROBOTO_DIR));
  pdfmake.addFonts({
    Roboto: {
      normal: path.join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  configured = true;
}

/** Renders a pdfmake document definition to PDF bytes. */
export async function renderPdfmake(definition: Record<string, unknown>): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}

/** The regular Roboto face, for pdf-lib (page numbers and captions of the mediation file). */
export function robotoRegular(): Uint8Array {
  return readFileSync(path.join(ROBOTO_DIR, 'Roboto-Regular.ttf'));
}

/** Millimetres to PDF points. */
export const mm = (value: number) => (value * 72) / 25.4;
