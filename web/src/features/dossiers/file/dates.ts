/** Dates typed in the file's forms. A date input gives `2026-11-23`; where a browser has none, `23/11/2026`. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of a `datetime-local` input for this minute, on the device's clock: `2026-11-23T14:05`. */
export function nowForDateTimeInput(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A `datetime-local` value (device time) → ISO 8601 instant; null when unreadable. */
export function instantOfDateTimeInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Today in Paris, `YYYY-MM-DD`. */
export function todayInParis(now = new Date()): string {
  return new Intl.DateTimeFormat('fr-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole days from one calendar day to another (negative when past). */
export function daysFrom(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/** `dans 12 jours`, `aujourd’hui (dernier jour)`, `dépassé de 3 jours`. */
export function daysLeftText(days: number): string {
  if (days === 0) return 'aujourd’hui (dernier jour)';
  const n = Math.abs(days);
  const unit = `${n}\u00a0jour${n > 1 ? 's' : ''}`;
  return days > 0 ? `dans ${unit}` : `dépassé de ${unit}`;
}
