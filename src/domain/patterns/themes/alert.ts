import { binomialUpperTail } from '../distributions.ts';

/**
 * When a theme is an alert (issue 15 §2: « a theme that appears or grows fast is an alert too »).
 *
 * A theme's complaints among the texts read in the recent weeks and in the earlier weeks are two Poisson counts,
 * X₁ ~ P(λ₁·t₁) and X₂ ~ P(λ₂·t₂), whose exposures t₁, t₂ are the numbers of texts read in each window (the job
 * reads a bounded sample per week, so the rate is the theme's share of the complaints). Under « the share did not
 * change » (λ₁ = λ₂), X₁ given X₁ + X₂ = n is Binomial(n, t₁ / (t₁ + t₂)): the conditional test of
 * Przyborowski J. & Wileński H., « Homogeneity of results in testing samples from Poisson series »,
 * Biometrika 31(3/4), 1940, 313–323 (the « C-test » of Krishnamoorthy & Thomson, J. Stat. Plan. Inference 119,
 * 2004, 23–35). One-sided: only growth is an alert. The themes of one run are tested together: Bonferroni over
 * them, so the chance of at least one false alert in a week stays below α whatever their dependence.
 *
 * Significance alone would flag small but certain changes once the texts are many: an alert also needs a change
 * that matters (the share at least doubled) and at least five recent complaints (also the privacy floor, §5).
 * A theme with no complaint in the earlier weeks that passes is new rather than growing.
 */

export interface ThemeAlertRule {
  /** Chance of at least one false alert among the themes of a run. */
  alpha: number;
  /** Recent complaints below which no theme alerts. */
  minRecent: number;
  /** Recent share over earlier share from which a growth matters. */
  minRatio: number;
}

export const THEME_ALERT_RULE: ThemeAlertRule = { alpha: 0.01, minRecent: 5, minRatio: 2 };

/** A theme's complaints in each window (among the texts read). */
export interface ThemeWindowCounts {
  recent: number;
  earlier: number;
}

/** Texts read in each window: every theme's denominator. */
export interface WindowExposure {
  recentTexts: number;
  earlierTexts: number;
}

export interface ThemeAlertDecision {
  kind: 'new' | 'growing';
  /** One-sided conditional p-value, before Bonferroni. */
  pValue: number;
  /** Recent share over earlier share; null for a new theme (no earlier share). */
  ratio: number | null;
}

/** P(X₁ ≥ recent | X₁ + X₂ = n) under equal rates: the Przyborowski–Wileński conditional p-value. */
export function growthPValue(counts: ThemeWindowCounts, exposure: WindowExposure): number {
  const total = exposure.recentTexts + exposure.earlierTexts;
  if (total <= 0) return 1;
  return binomialUpperTail(counts.recent, counts.recent + counts.earlier, exposure.recentTexts / total);
}

/**
 * The alert of each theme of a run (null: none), in the order given. Every theme of the run belongs to the
 * Bonferroni family, shown or not (choosing which to test after seeing them is itself a multiple comparison).
 */
export function themeAlerts(
  themes: readonly ThemeWindowCounts[],
  exposure: WindowExposure,
  rule: ThemeAlertRule = THEME_ALERT_RULE,
): (ThemeAlertDecision | null)[] {
  const level = rule.alpha / Math.max(1, themes.length);
  return themes.map((counts) => {
    if (counts.recent < rule.minRecent || exposure.recentTexts <= 0 || exposure.earlierTexts <= 0) {
      return null;
    }
    const pValue = growthPValue(counts, exposure);
    if (pValue > level) return null;
    if (counts.earlier === 0) return { kind: 'new', pValue, ratio: null };
    const ratio = counts.recent / exposure.recentTexts / (counts.earlier / exposure.earlierTexts);
    return ratio >= rule.minRatio ? { kind: 'growing', pValue, ratio } : null;
  });
}
