import { describe, expect, it } from 'vitest';
import { countText } from './form.tsx';

const NNBSP = '\u202f';

describe('countText: the count under a text with a maximum length', () => {
  it.each([
    [0, 5_000, `0 / 5${NNBSP}000 caractères`],
    [120, 20_000, `120 / 20${NNBSP}000 caractères`],
    [5_000, 5_000, `5${NNBSP}000 / 5${NNBSP}000 caractères`],
    [5_001, 5_000, `1 caractère de trop (5${NNBSP}000 au plus)`],
    [11_500, 10_000, `1${NNBSP}500 caractères de trop (10${NNBSP}000 au plus)`],
  ])('%i of %i → %s', (length, max, expected) => {
    expect(countText(length, max)).toBe(expected);
  });
});
