/** French display of money and dates. Money is integer cents; a calendar day is a `YYYY-MM-DD` string. */

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** `1 234,56 €` (Intl puts the no-break spaces French typography wants). */
export function formatEuros(cents: number): string {
  return euros.format(cents / 100);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-23` → `23/11/2026`. Anything else is returned as is rather than shown as a wrong day. */
export function formatDate(date: string): string {
  const m = CALENDAR_DATE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

const parisDay = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** An instant (ISO 8601) shown as the day it fell on in Paris: `23/11/2026`. */
export function formatInstantDate(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : parisDay.format(instant);
}

export type ParsedAmount = { ok: true; cents: number | null } | { ok: false; message: string };

/**
 * Reads an amount typed in euros the way people type it in France: `1 234,56`, `1234.56`, `120 €`, `89,9`.
 * Empty means "no amount". Computed on the digits, never through a float, so 0,29 € stays 29 cents.
 */
export function parseEurosToCents(input: string): ParsedAmount {
  const compact = input.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return { ok: true, cents: null };
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!m) {
    return {
      ok: false,
      message:
        'Montant invalide\u00a0: écrivez un nombre en euros, avec au plus deux décimales (exemple\u00a0: 1\u00a0234,56).',
    };
  }
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return { ok: true, cents };
}

const parisTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (ISO 8601) shown as its time in Paris: `14:05`. */
export function formatInstantTime(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : parisTime.format(instant);
}

/** An instant shown as `23/11/2026 à 14:05` (Paris). */
export function formatInstantDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${parisDay.format(instant)} à ${parisTime.format(instant)}`;
}

const parisIsoDay = new Intl.DateTimeFormat('fr-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Paris calendar day (`YYYY-MM-DD`) of an instant; a calendar day is returned as is. */
export function parisDayOf(value: string): string {
  if (CALENDAR_DATE.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : parisIsoDay.format(instant);
}

const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** A file size the French way: `820 octets`, `12,4 Ko`, `3,2 Mo`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes}\u00a0octet${bytes > 1 ? 's' : ''}`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)}\u00a0Ko`;
  return `${oneDecimal.format(bytes / (1024 * 1024))}\u00a0Mo`;
}
