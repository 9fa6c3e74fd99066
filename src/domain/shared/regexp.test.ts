import { describe, expect, it } from 'vitest';
import { allMatches } from './regexp.ts';

const withMatchAll = (text: string, pattern: RegExp) =>
  [...text.matchAll(pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`))].map((m) => [
    m.index,
    ...m,
  ]);
const withExec = (text: string, pattern: RegExp) => allMatches(text, pattern).map((m) => [m.index, ...m]);

describe('allMatches: the matches of matchAll, without its copy of the pattern', () => {
  const cases: Array<[string, RegExp]> = [
    ['remboursé 9 € puis 12 €', /(\d+)\s?(€)/g],
    ['aucun montant', /(\d+)\s?(€)/g],
    ['rembourse, rembourser, remboursement', /\brembours\w*/],
    // Empty matches: matchAll steps over them, by a code point with the `u` flag.
    ['abc', /x*/g],
    ['a😀b', /x*/gu],
    ['dossier 12-34 et 56', /\d*/g],
    ['Lunettes non remboursées', /[\p{L}\p{N}]+/gu],
  ];
  it.each(cases)('%s / %s', (text, pattern) => {
    expect(withExec(text, pattern)).toEqual(withMatchAll(text, pattern));
    expect(pattern.lastIndex).toBe(0);
  });

  it('leaves the pattern reusable while its matches are read (no shared iterator)', () => {
    const pattern = /a/g;
    const outer = allMatches('aa', pattern).map((m) => allMatches('aaa', pattern).length + m.index);
    expect(outer).toEqual([3, 4]);
  });
});
