import { negativeBinomialUpperTail } from './distributions.ts';
import { fitPoissonGlm, type GlmFit } from './glm.ts';

/**
 * The expected count of one weekly series in one week, learnt from the weeks before it: the "improved Farrington"
 * (Farrington flexible) algorithm of Noufaily A. et al., "An improved algorithm for outbreak detection in multiple
 * surveillance systems", Statistics in Medicine 32(7), 2013, 1206–1222, itself built on Farrington C.P. et al.,
 * "A statistical algorithm for the early detection of outbreaks of infectious disease", JRSS A 159(3), 1996.
 *
 * - quasi-Poisson log-linear GLM on the baseline weeks (up to 3 years back);
 * - seasonality: a 10-level factor (Noufaily's `noPeriods = 10`): the 7 weeks around the same week of past years
 *   and the current weeks are level 0, the rest of the year is cut into 9 blocks of 5 weeks;
 * - a linear trend, kept only if significant (Wald test at 5 %) and if it does not predict more than the baseline
 *   ever saw (Farrington 1996, §3.3);
 * - reweighting: baseline weeks with an Anscombe residual above 2.58 get weight γ·r⁻² (past outbreaks must not
 *   inflate the expectation), then refit (Noufaily 2013, §2.2);
 * - the count is judged against a negative binomial of mean μ₀ and variance φμ₀ + μ₀²·Var(η̂₀) (the
 *   over-dispersion of the fit plus the uncertainty of the prediction: Noufaily's negative binomial threshold,
 *   with the prediction variance of Farrington 1996 folded in by moment matching).
 * Departure, documented in docs/patterns.md: the last 26 weeks are not excluded from the baseline (Noufaily's
 * `pastWeeksNotIncluded`) because registers are short; the reweighting alone protects against recent spikes.
 */

export const MIN_BASELINE_WEEKS = 26;
export const SEASONAL_MIN_WEEKS = 52;
export const TREND_MIN_WEEKS = 52;
export const MAX_BASELINE_WEEKS = 156;
const REWEIGHT_THRESHOLD = 2.58;
/** Same as the alert minimum (detect.ts): only weeks that could have alerted are discounted as past outbreaks. */
const PAST_OUTBREAK_MIN = 5;
/**
 * Complaints needed in the baseline per parameter of the model (the "events per variable" rule of thumb of
 * Peduzzi et al., J Clin Epidemiol 49(12), 1996): a sparse cell fitted with ten seasonal levels learns its noise,
 * predicts a near-zero week and then alerts on five complaints. Sparse cells get the simpler models.
 */
const COMPLAINTS_PER_PARAMETER = 10;

export interface Expectation {
  expected: number;
  /** Variance of the predictive distribution of the count. */
  variance: number;
  dispersion: number;
  trend: boolean;
  seasonal: boolean;
  baselineWeeks: number;
}

/** Seasonal level (0–9) of a baseline week `weeksBack` weeks before the evaluated week. */
export function seasonalLevel(weeksBack: number): number {
  const position = (weeksBack + 3) % 52;
  if (position <= 6) return 0;
  return 1 + Math.floor((position - 7) / 5);
}

interface Design {
  rows: Float64Array[];
  trend: boolean;
  seasonal: boolean;
}

/** The designs used for the week `t` given the first week of history: they depend on the week, not on the series. */
export interface WeekDesigns {
  t: number;
  start: number;
  /** Most complex first: the fitting falls back along this list. */
  designs: Design[];
}

export function designsFor(t: number, historyStart: number): WeekDesigns | undefined {
  const start = Math.max(historyStart, t - MAX_BASELINE_WEEKS);
  const n = t - start;
  if (n < MIN_BASELINE_WEEKS) return undefined;
  const seasonalOk = n >= SEASONAL_MIN_WEEKS;
  const trendOk = n >= TREND_MIN_WEEKS;
  const build = (trend: boolean, seasonal: boolean): Design => {
    const rows: Float64Array[] = [];
    for (let s = start; s < t; s++) {
      const row = new Float64Array(1 + (trend ? 1 : 0) + (seasonal ? 9 : 0));
      row[0] = 1;
      let c = 1;
      // Time centred on the evaluated week, in years: the prediction is then the intercept alone.
      if (trend) row[c++] = (s - t) / 52;
      if (seasonal) {
        const level = seasonalLevel(t - s);
        if (level > 0) row[c + level - 1] = 1;
      }
      rows.push(row);
    }
    return { rows, trend, seasonal };
  };
  const designs: Design[] = [];
  if (trendOk && seasonalOk) designs.push(build(true, true));
  if (seasonalOk) designs.push(build(false, true));
  if (trendOk) designs.push(build(true, false));
  designs.push(build(false, false));
  return { t, start, designs };
}

