import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCheckpoints } from '../../src/server/audit/checkpoints.ts';
import { auditKeysOf } from '../../src/server/audit/signing-key.ts';
import { verifyAuditHistory } from '../../src/server/audit/verify.ts';
import { jobHandlers } from '../../src/server/jobs/handlers.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { createJobQueue, type JobQueue } from '../../src/server/shared/job-queue.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let queue: JobQueue;
beforeAll(async () => {
  t = await createTestApp();
  queue = createJobQueue(
    t.ctx.database,
    jobHandlers(
      t.ctx,
      createMailer(t.ctx.config, () => undefined),
    ),
    {
      mode: 'manual',
    },
  );
  await queue.start();
});
afterAll(async () => {
  await queue.stop();
  await t.close();
});

describe('the audit-checkpoint job', () => {
  it('seals every event of the demo in a signed checkpoint that the verification accepts', async () => {
    expect(await latestCheckpoints(t.ctx.database.db, 1)).toEqual([]);
    await queue.send('audit-checkpoint', { reason: 'manual' });
    expect(await queue.runOnce('audit-checkpoint')).toBe(1);
    const [checkpoint] = await latestCheckpoints(t.ctx.database.db, 1);
    const report = await verifyAuditHistory(t.ctx.database, {
      trustedKeyIds: auditKeysOf(t.ctx).trustedKeyIds,
    });
    expect(report).toMatchObject({ ok: true, pending: 0, checkpointsChecked: 1 });
    expect(checkpoint).toMatchObject({ treeSize: report.events, keyId: auditKeysOf(t.ctx).keyId });
  });
});
