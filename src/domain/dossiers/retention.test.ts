import { describe, expect, it } from 'vitest';
import {
  candidateCutoff,
  DEFAULT_RETENTION_RULES,
  dueForPurge,
  PURGE_ACTIONS,
  RETENTION_KINDS,
  retentionEnd,
  retentionRules,
} from './retention.ts';

const rules = DEFAULT_RETENTION_RULES;
const at = (iso: string) => new Date(iso);

describe('retentionEnd', () => {
  const rows: [string, string, { amount: number; unit: 'hours' | 'months' }, string][] = [
    [
      '5 years after closure (C. civ. art. 2224)',
      '2026-11-23T10:00:00Z',
      { amount: 60, unit: 'months' },
      '2031-11-23T10:00:00.000Z',
    ],
    [
      'a month count ending on a shorter month',
      '2026-01-31T08:00:00Z',
      { amount: 1, unit: 'months' },
      '2026-02-28T08:00:00.000Z',
    ],
    [
      '29 February plus one year',
      '2028-02-29T12:00:00Z',
      { amount: 12, unit: 'months' },
      '2029-02-28T12:00:00.000Z',
    ],
    ['a 12-hour session', '2026-11-23T10:00:00Z', { amount: 12, unit: 'hours' }, '2026-11-23T22:00:00.000Z'],
  ];
  it.each(rows)('%s', (_why, since, rule, expected) => {
    expect(retentionEnd(at(since), rule).toISOString()).toBe(expected);
  });
});

describe('dueForPurge', () => {
  const now = at('2031-11-23T10:00:00Z');
  // [why, row, due?]
  const rows: [string, Parameters<typeof dueForPurge>[0][number], boolean][] = [
    [
      'closed exactly 5 years ago: due (the end instant included)',
      { kind: 'closed_dossier', id: 'a', since: at('2026-11-23T10:00:00Z') },
      true,
    ],
    [
      'closed 5 years ago minus a second: kept',
      { kind: 'closed_dossier', id: 'b', since: at('2026-11-23T10:00:01Z') },
      false,
    ],
    ['an open file (no closing date): never due', { kind: 'closed_dossier', id: 'c', since: null }, false],
    [
      'documents go with their file',
      { kind: 'dossier_documents', id: 'd', since: at('2026-06-01T00:00:00Z') },
      true,
    ],
    [
      '⚠ a draft untouched for 3 years',
      { kind: 'abandoned_draft', id: 'e', since: at('2028-11-01T00:00:00Z') },
      true,
    ],
    [
      'a draft touched 2 years ago',
      { kind: 'abandoned_draft', id: 'f', since: at('2029-12-01T00:00:00Z') },
      false,
    ],
    ['a session opened 13 hours ago', { kind: 'session', id: 'g', since: at('2031-11-22T21:00:00Z') }, true],
    ['a session opened 11 hours ago', { kind: 'session', id: 'h', since: at('2031-11-22T23:00:00Z') }, false],
    [
      '⚠ an access log line of 13 months',
      { kind: 'access_log', id: 'i', since: at('2030-10-23T10:00:00Z') },
      true,
    ],
  ];
  it.each(rows)('%s', (_why, row, due) => {
    expect(dueForPurge([row], now, rules).map((r) => r.id)).toEqual(due ? [row.id] : []);
  });

  it('gives the date and the source of each purge', () => {
    const [item] = dueForPurge(
      [{ kind: 'closed_dossier', id: 'a', since: at('2020-01-01T00:00:00Z') }],
      now,
      rules,
    );
    expect(item).toMatchObject({
      dueOn: at('2025-01-01T00:00:00Z'),
      source: expect.stringContaining('2224'),
    });
  });
});

describe('retentionRules', () => {
  it('has one rule per kind, each with a source, unsettled ones marked ⚠', () => {
    expect(rules.map((r) => r.kind).sort()).toEqual([...RETENTION_KINDS].sort());
    for (const rule of rules) {
      expect(rule.source.length).toBeGreaterThan(20);
      expect(rule.env).toMatch(/^RETENTION_[A-Z_]+$/);
      expect(rule.settled || rule.source.startsWith('⚠')).toBe(true);
    }
  });

  it('takes overrides from the environment; an overridden settled value is no longer "settled"', () => {
    const result = retentionRules({ RETENTION_CLOSED_DOSSIER_MONTHS: '72', RETENTION_SESSION_HOURS: '8' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.find((r) => r.kind === 'closed_dossier')).toMatchObject({
      amount: 72,
      settled: false,
    });
    expect(result.value.find((r) => r.kind === 'session')).toMatchObject({ amount: 8 });
    expect(result.value.find((r) => r.kind === 'access_log')).toMatchObject({ amount: 12 });
  });

  const bad: [string, string][] = [
    ['a word', 'cinq'],
    ['zero: data would be purged at once', '0'],
    ['a negative value', '-5'],
    ['a decimal', '1.5'],
  ];
  it.each(bad)('refuses %s, naming the variable', (_why, value) => {
    const result = retentionRules({ RETENTION_ACCESS_LOG_MONTHS: value });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe('RETENTION_ACCESS_LOG_MONTHS');
      expect(result.error.message).toContain('nombre entier de mois');
    }
  });
});

describe('candidateCutoff', () => {
  // Every row due at `now` must be a candidate (since < cutoff), month ends and leap days included.
  const rows: [string, string, { amount: number; unit: 'hours' | 'months' }][] = [
    ['5 years (C. civ. art. 2224), ordinary day', '2031-11-23T10:00:00Z', { amount: 60, unit: 'months' }],
    ['1 month ending on 28 February (31/01 clamps)', '2026-02-28T08:00:00Z', { amount: 1, unit: 'months' }],
    ['12 months from 29 February', '2029-02-28T12:00:00Z', { amount: 12, unit: 'months' }],
    ['3 years, on the 31st', '2031-03-31T23:59:59Z', { amount: 36, unit: 'months' }],
    ['12 hours (session)', '2026-11-23T22:00:00Z', { amount: 12, unit: 'hours' }],
  ];
  it.each(rows)('%s: every due row is a candidate', (_why, nowIso, rule) => {
    const now = at(nowIso);
    const cutoff = candidateCutoff(now, rule);
    // Walk back over 70 days before the cutoff and 5 days after, by 6-hour steps.
    for (let t = cutoff.getTime() - 70 * 86_400_000; t < cutoff.getTime() + 5 * 86_400_000; t += 21_600_000) {
      const since = new Date(t);
      const due = retentionEnd(since, rule).getTime() <= now.getTime();
      if (due) expect(since.getTime()).toBeLessThan(cutoff.getTime());
    }
  });

  it('stays within a few days of the exact bound (the index range reads little more than what is due)', () => {
    const now = at('2031-11-23T10:00:00Z');
    const cutoff = candidateCutoff(now, { amount: 60, unit: 'months' });
    expect(cutoff.toISOString()).toBe('2026-11-27T10:00:00.000Z');
  });
});

describe('PURGE_ACTIONS', () => {
  it('says what happens to every kind, and never deletes a link of the history (decision 0004)', () => {
    for (const kind of RETENTION_KINDS) expect(PURGE_ACTIONS[kind].note.length).toBeGreaterThan(10);
    expect(PURGE_ACTIONS.access_log.action).toBe('keep');
    expect(PURGE_ACTIONS.closed_dossier.action).toBe('anonymise');
  });
});