function anscombeWeights(fit: GlmFit, y: ArrayLike<number>): Float64Array {
  const n = fit.fitted.length;
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const mu = fit.fitted[i]!;
    const r =
      (1.5 * (y[i]! ** (2 / 3) * mu ** (-1 / 3) - mu ** (1 / 3))) /
      Math.sqrt(fit.dispersion * (1 - fit.leverage[i]!));
    // A week below the alert minimum was never an outbreak: in a sparse cell, one complaint where 0.2 were expected
    // has a large residual, and discounting every such week would drive the expectation to zero.
    w[i] = r > REWEIGHT_THRESHOLD && y[i]! >= PAST_OUTBREAK_MIN ? 1 / (r * r) : 1;
    sum += w[i]!;
  }
  const gamma = n / sum;
  for (let i = 0; i < n; i++) w[i]! *= gamma;
  return w;
}

function fitReweighted(design: Design, y: ArrayLike<number>, offset?: ArrayLike<number>): GlmFit | undefined {
  const ones = new Float64Array(design.rows.length).fill(1);
  const first = fitPoissonGlm(design.rows, y, ones, 25, offset);
  if (!first) return undefined;
  return fitPoissonGlm(design.rows, y, anscombeWeights(first, y), 25, offset) ?? first;
}

/**
 * The expected count in week `designs.t` of a series indexed by week (index 0 = first week of the series). With
 * `rest` (the week's other complaints, same indexing) the cell is also modelled as a share of them (an offset
 * log(rest): Farrington flexible's `populationOffset`, the « part des passages » of syndromic surveillance):
 * a busy week lifts every cell together and is not a spike. The model with the smaller predictive variance wins,
 * so a cell whose share is steadier than its count is judged on its share, and the others on their count.
 */
export function expectationOf(
  series: ArrayLike<number>,
  designs: WeekDesigns,
  rest?: ArrayLike<number>,
): Expectation | undefined {
  const plain = countExpectation(series, designs);
  if (!rest || !plain) return plain;
  let smallest = Number.POSITIVE_INFINITY;
  for (let s = designs.start; s <= designs.t; s++) smallest = Math.min(smallest, rest[s]!);
  if (smallest < MIN_DENOMINATOR) return plain;
  const offset = new Float64Array(designs.t - designs.start);
  for (let s = designs.start; s < designs.t; s++) offset[s - designs.start] = Math.log(rest[s]!);
  const share = countExpectation(series, designs, offset, Math.log(rest[designs.t]!));
  return share && share.variance < plain.variance ? share : plain;
}

/** Weeks whose other complaints are fewer than this make a poor denominator (their own noise exceeds 10 %). */
const MIN_DENOMINATOR = 100;

function countExpectation(
  series: ArrayLike<number>,
  designs: WeekDesigns,
  offset?: Float64Array,
  offsetAtT = 0,
): Expectation | undefined {
  const y = Array.prototype.slice.call(series, designs.start, designs.t) as number[];
  let baselineMax = 0;
  let total = 0;
  for (const v of y) {
    if (v > baselineMax) baselineMax = v;
    total += v;
  }
  if (total === 0) {
    // Nothing ever happened in this cell: the GLM has no finite intercept. Half a complaint over the baseline
    // (the usual continuity correction) keeps a first occurrence surprising without making it infinitely so.
    const expected = 0.5 / y.length;
    return {
      expected,
      variance: expected,
      dispersion: 1,
      trend: false,
      seasonal: false,
      baselineWeeks: y.length,
    };
  }
  for (const design of designs.designs) {
    if (design.rows[0]!.length > 1 && total < COMPLAINTS_PER_PARAMETER * design.rows[0]!.length) continue;
    const fit = fitReweighted(design, y, offset);
    if (!fit) continue;
    const intercept = fit.coefficients[0]! + offsetAtT;
    const etaVariance = fit.dispersion * fit.unscaledCovariance[0]![0]!;
    const expected = Math.exp(intercept);
    if (!Number.isFinite(expected) || !Number.isFinite(etaVariance)) continue;
    if (design.trend) {
      const slopeVariance = fit.dispersion * fit.unscaledCovariance[1]![1]!;
      const z = fit.coefficients[1]! / Math.sqrt(slopeVariance);
      if (!(Math.abs(z) >= 1.96) || expected > baselineMax) continue;
    }
    return {
      expected,
      variance: fit.dispersion * expected + expected * expected * etaVariance,
      dispersion: fit.dispersion,
      trend: design.trend,
      seasonal: design.seasonal,
      baselineWeeks: y.length,
    };
  }
  // Every model failed (degenerate data): the plain weighted mean, as EARS C1 would use.
  const mean = total / y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  const variance = Math.max(mean, ss / Math.max(1, y.length - 1));
  return {
    expected: mean,
    variance: variance + variance / y.length,
    dispersion: variance / Math.max(mean, 1e-9),
    trend: false,
    seasonal: false,
    baselineWeeks: y.length,
  };
}

/** P(count ≥ observed) under the predictive distribution. */
export function surprise(observed: number, expectation: Expectation): number {
  return negativeBinomialUpperTail(observed, expectation.expected, expectation.variance);
}
