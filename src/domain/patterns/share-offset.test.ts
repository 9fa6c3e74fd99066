import { describe, expect, it } from 'vitest';
import { designsFor, expectationOf, surprise } from './expectation.ts';
import { seededRandom } from './random.ts';

/**
 * A busy week lifts every cell together (Farrington flexible's population offset; the « part des passages » of
 * syndromic surveillance): judged on its share of the week's other complaints, a cell that doubles while the
 * others do not stands out, and a cell that follows a busy week does not.
 */
describe('a cell judged on its share of the week (offset log of the other complaints)', () => {
  const random = seededRandom(3);
  const weeks = 80;
  const volume = Array.from({ length: weeks + 1 }, () => 1000 * (0.7 + 0.6 * random.uniform()));
  const rest = Float64Array.from(volume, (v) => Math.round(v * 0.8));
  const cell = Int32Array.from(volume, (v) => random.poisson(v * 0.2));
  const designs = designsFor(weeks, 0)!;

  it('a cell twice its usual share in an ordinary week is far more surprising on its share than on its count', () => {
    const y = Int32Array.from(cell);
    y[weeks] = Math.round(2 * 0.2 * volume[weeks]!);
    const onCount = surprise(y[weeks]!, expectationOf(y.subarray(0, weeks + 1), designs)!);
    const onShare = surprise(y[weeks]!, expectationOf(y, designs, rest)!);
    expect(onShare).toBeLessThan(1e-6);
    expect(onShare).toBeLessThan(onCount / 100);
  });

  it('a cell that only follows a busy week is not unusual', () => {
    const busyRest = Float64Array.from(rest);
    busyRest[weeks] = 1600;
    const y = Int32Array.from(cell);
    y[weeks] = 400;
    const e = expectationOf(y, designs, busyRest)!;
    expect(surprise(400, e)).toBeGreaterThan(0.01);
    expect(e.expected).toBeGreaterThan(350);
  });

  it('without a usable denominator (too few other complaints) the count model is kept', () => {
    const small = Float64Array.from(rest, () => 20);
    expect(expectationOf(cell, designs, small)).toEqual(expectationOf(cell, designs));
  });
});
