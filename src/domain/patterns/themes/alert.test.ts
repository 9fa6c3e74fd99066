import { describe, expect, it } from 'vitest';
import { growthPValue, THEME_ALERT_RULE, themeAlerts } from './alert.ts';

/** Σ_{i≥k} C(n,i) pⁱ (1−p)ⁿ⁻ⁱ summed term by term: an independent check of the incomplete-beta route. */
function binomialTailBySum(k: number, n: number, p: number): number {
  let sum = 0;
  for (let i = k; i <= n; i++) {
    let c = 1;
    for (let j = 0; j < i; j++) c = (c * (n - j)) / (j + 1);
    sum += c * p ** i * (1 - p) ** (n - i);
  }
  return sum;
}

describe('conditional test of two Poisson rates (Przyborowski & Wileński, Biometrika 1940)', () => {
  it.each([
    // [recent, earlier, recent texts, earlier texts, why]
    [5, 0, 100, 300, 'all five in the recent quarter of the texts: p = (1/4)⁵'],
    [12, 12, 300, 900, 'share tripled on few complaints'],
    [20, 30, 1200, 3600, 'share doubled'],
    [10, 30, 1200, 3600, 'same share in both windows'],
  ])('recent %i, earlier %i, texts %i / %i: %s', (recent, earlier, recentTexts, earlierTexts) => {
    const p = recentTexts / (recentTexts + earlierTexts);
    expect(growthPValue({ recent, earlier }, { recentTexts, earlierTexts })).toBeCloseTo(
      binomialTailBySum(recent, recent + earlier, p),
      12,
    );
  });

  it('is exactly (1/4)⁵ for five new complaints when the recent window holds a quarter of the texts', () => {
    expect(growthPValue({ recent: 5, earlier: 0 }, { recentTexts: 100, earlierTexts: 300 })).toBeCloseTo(
      0.25 ** 5,
      15,
    );
  });
});

describe('theme alerts (issue 15 §2 and §5)', () => {
  const exposure = { recentTexts: 1200, earlierTexts: 3600 };
  it.each([
    // [case, counts, themes in the run, exposure, expected]
    [
      'new theme: 5 recent, none before, p = 0.00098 ≤ 0.01 / 10',
      { recent: 5, earlier: 0 },
      10,
      { recentTexts: 100, earlierTexts: 300 },
      'new',
    ],
    [
      'the same with 11 themes: Bonferroni level 0.00091 < p',
      { recent: 5, earlier: 0 },
      11,
      { recentTexts: 100, earlierTexts: 300 },
      null,
    ],
    [
      'four recent complaints never alert (privacy floor and practical threshold)',
      { recent: 4, earlier: 0 },
      1,
      { recentTexts: 10, earlierTexts: 300 },
      null,
    ],
    ['share ×4.5 on 30 recent complaints', { recent: 30, earlier: 20 }, 10, exposure, 'growing'],
    [
      'share tripled, p = 0.0072: enough alone',
      { recent: 12, earlier: 12 },
      1,
      { recentTexts: 300, earlierTexts: 900 },
      'growing',
    ],
    [
      'share tripled, p = 0.0072: not among ten themes',
      { recent: 12, earlier: 12 },
      10,
      { recentTexts: 300, earlierTexts: 900 },
      null,
    ],
    [
      'share ×1.3 on thousands: significant (p ≈ 5e-15) but not doubled',
      { recent: 1300, earlier: 3000 },
      10,
      { recentTexts: 10_000, earlierTexts: 30_000 },
      null,
    ],
    ['stable share', { recent: 10, earlier: 30 }, 1, exposure, null],
    ['falling share', { recent: 5, earlier: 60 }, 1, exposure, null],
    [
      'no earlier texts (a new organisation): nothing to compare with',
      { recent: 50, earlier: 0 },
      1,
      { recentTexts: 1200, earlierTexts: 0 },
      null,
    ],
  ] as const)('%s', (_case, counts, themes, windows, expected) => {
    const family = Array.from({ length: themes }, (_, i) => (i === 0 ? counts : { recent: 0, earlier: 0 }));
    expect(themeAlerts(family, windows)[0]?.kind ?? null).toBe(expected);
  });

  it('gives the ratio of shares for a growing theme and none for a new one', () => {
    const [growing, fresh] = themeAlerts(
      [
        { recent: 30, earlier: 20 },
        { recent: 8, earlier: 0 },
      ],
      exposure,
    );
    expect(growing).toMatchObject({ kind: 'growing', ratio: 4.5 });
    expect(fresh).toMatchObject({ kind: 'new', ratio: null });
    expect(THEME_ALERT_RULE).toEqual({ alpha: 0.01, minRecent: 5, minRatio: 2 });
  });
});
