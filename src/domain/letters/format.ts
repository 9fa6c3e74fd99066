import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { type Cents, formatEuros } from '../shared/money.ts';

/**
 * French typography for letters. The thin no-break space (U+202F) that Intl uses is absent from Roboto, the font
 * embedded in our PDFs: we use the no-break space (U+00A0) everywhere, which the Imprimerie nationale's lexicon
 * also accepts before « : » and inside guillemets.
 */
export const NBSP = '\u00a0';

/** `1 234,56 €` (no-break spaces: the amount never splits across lines). */
export function formatAmount(cents: Cents): string {
  return formatEuros(cents).replace(/[\u202f\u00a0 ]/g, NBSP);
}

/** `23/11/2026`. */
export function formatDate(date: CalendarDate): string {
  return formatFrenchDate(date);
}

/**
 * No-break spaces before : ; ? ! % € and inside « », straight apostrophes made typographic. Idempotent; leaves
 * URLs (`https://`) and times (`10:30`) alone because it only acts on a space already typed before the sign.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/[ \u202f]+([:;?!»%€])/g, `${NBSP}$1`)
    .replace(/«[ \u202f]+/g, `«${NBSP}`)
    .replace(/«(?=[^\s\u00a0])/g, `«${NBSP}`)
    .replace(/([^\s\u00a0])»/g, `$1${NBSP}»`);
}

/** « text », with no-break spaces. */
export function quote(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

/** "a, b et c". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}
