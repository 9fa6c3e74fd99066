/**
 * The dashboard's periods, on calendar days (`YYYY-MM-DD`), computed in UTC so that no time zone moves a day.
 * The comparison period is the one of the same length that ends the day before: a tile's « évolution ».
 */

export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}
function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
export function addDays(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY);
}

/** Number of days of a period, both ends included. */
export function periodLength(p: Period): number {
  return Math.round((toTime(p.to) - toTime(p.from)) / DAY) + 1;
}

/** The period of the same length just before `p`. */
export function previousPeriod(p: Period): Period {
  const length = periodLength(p);
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

export type PresetKey = 'month' | 'quarter' | 'year' | 'last12';

export const PRESETS: { key: PresetKey; label: string }[] = [
  { key: 'month', label: 'Mois en cours' },
  { key: 'quarter', label: 'Trimestre en cours' },
  { key: 'year', label: 'Année en cours' },
  { key: 'last12', label: '12 derniers mois' },
];

/** A preset ending today (`today` is the Paris day, given by the caller: this module reads no clock). */
export function presetPeriod(key: PresetKey, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (key) {
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'quarter':
      return { from: `${year}-${pad(month - ((month - 1) % 3))}-01`, to: today };
    case 'year':
      return { from: `${year}-01-01`, to: today };
    case 'last12':
      return { from: addDays(`${year - 1}${today.slice(4)}`, 1), to: today };
  }
}

/** The Monday-to-Sunday week that starts on `monday`: the register filter of a bar of the weekly chart. */
export function weekRange(monday: string): Period {
  return { from: monday, to: addDays(monday, 6) };
}
