import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { RawRecord } from '../../domain/register/import-line.ts';

export type ImportFormat = 'csv' | 'jsonl';

export type ImportItem =
  | { kind: 'header'; columns: string[] }
  | { kind: 'row'; line: number; record: RawRecord }
  | { kind: 'error'; line: number; message: string };

/** The format from a file name: `.csv`, or `.jsonl` / `.ndjson` (JSON Lines); undefined for anything else. */
export function formatOf(fileName: string): ImportFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

/**
 * Streams the lines of an import file, never the whole file in memory. CSV: a header row, comma or semicolon
 * (French spreadsheets export with semicolons), UTF-8 with or without BOM. JSON Lines: one object per line.
 * Line numbers are the file's (the CSV header is line 1).
 */
export async function* readImportFile(input: Readable, format: ImportFormat): AsyncGenerator<ImportItem> {
  if (format === 'csv') {
    let columns: string[] = [];
    const parser = input.pipe(
      parse({
        bom: true,
        delimiter: [',', ';'],
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
        columns: (header: string[]) => {
          columns = header.map((h) => h.trim());
          return columns;
        },
      }),
    );
    let headerSent = false;
    try {
      for await (const item of parser as AsyncIterable<{ record: RawRecord; info: { lines: number } }>) {
        if (!headerSent) {
          headerSent = true;
          yield { kind: 'header', columns };
        }
        yield { kind: 'row', line: item.info.lines, record: item.record };
      }
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 0;
      yield {
        kind: 'error',
        line,
        message: `Fichier CSV illisible à partir de cette ligne (guillemet non fermé ?).`,
      };
      return;
    }
    if (!headerSent) yield { kind: 'header', columns };
    return;
  }
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  let headerSent = false;
  for await (const text of lines) {
    line += 1;
    if (!headerSent) {
      headerSent = true;
      yield { kind: 'header', columns: [] };
    }
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      yield { kind: 'error', line, message: 'Ligne JSON invalide : un objet {"reference": …} par ligne.' };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { kind: 'error', line, message: 'Chaque ligne doit être un objet JSON {"reference": …}.' };
      continue;
    }
    yield { kind: 'row', line, record: value as RawRecord };
  }
  if (!headerSent) yield { kind: 'header', columns: [] };
}
