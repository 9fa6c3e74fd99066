import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * pdfmake with the Roboto fonts it ships (embedded and subset in every PDF: accents, €, « » and œ are in Roboto;
 * U+202F is not, see src/domain/letters/format.ts). No URL is fetched and only the font folder may be read.
 */
const require = createRequire(import.meta.url);
export const ROBOTO_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

type Pdfmake = typeof import('pdfmake').default;
let loaded: Promise<Pdfmake> | undefined;

/** pdfmake is imported at the first PDF, not when the server starts (docs/performance.md: resident memory). */
function pdfmakeConfigured(): Promise<Pdfmake> {
  loaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    configure(pdfmake);
    return pdfmake;
  });
  return loaded;
}

function configure(pdfmake: Pdfmake) {
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
}

/** Renders a pdfmake document definition to PDF bytes. */
export async function renderPdfmake(definition: Record<string, unknown>): Promise<Buffer> {
  const pdfmake = await pdfmakeConfigured();
  return pdfmake.createPdf(definition).getBuffer();
}

/** The regular Roboto face, for pdf-lib (page numbers and captions of the mediation file). */
export function robotoRegular(): Uint8Array {
  return readFileSync(path.join(ROBOTO_DIR, 'Roboto-Regular.ttf'));
}

/** Millimetres to PDF points. */
export const mm = (value: number) => (value * 72) / 25.4;
