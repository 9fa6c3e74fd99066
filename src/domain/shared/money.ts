/**
 * Money is integer euro cents. Rounding rule: half away from zero, to the cent, applied once per computed
 * amount (a percentage of a base), never to intermediate sums. See docs/glossary.md.
 */
export type Cents = number;

export function percentOf(base: Cents, percent: number): Cents {
  const raw = (base * percent) / 100;
  return Math.sign(raw) * Math.round(Math.abs(raw) + Number.EPSILON * 10);
}

export function eurosToCents(euros: number): Cents {
  return Math.sign(euros) * Math.round(Math.abs(euros) * 100);
}

const euroFormatter = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** `1 234,56 €` with the narrow no-break spaces French typography uses. */
export function formatEuros(cents: Cents): string {
  return euroFormatter.format(cents / 100);
}
