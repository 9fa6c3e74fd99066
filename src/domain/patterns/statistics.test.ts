import { describe, expect, it } from 'vitest';
import { buildCellTable, DIMENSION_SETS, intersection, isAncestor, mondayOf } from './cells.ts';
import { binomialUpperTail, logGamma, negativeBinomialUpperTail, poissonUpperTail } from './distributions.ts';
import { designsFor, expectationOf, seasonalLevel } from './expectation.ts';
import { fitPoissonGlm } from './glm.ts';
import { benjaminiHochbergCut, holmCut } from './multiple-testing.ts';

describe('count distributions (Numerical Recipes §6.1–6.4)', () => {
  it.each([
    // [y, mean, P(Y ≥ y)] computed from the Poisson probabilities by hand
    [0, 2, 1],
    [1, 1, 1 - Math.exp(-1)],
    [3, 1, 1 - Math.exp(-1) * (1 + 1 + 0.5)],
    [5, 0.5, 1 - Math.exp(-0.5) * (1 + 0.5 + 0.125 + 0.125 / 6 + 0.0625 / 24)],
  ])('Poisson: P(Y ≥ %d | %d)', (y, mean, expected) => {
    expect(poissonUpperTail(y, mean)).toBeCloseTo(expected, 10);
  });

  it('log-gamma of integers is the log of the factorial', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('the negative binomial tends to Poisson when the variance equals the mean, and is heavier above it', () => {
    expect(negativeBinomialUpperTail(8, 3, 3)).toBeCloseTo(poissonUpperTail(8, 3), 12);
    expect(negativeBinomialUpperTail(8, 3, 3.0001)).toBeCloseTo(poissonUpperTail(8, 3), 3);
    expect(negativeBinomialUpperTail(8, 3, 9)).toBeGreaterThan(poissonUpperTail(8, 3) * 5);
    // Geometric case (size 1): P(Y ≥ y) = (μ/(1+μ))^y.
    expect(negativeBinomialUpperTail(4, 2, 2 + 4)).toBeCloseTo((2 / 3) ** 4, 10);
  });

  it('binomial upper tail', () => {
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(0.125, 12);
    expect(binomialUpperTail(0, 3, 0.5)).toBe(1);
    expect(binomialUpperTail(4, 3, 0.5)).toBe(0);
  });
});

describe('Poisson GLM (McCullagh & Nelder §2.5)', () => {
  it('an intercept-only fit gives the mean, and the quasi-Poisson dispersion is at least 1', () => {
    const y = [3, 5, 4, 6, 2, 4];
    const fit = fitPoissonGlm(
      y.map(() => Float64Array.of(1)),
      y,
      y.map(() => 1),
    )!;
    expect(Math.exp(fit.coefficients[0]!)).toBeCloseTo(4, 8);
    expect(fit.dispersion).toBe(1);
  });

  it('recovers an exponential trend exactly', () => {
    const x = Array.from({ length: 20 }, (_, i) => Float64Array.of(1, i));
    const y = x.map((r) => 5 * Math.exp(0.1 * r[1]!));
    const fit = fitPoissonGlm(
      x,
      y,
      y.map(() => 1),
    )!;
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(5), 6);
    expect(fit.coefficients[1]).toBeCloseTo(0.1, 6);
  });

  it('refuses a singular design (a column without data)', () => {
    const x = Array.from({ length: 5 }, () => Float64Array.of(1, 0));
    expect(fitPoissonGlm(x, [1, 2, 3, 4, 5], [1, 1, 1, 1, 1])).toBeUndefined();
  });
});

describe('Farrington flexible expectation (Noufaily et al. 2013)', () => {
  it.each([
    // [weeks back, level]: the 7 weeks around the same week of past years and the 3 latest weeks are level 0
    [1, 0],
    [3, 0],
    [4, 1],
    [8, 1],
    [9, 2],
    [48, 9],
    [49, 0],
    [52, 0],
    [55, 0],
    [56, 1],
    [104, 0],
  ])('%d weeks back is seasonal level %d', (back, level) => {
    expect(seasonalLevel(back)).toBe(level);
  });

  it('needs 26 weeks of baseline; seasonality from 52, as documented', () => {
    expect(designsFor(25, 0)).toBeUndefined();
    expect(designsFor(26, 0)!.designs.map((d) => [d.trend, d.seasonal])).toEqual([[false, false]]);
    expect(designsFor(52, 0)!.designs.map((d) => [d.trend, d.seasonal])).toEqual([
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ]);
  });

  it('a past outbreak in the baseline does not inflate the expectation (reweighting)', () => {
    const series: number[] = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 19 : 21));
    const clean = expectationOf(series, designsFor(60, 0)!)!;
    series[40] = 120;
    const withOutbreak = expectationOf(series, designsFor(60, 0)!)!;
    expect(clean.expected).toBeCloseTo(20, 0);
    expect(withOutbreak.expected).toBeLessThan(21.5);
  });

  it('a cell that never had a complaint expects half a complaint over its baseline', () => {
    const e = expectationOf(new Array(40).fill(0), designsFor(40, 0)!)!;
    expect(e.expected).toBeCloseTo(0.5 / 40, 10);
  });
});

describe('cells', () => {
  it('weeks start on Monday (ISO 8601)', () => {
    expect(mondayOf('2026-03-01')).toBe('2026-02-23'); // a Sunday
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-03-04')).toBe('2026-03-02');
  });

  it('every combination of up to three of the four dimensions, and the total', () => {
    expect(DIMENSION_SETS).toHaveLength(1 + 4 + 6 + 4);
  });

  it('builds series per combination and relates them', () => {
    const table = buildCellTable(
      [
        {
          weekStart: '2024-01-01',
          category: 'termination',
          product: 'A',
          region: null,
          channel: 'web',
          count: 3,
        },
        {
          weekStart: '2024-01-08',
          category: 'termination',
          product: 'B',
          region: 'Corse',
          channel: 'web',
          count: 2,
        },
      ],
      '2024-01-08',
    )!;
    expect(table.weekCount).toBe(2);
    // total, category, product, channel, 3 pairs without region, 1 triple without region for row 1
    const total = table.series.get(0)!;
    expect([...total]).toEqual([3, 2]);
    const keys = [...table.series.keys()];
    const category = keys.find((k) => k === 1)!; // category code 1, nothing else
    const categoryRegion = keys.find((k) => k === 1 + 1024 * 1024 * 1)!;
    expect(isAncestor(category, categoryRegion)).toBe(true);
    expect(isAncestor(categoryRegion, category)).toBe(false);
    expect(intersection(category, categoryRegion)).toBe(categoryRegion);
  });
});

describe('multiple testing', () => {
  it('Holm rejects step by step and counts untested cells in the family', () => {
    expect(holmCut([0.001, 0.01, 0.04], 0.05)).toBe(0.04); // 0.001 ≤ .05/3, 0.01 ≤ .05/2, 0.04 ≤ .05/1
    expect(holmCut([0.001, 0.01, 0.06], 0.05)).toBe(0.01);
    expect(holmCut([0.001, 0.03, 0.04], 0.05)).toBe(0.001);
    expect(holmCut([0.0004], 0.05, 100)).toBe(0.0004);
    expect(holmCut([0.0004], 0.05, 1000)).toBe(-1);
  });

  it('Benjamini–Hochberg', () => {
    expect(benjaminiHochbergCut([0.01, 0.02, 0.03, 0.5], 0.05)).toBe(0.03);
  });
});
