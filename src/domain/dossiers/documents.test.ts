import { describe, expect, it } from 'vitest';
import {
  checkUploadedFile,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  MAX_DOCUMENT_BYTES,
  safeFileName,
} from './documents.ts';

describe('checkUploadedFile', () => {
  // [why, detected type, size, expected code or the accepted type]
  const rows: [string, string | undefined, number, string][] = [
    ['a scanned PDF', 'application/pdf', 200_000, 'application/pdf'],
    ['a phone photo (JPEG)', 'image/jpeg', 3_000_000, 'image/jpeg'],
    ['a screenshot (PNG)', 'image/png', 50_000, 'image/png'],
    ['an iPhone photo (HEIC brand)', 'image/heic', 2_000_000, 'image/heic'],
    ['an iPhone photo (HEIF container brand)', 'image/heif', 2_000_000, 'image/heif'],
    [
      'exactly 10 MB is accepted (the limit is inclusive)',
      'application/pdf',
      MAX_DOCUMENT_BYTES,
      'application/pdf',
    ],
    ['one byte over 10 MB', 'application/pdf', MAX_DOCUMENT_BYTES + 1, 'file_too_large'],
    ['an executable renamed .pdf', 'application/x-msdownload', 1_000, 'unsupported_file_type'],
    [
      'a Word file: not a format a mediator can open everywhere',
      'application/x-cfb',
      1_000,
      'unsupported_file_type',
    ],
    ['plain text: file-type recognises nothing', undefined, 1_000, 'unsupported_file_type'],
    ['an empty file', undefined, 0, 'empty_file'],
  ];
  it.each(rows)('%s', (_why, detectedMime, sizeBytes, expected) => {
    const result = checkUploadedFile({ detectedMime, sizeBytes });
    if (result.ok) expect(result.value).toBe(expected);
    else {
      expect(result.error.code).toBe(expected);
      expect(result.error.field).toBe('file');
    }
  });
});

describe('safeFileName', () => {
  const rows: [string, string | undefined, Parameters<typeof safeFileName>[1], string][] = [
    ['keeps a plain name', 'facture.pdf', 'application/pdf', 'facture.pdf'],
    ['keeps accents', 'Décompte été.pdf', 'application/pdf', 'Décompte été.pdf'],
    ['takes the extension of the real type', 'facture.pdf', 'image/png', 'facture.png'],
    ['drops a path (Windows or Unix)', 'C:\\Users\\x\\..\\ordonnance.jpg', 'image/jpeg', 'ordonnance.jpg'],
    ['drops control characters and quotes', 'a"b\u0000c.pdf', 'application/pdf', 'abc.pdf'],
    ['names a nameless file', undefined, 'image/heic', 'document.heic'],
    ['shortens a very long name', `${'x'.repeat(300)}.pdf`, 'application/pdf', `${'x'.repeat(110)}.pdf`],
  ];
  it.each(rows)('%s', (_why, original, mime, expected) => {
    expect(safeFileName(original, mime)).toBe(expected);
  });

  it('labels every kind in French', () => {
    for (const kind of DOCUMENT_KINDS) expect(DOCUMENT_KIND_LABELS[kind]).toMatch(/^[A-ZÉ]/);
  });
});
