import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { PGLITE_EXTENSIONS } from '../../src/db/pglite.ts';
import { recours } from '../support/cli.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'recours-cli-'));
const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('recours CLI', () => {
  it('prints its help in French', () => {
    const res = recours(['--help']);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('entrée standard');
  });

  it('prints its version as JSON', () => {
    expect(recours(['version']).json()).toMatchObject({ name: 'recours' });
  });

  it('migrates, seeds the demo once, verifies the history, then detects a row altered in the database', async () => {
    expect(recours(['db', 'migrate'], { env }).json()).toMatchObject({ migrated: true });
    expect(recours(['seed', '--demo'], { env }).json()).toMatchObject({ created: true });
    expect(recours(['seed', '--demo'], { env }).json()).toMatchObject({ created: false });
    const clean = recours(['audit', 'verify'], { env });
    expect(clean.status).toBe(0);
    // One creation event per demo file: the 5 examples and the 40 files of the back-office register.
    expect(clean.json()).toMatchObject({ ok: true, events: 45, chains: 45, breaks: [] });
    // A checkpoint written outside the database, then a proof checked with no database at all.
    const checkpointFile = path.join(dataDir, 'point-de-controle.json');
    expect(recours(['audit', 'checkpoint', '--out', checkpointFile], { env }).status).toBe(0);
    const proofFile = path.join(dataDir, 'preuve.json');
    expect(recours(['audit', 'prove', '2', '--out', proofFile], { env }).status).toBe(0);
    const checked = recours(['audit', 'check-proof', proofFile]);
    expect(checked.json()).toMatchObject({ ok: true, eventId: 2, problems: [] });

    const client = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: PGLITE_EXTENSIONS });
    await client.query(
      `update audit_events set payload = jsonb_set(payload, '{after,title}', '"falsifié"') where seq = 2`,
    );
    await client.close();

    const tampered = recours(['audit', 'verify'], { env });
    expect(tampered.status).toBe(3);
    // Only the event's content changed (its stored hash did not): the chain pass names it; the log still matches.
    expect(tampered.json()).toMatchObject({ ok: false, breakCount: 1 });
    expect(tampered.json().breaks).toEqual([
      expect.objectContaining({
        kind: 'altered',
        eventId: 2,
        chainSeq: 1,
        dossierReference: expect.any(String),
      }),
    ]);
    const held = recours(['audit', 'verify', '--checkpoint', checkpointFile], { env });
    expect(held.status).toBe(3);
    expect(held.json()).toMatchObject({ breakCount: 1, checkpointsChecked: 2 });
  }, 300_000); // eight child processes, each opening PGlite (several seconds each on a loaded 2-core machine)
});
