import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import type { RegisterFilters } from '../../db/repositories/register.ts';
import { registerExportPages } from '../../db/repositories/register-export.ts';
import type { SlaColour } from '../../domain/register/sla.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { CSV_BOM, csvLine } from '../shared/csv.ts';
import { EXPORT_COLUMNS, type ExportLine, exportLine } from './register-rows.ts';

async function* exportLines(
  db: Db,
  filters: RegisterFilters,
  sla: readonly SlaColour[] | undefined,
  now: Date,
) {
  const wanted = sla?.length ? new Set(sla) : undefined;
  const today = parisDateOf(now);
  for await (const page of registerExportPages(db, filters)) {
    for (const row of page) {
      const { line, colour } = exportLine(row, today);
      if (!wanted || wanted.has(colour)) yield line;
    }
  }
}

/** The register as CSV, produced page by page as the client reads (backpressure of Readable.from). */
export function registerCsv(
  db: Db,
  filters: RegisterFilters,
  sla: readonly SlaColour[] | undefined,
  now: Date,
) {
  return Readable.from(
    (async function* () {
      yield CSV_BOM + csvLine(EXPORT_COLUMNS.map(([, header]) => header));
      for await (const line of exportLines(db, filters, sla, now)) {
        yield csvLine(EXPORT_COLUMNS.map(([key]) => line[key]));
      }
    })(),
  );
}

const DATE_COLUMNS = new Set<string>([
  'receivedOn',
  'complaintSentOn',
  'acknowledgedOn',
  'acknowledgmentDueOn',
  'answeredOn',
  'answerDueOn',
  'mediationReferredOn',
]);

function cellOf(key: string, value: ExportLine[keyof ExportLine]) {
  if (value !== null && DATE_COLUMNS.has(key)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/** The zip entry exceljs 4.4 feeds a streaming sheet into (not in its typings): archiver's PassThrough. */
interface SheetStreamInternals {
  _stream?: {
    pipes?: {
      _writableState?: { length: number };
      once(event: 'drain', f: () => void): unknown;
      removeListener(event: 'drain', f: () => void): unknown;
    }[];
  };
}

/** Bytes of a sheet's XML allowed to wait for compression: a few pages of rows. */
const QUEUED_FOR_COMPRESSION = 8 * 1024 * 1024;

/**
 * exceljs hands a committed row's XML to the zip entry without waiting for it (its buffer's write always says "go
 * on"), and compressing is slower than reading rows: the 881 805 rows of a million-file register queued there
 * until the server held 565 MiB. Wait while more than a few pages are queued (a synthetic 300 000-row sheet:
 * 424 MiB growing → 140 MiB flat). False when the download was abandoned meanwhile.
 */
async function compressionCaughtUp(sheet: object, out: PassThrough): Promise<boolean> {
  for (const entry of (sheet as SheetStreamInternals)._stream?.pipes ?? []) {
    if ((entry._writableState?.length ?? 0) <= QUEUED_FOR_COMPRESSION) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        entry.removeListener('drain', done);
        out.removeListener('close', done);
        resolve();
      };
      entry.once('drain', done);
      out.once('close', done);
    });
  }
  return !out.destroyed;
}

/**
 * The register as XLSX with exceljs's streaming WorkbookWriter: each row is committed (written out) at once, so
 * the workbook never sits in memory. Dates are real dates shown jj/mm/aaaa.
 */
export function registerXlsx(
  db: Db,
  filters: RegisterFilters,
  sla: readonly SlaColour[] | undefined,
  now: Date,
) {
  const out = new PassThrough();
  (async () => {
    // exceljs is imported at the first XLSX export, not when the server starts (docs/performance.md).
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Registre');
    sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({
      key,
      header,
      width: key === 'title' ? 50 : 18,
      ...(DATE_COLUMNS.has(key) ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
    }));
    let rows = 0;
    for await (const line of exportLines(db, filters, sla, now)) {
      sheet.addRow(EXPORT_COLUMNS.map(([key]) => cellOf(key, line[key]))).commit();
      // Follow the client's pace: a slow download must not pile the workbook up in this buffer.
      if (out.writableNeedDrain) await once(out, 'drain');
      if (++rows % 1000 === 0 && !(await compressionCaughtUp(sheet, out))) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
