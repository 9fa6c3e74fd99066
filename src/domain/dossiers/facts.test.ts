import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '../../contracts/dossier-status.ts';
import { mergeFacts, statusAfterFacts } from './facts.ts';

describe('mergeFacts', () => {
  // [why, current, patch, merged, changed fields]
  const rows: [
    string,
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
    string[],
  ][] = [
    [
      'adds a fact',
      {},
      { complaintSentOn: '2026-09-15' },
      { complaintSentOn: '2026-09-15' },
      ['complaintSentOn'],
    ],
    [
      'keeps absent keys',
      { a: '2026-01-01' },
      { b: '2026-02-01' },
      { a: '2026-01-01', b: '2026-02-01' },
      ['b'],
    ],
    ['null removes a fact', { a: '2026-01-01', b: true }, { a: null }, { b: true }, ['a']],
    ['null on an absent fact changes nothing', { b: true }, { a: null }, { b: true }, []],
    ['the same value is no change', { a: '2026-01-01' }, { a: '2026-01-01' }, { a: '2026-01-01' }, []],
    ['arrays compare by value', { l: ['2026-01-01'] }, { l: ['2026-01-01'] }, { l: ['2026-01-01'] }, []],
    ['replaces a value', { a: '2026-01-01' }, { a: '2026-01-02' }, { a: '2026-01-02' }, ['a']],
  ];
  it.each(rows)('%s', (_why, current, patch, merged, changed) => {
    const result = mergeFacts(current, patch);
    expect(result.facts).toEqual(merged);
    expect(result.changes.map((c) => c.field)).toEqual(changed);
  });

  it('records before and after', () => {
    expect(mergeFacts({ a: '2026-01-01' }, { a: '2026-01-02' }).changes).toEqual([
      { field: 'a', before: '2026-01-01', after: '2026-01-02' },
    ]);
  });

  it('never mutates the stored facts', () => {
    const current = { a: '2026-01-01' };
    mergeFacts(current, { a: null });
    expect(current).toEqual({ a: '2026-01-01' });
  });
});

describe('statusAfterFacts', () => {
  const rows: [DossierStatus, Record<string, unknown>, DossierStatus][] = [
    ['draft', { complaintSentOn: '2026-09-15' }, 'submitted'],
    ['draft', {}, 'draft'],
    ['acknowledged', { complaintSentOn: '2026-09-15' }, 'acknowledged'],
    ['closed', { complaintSentOn: '2026-09-15' }, 'closed'],
  ];
  it.each(rows)('%s with %j → %s', (status, facts, expected) => {
    expect(statusAfterFacts(status, facts)).toBe(expected);
  });
});
