/** French display of the dashboard's figures: `1 234`, `87,5 %`, `12,5 j`, `4,20 / 5`, and their change. */

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const decimal1 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const decimal2 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NOTHING = 'Non calculable';

export type Unit = 'count' | 'rate' | 'days' | 'score';

export function formatFigure(value: number | null, unit: Unit): string {
  if (value === null) return NOTHING;
  switch (unit) {
    case 'count':
      return integer.format(value);
    case 'rate':
      return percent.format(value);
    case 'days':
      return `${decimal1.format(value)}\u00a0j`;
    case 'score':
      return `${decimal2.format(value)}\u00a0/\u00a05`;
  }
}

export interface Change {
  text: string;
  /** better / worse for the service, or neutral when a rise is neither (a count of complaints). */
  tone: 'better' | 'worse' | 'neutral';
}

/**
 * The change from the previous period: points for a rate, a relative change for a count, plain difference for days
 * and scores. `higherIsBetter` null: no judgement (more complaints is not « worse » per se).
 */
export function formatChange(
  current: number | null,
  previous: number | null,
  unit: Unit,
  higherIsBetter: boolean | null,
): Change | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  const size = Math.abs(delta);
  let text: string;
  if (unit === 'rate') text = `${sign}${decimal1.format(size * 100)}\u00a0pt`;
  else if (unit === 'count') {
    text =
      previous === 0
        ? `${sign}${integer.format(size)}`
        : `${sign}${decimal1.format((size / previous) * 100)}\u00a0%`;
  } else if (unit === 'days') text = `${sign}${decimal1.format(size)}\u00a0j`;
  else text = `${sign}${decimal2.format(size)}`;
  if (delta === 0) return { text: 'stable', tone: 'neutral' };
  const tone = higherIsBetter === null ? 'neutral' : delta > 0 === higherIsBetter ? 'better' : 'worse';
  return { text, tone };
}
