import { describe, expect, it } from 'vitest';
import { acknowledgmentDueOn, calendarYear } from './calendar.ts';
import { KPI_DEFINITIONS } from './definitions.ts';
import {
  acknowledgmentTimeliness,
  answerDueOn,
  answerTimeliness,
  coreKpis,
  mean2,
  median,
  rate,
} from './rules.ts';

describe('acknowledgment due date: 10 jours ouvrables (ACPR 2024-R-02; C. trav. L3133-1; CPC art. 641)', () => {
  it.each([
    // received, due, why
    ['2026-03-02', '2026-03-13', 'Monday: Saturday counts, Sunday does not, day of receipt not counted'],
    ['2026-03-07', '2026-03-19', 'received on a Saturday: counting starts Monday'],
    ['2026-03-08', '2026-03-19', 'received on a Sunday: same due date as the Saturday before'],
    ['2026-04-30', '2026-05-15', '1 May, 8 May and Ascension (14 May 2026) skipped'],
    [
      '2026-12-19',
      '2027-01-02',
      'Christmas and 1 January skipped; 26 December counts in metropolitan France',
    ],
    ['2026-07-04', '2026-07-17', 'received on a Saturday; 14 July skipped'],
    ['2026-05-15', '2026-05-28', 'Whit Monday (25 May 2026) skipped'],
  ])('received %s → due %s (%s)', (received, due) => {
    expect(acknowledgmentDueOn(received)).toBe(due);
  });

  it('the calendar table holds every day of the year with the same rule', () => {
    const rows = calendarYear(2024);
    expect(rows).toHaveLength(366);
    expect(rows.find((r) => r.day === '2024-04-30')?.acknowledgmentDueOn).toBe(
      acknowledgmentDueOn('2024-04-30'),
    );
  });
});

describe('answer due date: 2 months, same day number or last day of the month (CPC art. 641 al. 2)', () => {
  it.each([
    ['2026-01-15', '2026-03-15'],
    ['2026-01-31', '2026-03-31'],
    ['2025-12-31', '2026-02-28'],
    ['2023-12-31', '2024-02-29'],
    ['2026-07-31', '2026-09-30'],
    ['2026-08-31', '2026-10-31'],
    ['2026-03-07', '2026-05-07'], // a Thursday; a Saturday due date would stay a Saturday: no roll-over
    ['2026-02-28', '2026-04-28'],
  ])('received %s → due %s', (received, due) => {
    expect(answerDueOn(received)).toBe(due);
  });
});

describe('timeliness of one complaint (issue 14 definitions)', () => {
  const received = '2026-03-02'; // acknowledgment due 13/03, answer due 02/05
  it.each([
    [{ acknowledgedOn: '2026-03-13' }, '2026-04-01', 'in_time', 'on the due date'],
    [{ acknowledgedOn: '2026-03-14' }, '2026-04-01', 'late', 'the day after'],
    [{ answeredOn: '2026-03-10' }, '2026-04-01', 'in_time', 'an answer stands for the acknowledgment'],
    [
      { acknowledgedOn: '2026-03-20', answeredOn: '2026-03-12' },
      '2026-04-01',
      'in_time',
      'the earlier counts',
    ],
    [{}, '2026-03-13', 'not_counted', 'nothing yet, due date not past'],
    [{}, '2026-03-14', 'late', 'nothing and due date strictly before the as-of date'],
    [
      { acknowledgedOn: '2026-03-12' },
      '2026-03-11',
      'not_counted',
      'done after the as-of date: not yet known',
    ],
  ])('acknowledgment %o as of %s → %s (%s)', (facts, asOf, expected, _why) => {
    expect(acknowledgmentTimeliness({ receivedOn: received, ...facts }, asOf)).toBe(expected);
  });

  it.each([
    [{ answeredOn: '2026-05-02' }, '2026-06-01', 'in_time'],
    [{ answeredOn: '2026-05-03' }, '2026-06-01', 'late'],
    [{}, '2026-05-02', 'not_counted'],
    [{}, '2026-05-03', 'late'],
  ])('answer %o as of %s → %s', (facts, asOf, expected) => {
    expect(answerTimeliness({ receivedOn: received, ...facts }, asOf)).toBe(expected);
  });
});

describe('figures', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 2.5],
    [[4, 4, 8, 30], 6],
  ])('median of %o is %s (mean of the two middle values when even)', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [2, 3, 0.6667],
    [1, 7, 0.1429],
    [0, 5, 0],
    [0, 0, null],
  ])('rate %i/%i = %s (four decimals)', (n, d, expected) => {
    expect(rate(n, d)).toBe(expected);
  });

  it('satisfaction mean to two decimals', () => {
    expect(mean2([5, 4, 4])).toBe(4.33);
    expect(mean2([])).toBeNull();
  });

  it('core KPIs of a small worked register', () => {
    const k = coreKpis(
      [
        { receivedOn: '2026-03-02', acknowledgedOn: '2026-03-05', answeredOn: '2026-03-20', satisfaction: 5 },
        {
          receivedOn: '2026-03-02',
          acknowledgedOn: '2026-03-16',
          answeredOn: '2026-05-04',
          mediationReferredOn: '2026-06-01',
        },
        { receivedOn: '2026-03-31', satisfaction: 2 },
        { receivedOn: '2026-06-20' },
      ],
      '2026-06-25',
    );
    expect(k).toEqual({
      count: 4,
      openCount: 2,
      // in time: 1st; late: 2nd (16/03 > 13/03), 3rd (nothing, due 14/04 < 25/06); 4th not counted (due 02/07)
      acknowledgedInTimeRate: 0.3333,
      // in time: 1st; late: 2nd (04/05 > 02/05), 3rd (due 31/05 < 25/06); 4th not counted
      answeredInTimeRate: 0.3333,
      medianDaysToAnswer: (18 + 63) / 2,
      mediationRate: 0.5,
      satisfactionMean: 3.5,
    });
  });

  it('every KPI key has a French label, a definition and a source', () => {
    for (const d of Object.values(KPI_DEFINITIONS)) {
      expect(d.label.length).toBeGreaterThan(5);
      expect(d.definition.length).toBeGreaterThan(20);
      expect(d.source.length).toBeGreaterThan(3);
    }
  });
});
