/**
 * Rows in PostgreSQL's COPY text format (one line per row, columns separated by tabs, `\N` for null): the load
 * generator streams a million files through `COPY … FROM STDIN` rather than INSERTs.
 */
export type CopyValue = string | number | boolean | null | undefined;

const SPECIAL = /[\\\t\n\r]/;

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyLine(values: readonly CopyValue[]): string {
  // join, not +=: one flat string per row rather than a rope of small pieces kept alive until the COPY (the
  // garbage collector's time halves).
  return `${values.map(field).join('\t')}\n`;
}

/** Lines of one table, handed to COPY in chunks of about a megabyte. */
export class CopyBuffer {
  private readonly chunks: string[] = [];
  private lines: string[] = [];
  private size = 0;
  rows = 0;
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}
  add(values: readonly CopyValue[]) {
    const line = copyLine(values);
    this.lines.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size > 1_000_000) this.cut();
  }
  get statement() {
    return `COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`;
  }
  private cut() {
    this.chunks.push(this.lines.join(''));
    this.lines = [];
    this.size = 0;
  }
  /** The chunks written so far, emptied. */
  take(): string[] {
    if (this.lines.length) this.cut();
    this.rows = 0;
    return this.chunks.splice(0);
  }
}
