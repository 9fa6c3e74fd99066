/**
 * CSV for French spreadsheets: semicolon separator, decimal comma, UTF-8 with a BOM (Excel then reads the accents),
 * RFC 4180 quoting. A cell that starts like a formula gets a leading apostrophe (CSV injection, OWASP).
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(';')}\r\n`;
}
