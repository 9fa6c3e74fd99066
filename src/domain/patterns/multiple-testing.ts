/**
 * Control of multiple testing over the cells of one week. Every week tests hundreds to thousands of cells (every
 * combination of up to three dimensions), so testing each at 5 % would raise dozens of false alerts a week.
 *
 * Holm S., "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6(2), 1979, 65–70: the
 * step-down Bonferroni procedure, which keeps the probability of at least one false alert in a week below α
 * whatever the dependence between cells. Benjamini–Hochberg (false discovery rate) was tried first and rejected:
 * the cells of one real spike are many and strongly correlated (every combination that contains it), and BH then
 * lowers the bar for the whole week, letting unrelated noise through (62 false alerts per year on the synthetic
 * registers, against under 5 with Holm: docs/patterns.md).
 */

/**
 * The largest p-value rejected by Holm's procedure at level α, or -1 when none is. `family` is the number of
 * hypotheses, at least the p-values given: cells not tested (fewer than five complaints this week) still belong to
 * the family, since choosing which cells to test after seeing the week's counts is itself a multiple comparison.
 */
export function holmCut(pValues: readonly number[], alpha: number, family = pValues.length): number {
  const sorted = [...pValues].sort((a, b) => a - b);
  const m = Math.max(family, sorted.length);
  let cut = -1;
  for (let k = 0; k < sorted.length; k++) {
    if (sorted[k]! > alpha / (m - k)) break;
    cut = sorted[k]!;
  }
  return cut;
}

/** Benjamini & Hochberg (JRSS B 57(1), 1995): the largest p-value rejected at false discovery rate q, or -1. */
export function benjaminiHochbergCut(pValues: readonly number[], q: number): number {
  const sorted = [...pValues].sort((a, b) => a - b);
  const m = sorted.length;
  let cut = -1;
  for (let k = 1; k <= m; k++) if (sorted[k - 1]! <= (k * q) / m) cut = sorted[k - 1]!;
  return cut;
}
