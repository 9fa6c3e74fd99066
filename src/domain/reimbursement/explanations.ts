/** Building blocks for the French explanations attached to every computed amount. */
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { type Cents, formatEuros } from '../shared/money.ts';
import { type DatedParameter, type DatedValue, valueOn } from './parameters.ts';
import type { Explanation } from './schema.ts';

/** `30,00 €`, with ordinary spaces so that sentences can be pasted into any letter or test. */
export function euros(cents: Cents): string {
  return formatEuros(cents).replace(/[\u00a0\u202f]/g, ' ');
}

export function percentText(percent: number): string {
  return `${String(percent).replace('.', ',')} %`;
}

export function frenchDate(date: CalendarDate): string {
  return formatFrenchDate(date);
}

export function explanation(
  field: string,
  code: string,
  text: string,
  source: string,
  amount?: Cents,
): Explanation {
  return amount === undefined ? { field, code, text, source } : { field, code, amount, text, source };
}

/**
 * Reads dated parameters and records a warning when the value is not settled (◐ or ❌): once per act, so that the
 * user sees it next to the amounts it feeds, and once per request in the output's `warnings`.
 */
export class ParameterReader {
  readonly warnings: Explanation[] = [];
  private readonly seen = new Set<string>();
  private actWarningsList: Explanation[] = [];
  private readonly actSeen = new Set<string>();

  beginAct(): void {
    this.actWarningsList = [];
    this.actSeen.clear();
  }

  actWarnings(): Explanation[] {
    return this.actWarningsList;
  }

  /** Adds a warning that does not come from a parameter (e.g. an unknown age). */
  warn(code: string, text: string, source: string): void {
    this.record(code, explanation('warning', code, text, source));
  }

  /** The value without recording a warning: for a cap that may not bind (call `read` once it does). */
  peek<T>(param: DatedParameter<T>, date: CalendarDate): DatedValue<T> | undefined {
    return valueOn(param, date);
  }

  /** The value on `date`, or undefined when the table starts later. */
  read<T>(param: DatedParameter<T>, date: CalendarDate): DatedValue<T> | undefined {
    const v = valueOn(param, date);
    if (v && v.confidence !== 'confirmed') {
      const marker = v.confidence === 'secondary' ? '◐' : '❌';
      this.record(
        `parameter.${param.id}@${v.from}`,
        explanation(
          'warning',
          `parameter.${param.id}`,
          `${marker} ${param.label} : valeur incertaine, les sources divergent. ${v.note ?? ''}`.trim(),
          v.source,
        ),
      );
    }
    return v;
  }

  private record(key: string, e: Explanation): void {
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.warnings.push(e);
    }
    if (!this.actSeen.has(key)) {
      this.actSeen.add(key);
      this.actWarningsList.push(e);
    }
  }
}
