import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Reading the text of a scanned letter with Debian's tesseract-ocr and its French data (tesseract-ocr-fra),
 * and poppler-utils for PDFs: installed by `.ci/run` and documented in the README. Nothing is downloaded at run
 * time. A PDF that already carries a text layer (a letter produced by software) is read without OCR.
 */
export type OcrOutcome =
  | { status: 'done'; text: string; method: 'text_layer' | 'ocr'; pages: number }
  | { status: 'unsupported'; reason: string }
  | { status: 'failed'; reason: string };

/** Beyond this many pages a scan is a bundle, not a letter: its first pages say what it is about. */
export const MAX_OCR_PAGES = 10;
const TIMEOUT_MS = 120_000;
/** Below this many letters per page, a PDF's text layer is empty or noise: it is a scan. */
const MIN_LETTERS_PER_PAGE = 40;

let available: Promise<boolean> | undefined;

/** Whether tesseract with the French data is installed (checked once per process). */
export function ocrAvailable(): Promise<boolean> {
  available ??= run('tesseract', ['--list-langs'], { timeout: 10_000 })
    .then(({ stdout, stderr }) => /\bfra\b/.test(`${stdout}\n${stderr}`))
    .catch(() => false);
  return available;
}

async function tesseract(imagePath: string): Promise<string> {
  // --psm 1: automatic page segmentation with orientation detection (a letter scanned upside down still reads).
  const { stdout } = await run('tesseract', [imagePath, 'stdout', '-l', 'fra', '--psm', '1'], {
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  return stdout;
}

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

export function cleanOcrText(text: string): string {
  return text
    .replace(/\f/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function readDocumentText(bytes: Buffer, mimeType: string): Promise<OcrOutcome> {
  if (mimeType === 'image/heic' || mimeType === 'image/heif') {
    return { status: 'unsupported', reason: 'Photo HEIC : la lecture automatique ne lit pas ce format.' };
  }
  if (!['application/pdf', 'image/jpeg', 'image/png'].includes(mimeType)) {
    return { status: 'unsupported', reason: 'Format non lu automatiquement.' };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'recours-ocr-'));
  try {
    if (mimeType === 'application/pdf') return await readPdf(dir, bytes);
    if (!(await ocrAvailable())) return { status: 'failed', reason: 'Lecture automatique indisponible.' };
    const file = path.join(dir, mimeType === 'image/png' ? 'scan.png' : 'scan.jpg');
    await writeFile(file, bytes);
    const text = cleanOcrText(await tesseract(file));
    return { status: 'done', text, method: 'ocr', pages: 1 };
  } catch (error) {
    return { status: 'failed', reason: (error as Error).message.split('\n')[0] ?? 'échec' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readPdf(dir: string, bytes: Buffer): Promise<OcrOutcome> {
  const pdf = path.join(dir, 'document.pdf');
  await writeFile(pdf, bytes);
  const info = await run('pdfinfo', [pdf], { timeout: 30_000 }).catch(() => undefined);
  const pages = Number(/Pages:\s+(\d+)/.exec(info?.stdout ?? '')?.[1] ?? '1');
  const last = Math.min(pages, MAX_OCR_PAGES);
  const layer = await run('pdftotext', ['-layout', '-l', String(last), pdf, '-'], {
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  }).catch(() => undefined);
  const layerText = cleanOcrText(layer?.stdout ?? '');
  if (letters(layerText) >= MIN_LETTERS_PER_PAGE * last) {
    return { status: 'done', text: layerText, method: 'text_layer', pages: last };
  }
  if (!(await ocrAvailable())) return { status: 'failed', reason: 'Lecture automatique indisponible.' };
  // 300 dpi: the resolution tesseract is tuned for.
  await run('pdftoppm', ['-r', '300', '-gray', '-png', '-l', String(last), pdf, path.join(dir, 'page')], {
    timeout: TIMEOUT_MS,
  });
  const images = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
  const texts: string[] = [];
  for (const image of images) texts.push(await tesseract(path.join(dir, image)));
  return { status: 'done', text: cleanOcrText(texts.join('\n\n')), method: 'ocr', pages: images.length };
}
