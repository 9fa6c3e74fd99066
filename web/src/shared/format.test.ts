import { describe, expect, it } from 'vitest';
import { formatDate, formatEuros, parseEurosToCents } from './format.ts';

describe('parseEurosToCents', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['120', 12_000],
    ['111,50', 11_150],
    ['111,5', 11_150],
    ['0,29', 29], // through a float, 0.29 * 100 is 28.999…
    ['1234.56', 123_456],
    ['1 234,56', 123_456],
    ['1\u202f234,56\u00a0€', 123_456], // pasted from a French-formatted amount
    ['120 €', 12_000],
  ])('reads « %s » as %s cents', (input, cents) => {
    expect(parseEurosToCents(input)).toEqual({ ok: true, cents });
  });

  it.each(['12,345', '1.234,56', '-5', 'abc', '12,', ',5'])(
    'refuses « %s » with a French message',
    (input) => {
      const parsed = parseEurosToCents(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('Montant invalide');
    },
  );
});

describe('French display', () => {
  it('formats cents as euros with French separators', () => {
    expect(formatEuros(123_456).replace(/[\u00a0\u202f]/g, ' ')).toBe('1 234,56 €');
  });
  it('formats a calendar day as dd/mm/yyyy', () => {
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
  });
});
