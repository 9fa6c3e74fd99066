import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectionOf } from '../../src/db/repositories/deadline-projection.ts';
import { dossiers } from '../../src/db/schema.ts';
import { readImportFile } from '../../src/server/import/read-records.ts';
import { importComplaints } from '../../src/server/import/use-cases.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const CSV = [
  'reference;receivedOn;channel;category;product;region;acknowledgedOn;answeredOn;outcome;mediationReferredOn',
  'P-1;2026-11-02;courrier;termination;Santé Plus;75;;;;',
  'P-2;2026-10-01;email;contributions;Santé Plus;69;2026-10-05;;;',
  'P-3;2026-06-01;web;other;Senior;2A;2026-06-03;2026-07-20;rejected;2026-09-01',
].join('\n');

describe('import of a history: the deadline projection (issue 12) is written with the files', () => {
  it('gives each imported file the projection the engine computes, without a second pass', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const report = await importComplaints(database.db, readImportFile(Readable.from([CSV]), 'csv'), {
      organisation: { name: 'Mutuelle Projection' },
      skipInvalid: false,
      dryRun: false,
      actorId: null,
      now,
    });
    expect(report).toMatchObject({ imported: 3, committed: true });
    const rows = await database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.organisationId, report.organisation.id));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const expected = projectionOf(row, now);
      const stored = Object.fromEntries(Object.keys(expected).map((k) => [k, row[k as keyof typeof row]]));
      expect([row.reference, stored]).toEqual([row.reference, expected]);
    }
    // P-1, unanswered and unacknowledged 3 weeks after receipt: the register sees its acknowledgment late.
    const p1 = rows.find((r) => r.reference === 'P-1')!;
    expect(p1.slaAckStatus).not.toBeNull();
    expect(p1.projectionVersion).not.toBeNull();
  });
});
