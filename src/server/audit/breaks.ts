import type { AuditBreak } from './verify.ts';

/** The breaks found, counted all, kept up to `max`. */
export class Breaks {
  count = 0;
  readonly list: AuditBreak[] = [];
  constructor(private readonly max: number) {}
  add(b: AuditBreak) {
    this.count += 1;
    if (this.list.length < this.max) this.list.push(b);
  }
  /** Breaks counted elsewhere beyond the list's room (the log's worker keeps only the first ones). */
  addUnlisted(n: number) {
    this.count += n;
  }
}

/** « n° 3 » or « n° 3 à 5 ». */
export function range(from: number, to: number) {
  return from === to ? `n° ${from}` : `n° ${from} à ${to}`;
}
