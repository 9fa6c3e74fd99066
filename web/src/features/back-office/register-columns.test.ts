import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, dateRangeError, parseColumns, toggleColumn } from './register-columns.ts';

describe('register column choice', () => {
  it.each([
    ['nothing stored: the default', null, DEFAULT_COLUMNS],
    ['unreadable: the default', '{oops', DEFAULT_COLUMNS],
    ['not a list: the default', '{"a":1}', DEFAULT_COLUMNS],
    ['unknown ids dropped, table order kept', '["date","nope","member"]', ['member', 'date']],
    ['an empty choice stays empty', '[]', []],
  ] as const)('%s', (_name, stored, expected) => {
    expect(parseColumns(stored)).toEqual(expected);
  });

  it('toggles a column in the table order', () => {
    expect(toggleColumn(['member', 'date'], 'amount', true)).toEqual(['member', 'amount', 'date']);
    expect(toggleColumn(['member', 'date'], 'member', false)).toEqual(['date']);
  });
});

describe('date range of the register filter', () => {
  it.each([
    [
      'from after to',
      '2026-12-02',
      '2026-11-15',
      'La date de début (02/12/2026) est après la date de fin (15/11/2026)',
    ],
    ['same day', '2026-11-15', '2026-11-15', null],
    ['in order', '2026-11-01', '2026-11-15', null],
    ['one end only', '2026-12-02', '', null],
  ] as const)('%s', (_name, from, to, expected) => {
    const error = dateRangeError(from, to);
    if (expected === null) expect(error).toBeNull();
    else expect(error).toContain(expected);
  });
});
