import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/db/schema.ts';
import { jobHandlers } from '../../src/server/jobs/handlers.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { attachJobQueue, createJobQueue, type JobQueue } from '../../src/server/shared/job-queue.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let queue: JobQueue;
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // As src/server/main.ts does: polling workers, the cron schedule, and one reminders run at start.
  const mailer = createMailer(t.ctx.config, (m) => logged.push(m));
  queue = createJobQueue(t.ctx.database, jobHandlers(t.ctx, mailer), { mode: 'server' });
  await queue.start();
  attachJobQueue(t.ctx, queue);
  await queue.work({ remindersCron: '*/15 * * * *' });
});
afterAll(async () => {
  await queue.stop();
  await t.close();
});

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the polling worker (server mode)', () => {
  it('runs the reminders at start, then e-mails each notification (here: mail disabled, logged)', async () => {
    const rows = await until(async () => {
      const found = await t.ctx.database.db.select().from(notifications);
      return found.length > 0 && found.every((n) => n.emailedAt !== null) ? found : undefined;
    });
    expect(rows.length).toBeGreaterThan(3);
    expect(logged[0]).toContain('E-mails désactivés');
  });
});
