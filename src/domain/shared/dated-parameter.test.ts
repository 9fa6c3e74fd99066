import { describe, expect, it } from 'vitest';
import { datedParameter, valueOn, valueOnOrOldest } from './dated-parameter.ts';

// The forfait journalier rose from 20 € to 23 € on 01/03/2026 (docs/sources.md §6): boundary the day before and
// the day of the change, and before the table starts.
const forfait = datedParameter('forfaitJournalier', 'Forfait journalier hospitalier', 'cents', [
  { value: 2300, from: '2026-03-01', source: 'vie-publique.fr ; quechoisir.org', confidence: 'confirmed' },
  { value: 2000, from: '2022-01-01', source: 'vie-publique.fr', confidence: 'confirmed' },
]);
// CRA silence: 1 month before the décret 2018-928, 2 months from 01/01/2019 (docs/sources.md §3).
const craSilence = datedParameter('craImplicitRejection', 'Silence de la CRA', 'mois', [
  { value: 2, from: '2019-01-01', source: 'CSS art. R142-6 (décret 2018-928)', confidence: 'confirmed' },
  { value: 1, from: null, source: 'CSS art. R142-6', confidence: 'confirmed' },
]);

describe('valueOn: the value in force on a date', () => {
  it.each([
    ['2021-12-31', undefined],
    ['2022-01-01', 2000],
    ['2026-02-28', 2000],
    ['2026-03-01', 2300],
  ] as const)('forfait journalier on %s → %s', (date, expected) => {
    expect(valueOn(forfait, date)?.value).toBe(expected);
  });
  it.each([
    ['1990-05-01', 1],
    ['2018-12-31', 1],
    ['2019-01-01', 2],
  ] as const)('a value from null applies before any date: CRA silence on %s → %s mois', (date, expected) => {
    expect(valueOn(craSilence, date)?.value).toBe(expected);
  });
  it('sorts the values by start date, null first, whatever the order written', () => {
    expect(forfait.values.map((v) => v.from)).toEqual(['2022-01-01', '2026-03-01']);
    expect(craSilence.values.map((v) => v.from)).toEqual([null, '2019-01-01']);
  });
});

describe('valueOnOrOldest: older facts get the oldest text', () => {
  it('before the table, the oldest value; after, the one in force', () => {
    expect(valueOnOrOldest(forfait, '2020-06-01').value).toBe(2000);
    expect(valueOnOrOldest(forfait, '2026-03-01').value).toBe(2300);
  });
});
