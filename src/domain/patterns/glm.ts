/**
 * Poisson log-linear GLM with prior weights, fitted by iteratively reweighted least squares (McCullagh & Nelder,
 * Generalized Linear Models, 2nd ed., 1989, §2.5), with the quasi-Poisson dispersion of Farrington et al. (1996)
 * and Noufaily et al. (2013): φ = max(1, Σ wᵢ(yᵢ − μᵢ)²/μᵢ / (n − p)). Designs are small (p ≤ 11, n ≤ 156), so
 * the normal equations are solved by Cholesky on a p × p matrix.
 */

export interface GlmFit {
  coefficients: Float64Array;
  /** (XᵀWX)⁻¹, the unscaled covariance: multiply by `dispersion` for the quasi-Poisson one. */
  unscaledCovariance: Float64Array[];
  fitted: Float64Array;
  dispersion: number;
  /** Diagonal of the hat matrix, for standardised residuals. */
  leverage: Float64Array;
  converged: boolean;
}

/** Inverse of a symmetric positive definite matrix, or undefined when it is singular (a design without data). */
export function invertSpd(a: Float64Array[]): Float64Array[] | undefined {
  const p = a.length;
  const l = Array.from({ length: p }, () => new Float64Array(p));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (s <= 1e-10 * Math.max(1, Math.abs(a[i]![i]!))) return undefined;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  // inv(L) then inv(A) = inv(L)ᵀ inv(L).
  const li = Array.from({ length: p }, () => new Float64Array(p));
  for (let i = 0; i < p; i++) {
    li[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i]![k]! * li[k]![j]!;
      li[i]![j] = s / l[i]![i]!;
    }
  }
  const inv = Array.from({ length: p }, () => new Float64Array(p));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += li[k]![i]! * li[k]![j]!;
      inv[i]![j] = s;
      inv[j]![i] = s;
    }
  }
  return inv;
}

/**
 * Fits log μ = Xβ + offset to counts y with prior weights w (the offset, when given, is a known log-denominator:
 * McCullagh & Nelder §6.2.3). Returns undefined when the design is singular for the data (e.g. a seasonal level
 * without any week), so the caller can fall back to a simpler model.
 */
export function fitPoissonGlm(
  design: Float64Array[],
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  maxIterations = 25,
  offset?: ArrayLike<number>,
): GlmFit | undefined {
  const n = design.length;
  const p = design[0]?.length ?? 0;
  if (n <= p || p === 0) return undefined;
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = y[i]! + 0.1;
    eta[i] = Math.log(mu[i]!);
  }
  let beta = new Float64Array(p);
  let inverse: Float64Array[] | undefined;
  let converged = false;
  let previousDeviance = Number.POSITIVE_INFINITY;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const xtwx = Array.from({ length: p }, () => new Float64Array(p));
    const xtwz = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const row = design[i]!;
      const w = weights[i]! * mu[i]!;
      if (w === 0) continue;
      const z = eta[i]! - (offset?.[i] ?? 0) + (y[i]! - mu[i]!) / mu[i]!;
      for (let a = 0; a < p; a++) {
        const wa = w * row[a]!;
        if (wa === 0) continue;
        xtwz[a]! += wa * z;
        for (let b = 0; b <= a; b++) xtwx[a]![b]! += wa * row[b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b]![a] = xtwx[a]![b]!;
    inverse = invertSpd(xtwx);
    if (!inverse) return undefined;
    beta = new Float64Array(p);
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += inverse[a]![b]! * xtwz[b]!;
      beta[a] = s;
    }
    let deviance = 0;
    for (let i = 0; i < n; i++) {
      const row = design[i]!;
      let e = offset?.[i] ?? 0;
      for (let a = 0; a < p; a++) e += row[a]! * beta[a]!;
      // Bounded so that a level with only zeros does not overflow (its μ tends to 0, as it should).
      eta[i] = Math.max(-30, Math.min(30, e));
      mu[i] = Math.exp(eta[i]!);
      const yi = y[i]!;
      deviance += 2 * weights[i]! * ((yi > 0 ? yi * Math.log(yi / mu[i]!) : 0) - (yi - mu[i]!));
    }
    if (Math.abs(deviance - previousDeviance) < 1e-8 * (Math.abs(deviance) + 0.1)) {
      converged = true;
      break;
    }
    previousDeviance = deviance;
  }
  if (!inverse) return undefined;
  // Leverage and dispersion at the final μ (the W of the last solve is one step behind: close enough at convergence).
  const leverage = new Float64Array(n);
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    const row = design[i]!;
    let q = 0;
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += inverse[a]![b]! * row[b]!;
      q += row[a]! * s;
    }
    leverage[i] = Math.min(0.9999, weights[i]! * mu[i]! * q);
    pearson += (weights[i]! * (y[i]! - mu[i]!) ** 2) / mu[i]!;
  }
  const dispersion = Math.max(1, pearson / (n - p));
  return { coefficients: beta, unscaledCovariance: inverse, fitted: mu, dispersion, leverage, converged };
}
