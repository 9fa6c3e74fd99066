import { describe, expect, it } from 'vitest';
import { calendarDateOf, DATE_MESSAGE, readDateText } from './date-input.ts';

describe('dates typed in a form', () => {
  it.each([
    ['ISO from a date picker', '2026-11-23', '2026-11-23'],
    ['French, typed', '23/11/2026', '2026-11-23'],
    ['French without leading zeros', '3/2/2026', '2026-02-03'],
    ['a day that does not exist', '31/02/2026', null],
    ['words', 'demain', null],
  ])('%s', (_why, typed, expected) => {
    expect(calendarDateOf(typed)).toBe(expected);
  });

  it.each([
    ['not a date', '32/01/2026', DATE_MESSAGE],
    [
      'a year slipped to 0202',
      '01/01/0202',
      'L’année 202 est hors de la plage possible (1900 à 2100)\u00a0: vérifiez la date.',
    ],
    [
      'a year slipped to 2206',
      '2206-01-01',
      'L’année 2206 est hors de la plage possible (1900 à 2100)\u00a0: vérifiez la date.',
    ],
  ])('refuses %s, saying why', (_why, typed, error) => {
    expect(readDateText(typed)).toEqual({ error });
  });

  it('refuses a date after the one it may not pass (a fact in the future), with the caller’s reason', () => {
    const notAfter = { date: '2026-11-23', message: 'Cette date est dans le futur.' };
    expect(readDateText('24/11/2026', { notAfter })).toEqual({ error: 'Cette date est dans le futur.' });
    expect(readDateText('23/11/2026', { notAfter })).toEqual({ date: '2026-11-23' });
  });
});
