import { describe, expect, it } from 'vitest';
import { decideSatisfaction } from './satisfaction.ts';

describe('decideSatisfaction', () => {
  const rows: [string, string, number | null, string | true][] = [
    ['a closed file never rated', 'closed', null, true],
    ['an open file: the handling is not over', 'submitted', null, 'not_closed'],
    ['a file in mediation', 'mediation', null, 'not_closed'],
    ['answered twice: one file counts once in the KPIs', 'closed', 4, 'already_answered'],
  ];
  it.each(rows)('%s', (_why, status, satisfactionScore, expected) => {
    const result = decideSatisfaction({ status, satisfactionScore });
    expect(result.ok ? true : result.error.code).toBe(expected);
  });
});
