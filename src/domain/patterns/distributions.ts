/**
 * Upper tails of the count distributions the spike detector tests against. Written here rather than imported:
 * no maintained npm package ships the regularised incomplete beta and gamma functions without a large numeric
 * library, and these are textbook algorithms (Press et al., Numerical Recipes, 3rd ed., §6.1, §6.2, §6.4:
 * Lanczos log-gamma, series and continued fraction for the incomplete gamma, Lentz continued fraction for the
 * incomplete beta).
 */

const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 3.399464998481189e-5,
  4.652362892704858e-5, -9.837447530487956e-5, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-5, -2.6190838401581408e-5,
  3.6899182659531625e-6,
];

/** ln Γ(x) for x > 0 (Numerical Recipes §6.1, g = 607/128, 14 terms: about 15 significant digits). */
export function logGamma(x: number): number {
  let y = x;
  const tmp0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.9999999999999971;
  for (const c of LANCZOS) ser += c / ++y;
  return tmp + Math.log((2.5066282746310007 * ser) / x);
}

const EPS = 1e-15;
const TINY = 1e-300;

/** Regularised lower incomplete gamma P(a, x) (Numerical Recipes §6.2). */
export function lowerGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 10_000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return Math.min(1, sum * Math.exp(lnPrefix));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.max(0, 1 - Math.exp(lnPrefix) * h);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b) (Numerical Recipes §6.4). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(Y ≥ y) for Y ~ Poisson(mean). */
export function poissonUpperTail(y: number, mean: number): number {
  if (y <= 0) return 1;
  if (mean <= 0) return 0;
  return lowerGammaP(y, mean);
}

/**
 * P(Y ≥ y) for a negative binomial of the given mean and variance (variance > mean: over-dispersed counts);
 * falls back to Poisson when the variance does not exceed the mean.
 */
export function negativeBinomialUpperTail(y: number, mean: number, variance: number): number {
  if (y <= 0) return 1;
  if (mean <= 0) return 0;
  const extra = variance - mean;
  if (extra <= mean * 1e-9) return poissonUpperTail(y, mean);
  const size = (mean * mean) / extra;
  const p = size / (size + mean);
  // P(Y ≤ k) = I_p(size, k + 1), so P(Y ≥ y) = 1 − I_p(size, y) = I_{1−p}(y, size).
  return incompleteBeta(1 - p, y, size);
}

/** P(X ≥ k) for X ~ Binomial(n, probability). */
export function binomialUpperTail(k: number, n: number, probability: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (probability <= 0) return 0;
  if (probability >= 1) return 1;
  return incompleteBeta(probability, k, n - k + 1);
}
