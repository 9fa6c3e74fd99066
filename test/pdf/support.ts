import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** PDF tests read the PDFs back with poppler-utils (pdftotext, pdfinfo, pdftoppm), as a person's viewer would. */
export const POPPLER = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
const REQUIRED = process.env.RECOURS_REQUIRE_BROWSER === '1';
if (!POPPLER) {
  const message =
    'poppler-utils (pdftotext, pdfinfo, pdftoppm) introuvable : tests PDF ignorés. Installez-le (apt-get install -y poppler-utils).';
  if (REQUIRED) throw new Error(`${message} RECOURS_REQUIRE_BROWSER=1 : ces tests doivent tourner.`);
  console.warn(message);
}

export const ARTIFACTS = fileURLToPath(new URL('../../test-results/pdf/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

export function save(name: string, bytes: Uint8Array): string {
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, bytes);
  return file;
}

/** The text a reader copies out of the PDF; no-break spaces read as spaces. */
export function pdfText(file: string): string {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext: ${out.stderr}`);
  return out.stdout.replace(/\u00a0/g, ' ');
}

export function pdfInfo(file: string): Record<string, string> {
  const out = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdfinfo: ${out.stderr}`);
  return Object.fromEntries(
    out.stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export function pdfFonts(file: string): string {
  return spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
}

/** First page as PNG at 60 dpi (`pdftoppm -png -r 60`); returns the file and its size. */
export function firstPagePng(file: string, name: string): { file: string; size: number } {
  const prefix = path.join(ARTIFACTS, name);
  const out = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`pdftoppm: ${out.stderr}`);
  const png = `${prefix}.png`;
  return { file: png, size: statSync(png).size };
}

/** A small RGB PNG written by hand (no image library needed): a gradient, like a scanned statement. */
export function makePng(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = Math.floor((x / width) * 255);
      row[2 + x * 3] = Math.floor((y / height) * 255);
      row[3 + x * 3] = 180;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
