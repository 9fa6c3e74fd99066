import { describe, expect, it } from 'vitest';
import { formatChange, formatFigure } from './figures.ts';

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('dashboard figures in French', () => {
  it.each([
    [1234, 'count', '1 234'],
    [0.875, 'rate', '87,5 %'],
    [12.5, 'days', '12,5 j'],
    [4.2, 'score', '4,20 / 5'],
    [null, 'rate', 'Non calculable'],
  ] as const)('%s as %s reads %s', (value, unit, expected) => {
    expect(nb(formatFigure(value, unit))).toBe(expected);
  });

  it.each([
    // A rate moves in points; higher is better for deadlines met.
    [0.9, 0.85, 'rate', true, '+5 pt', 'better'],
    // Days to answer: lower is better.
    [20, 25.5, 'days', false, '−5,5 j', 'better'],
    // A count changes in per cent, without a judgement.
    [120, 100, 'count', null, '+20 %', 'neutral'],
    [5, 0, 'count', null, '+5', 'neutral'],
    [0.8, 0.8, 'rate', true, 'stable', 'neutral'],
    [3.5, 4, 'score', true, '−0,50', 'worse'],
  ] as const)('%s after %s (%s) reads %s, %s', (current, previous, unit, higher, text, tone) => {
    const change = formatChange(current, previous, unit, higher);
    expect(change && nb(change.text)).toBe(text);
    expect(change?.tone).toBe(tone);
  });

  it('has no change when either figure is missing', () => {
    expect(formatChange(null, 0.5, 'rate', true)).toBeNull();
  });
});
