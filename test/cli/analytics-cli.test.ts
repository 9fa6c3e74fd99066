import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recours } from '../support/cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'recours-analytics-'));
const env = { DATA_DIR: dir, DATABASE_URL: '' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recours import complaints, recours kpi', () => {
  it('--from after --to is a French input error (exit 2)', () => {
    const r = recours(['kpi', '--organisation', 'X', '--from', '2025-04-01', '--to', '2025-03-01'], { env });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toContain('est après la fin');
  });

  it('imports a CSV into a new organisation, then prints its KPIs with the issue’s key names', () => {
    const file = path.join(dir, 'historique.csv');
    writeFileSync(
      file,
      [
        'reference,receivedOn,channel,category,product,region,acknowledgedOn,answeredOn,outcome,satisfaction',
        'C-1,2025-03-03,courrier,termination,Santé Plus,75,2025-03-05,2025-03-20,accepted,5',
        'C-2,2025-03-10,email,other,Santé Plus,13,,,,',
      ].join('\n'),
    );
    const imported = recours(['import', 'complaints', file, '--organisation', 'Mutuelle CLI'], { env });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.json()).toMatchObject({ imported: 2, committed: true, organisation: { created: true } });

    const k = recours(
      [
        'kpi',
        '--organisation',
        'Mutuelle CLI',
        '--from',
        '2025-03-01',
        '--to',
        '2025-03-31',
        '--as-of',
        '2025-12-31',
      ],
      { env },
    );
    expect(k.status, k.stderr).toBe(0);
    expect(k.json()).toMatchObject({
      count: 2,
      openCount: 1,
      acknowledgedInTimeRate: 0.5,
      answeredInTimeRate: 0.5,
      medianDaysToAnswer: 17,
      mediationRate: 0,
      satisfactionMean: 5,
      byCategory: { termination: 1, other: 1 },
    });
  }, 120_000);
});
