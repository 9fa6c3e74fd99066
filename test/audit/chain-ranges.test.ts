import { describe, expect, it } from 'vitest';
import { chainRanges } from '../../src/server/audit/verify.ts';

describe('ranges of chain ids checked at once by the verification', () => {
  it.each([
    [1, [{ from: null, to: null }]],
    [
      2,
      [
        { from: null, to: '80000000-0000-0000-0000-000000000000' },
        { from: '80000000-0000-0000-0000-000000000000', to: null },
      ],
    ],
    [
      3,
      [
        { from: null, to: '55555555-0000-0000-0000-000000000000' },
        { from: '55555555-0000-0000-0000-000000000000', to: 'aaaaaaaa-0000-0000-0000-000000000000' },
        { from: 'aaaaaaaa-0000-0000-0000-000000000000', to: null },
      ],
    ],
  ])('%i range(s) cover every uuid, without overlap', (parts, expected) => {
    expect(chainRanges(parts)).toEqual(expected);
  });
});
