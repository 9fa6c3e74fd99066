import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';
import type { AccountEmail } from '../mail/account-mails.ts';

/** Every background job of Recours and its payload. */
export interface JobPayloads {
  /** Scans open files with the deadline engine and creates the reminders due (idempotent). */
  'deadline-reminders': { reason: 'schedule' | 'start' | 'manual' };
  /** Sends one notification by e-mail (after the transaction that created it committed). */
  'notification-email': { notificationId: string };
  /** Reads the text of a scanned letter (OCR) so that it is searchable and triaged (docs/intake.md). */
  'document-ocr': { documentId: string };
  /** Sends a staff message by e-mail to a member whose complaint came by e-mail (reference in the subject). */
  'intake-reply-email': { messageId: string };
  /** Seals the history: integrates the new events into the Merkle log and signs a checkpoint. */
  'audit-checkpoint': { reason: 'schedule' | 'start' | 'manual' };
  /** Sends an account e-mail (sign-up confirmation, or a warning that the address already has an account). */
  'account-email': AccountEmail;
  /** Weekly spikes of every organisation, stored for the dashboard; supervisors notified (issue 15). */
  'weekly-patterns': { reason: 'schedule' | 'manual' };
  /** Erases or anonymises what has passed its retention period (src/server/jobs/retention-purge.ts), idempotent. */
  'retention-purge': { reason: 'schedule' | 'manual' };
  /** Folds the KPI aggregates that concurrent writers spread over slots back into one row per key (migration 0021). */
  'kpi-daily-fold': { reason: 'schedule' | 'manual' };
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES: readonly JobName[] = [
  'deadline-reminders',
  'notification-email',
  'document-ocr',
  'intake-reply-email',
  'audit-checkpoint',
  'account-email',
  'weekly-patterns',
  'retention-purge',
  'kpi-daily-fold',
];

/** Every night after midnight, Paris time: the days before today (today's slots are still being written). */
export const KPI_DAILY_FOLD_CRON = '15 0 * * *';

/** Mondays at 05:00, Paris time: the week that just ended is complete. */
export const WEEKLY_PATTERNS_CRON = '0 5 * * 1';

export type JobHandlers = { [N in JobName]: (data: JobPayloads[N]) => Promise<void> };

/**
 * The job queue, kept behind an interface so that tests run the worker once, deterministically, and the server
 * polls. Jobs live in the database (pg-boss tables in the `pgboss` schema): a job queued before a restart is
 * processed after it.
 */
export interface JobQueue {
  /** Creates (or migrates) the pg-boss schema and the queues; sends nothing, works nothing. */
  start(): Promise<void>;
  /** Polling workers for every queue, the reminders schedule, and one reminders run now. */
  work(options: {
    remindersCron: string;
    auditCheckpointCron?: string;
    retentionPurgeCron?: string;
  }): Promise<void>;
  send<N extends JobName>(name: N, data: JobPayloads[N]): Promise<string | null>;
  /** Processes every job waiting in one queue now, one by one; returns how many (tests, CLI). */
  runOnce(name: JobName): Promise<number>;
  stop(): Promise<void>;
}

type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * pg-boss runs its SQL through `db.executeSql`: on PostgreSQL through the app's own pool, on PGlite through the
 * single embedded connection (parameterised statements with `query`, multi-statement scripts with `exec`).
 */
export function executeSqlOf(database: Database): ExecuteSql {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    const pglite = client as PGlite;
    return async (text, values) => {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results.at(-1) ?? { rows: [] };
    };
  }
  const pool = client as pg.Pool;
  return (text, values) => pool.query(text, values as unknown[]);
}

export interface QueueOptions {
  /** 'server': cron schedule and pg-boss maintenance run; 'manual': a quiet queue that tests drive with runOnce. */
  mode: 'server' | 'manual';
  onError?: (error: Error) => void;
}

export function createJobQueue(database: Database, handlers: JobHandlers, options: QueueOptions): JobQueue {
  const executeSql = executeSqlOf(database);
  const active = options.mode === 'server';
  const boss = new PgBoss({
    db: { executeSql: (text, values) => executeSql(text, values) },
    schema: 'pgboss',
    schedule: active,
    supervise: active,
    migrate: true,
  });
  boss.on('error', (error) => options.onError?.(error));
  let working = false;

  async function handle<N extends JobName>(name: N, data: JobPayloads[N]) {
    await (handlers[name] as (d: JobPayloads[N]) => Promise<void>)(data);
  }

  return {
    async start() {
      await boss.start();
      const existing = new Set((await boss.getQueues()).map((q) => q.name));
      for (const name of JOB_NAMES) {
        if (!existing.has(name)) await boss.createQueue(name, { name, retryLimit: 5, retryBackoff: true });
      }
    },
    async work({ remindersCron, auditCheckpointCron = '* * * * *', retentionPurgeCron = '30 3 * * *' }) {
      if (working) return;
      working = true;
      for (const name of JOB_NAMES) {
        // Up to 10 jobs per poll, each completed or failed on its own (a failed e-mail does not fail its batch).
        await boss.work<JobPayloads[typeof name]>(
          name,
          { pollingIntervalSeconds: 2, batchSize: 10 },
          async (jobs) => {
            for (const job of jobs) {
              try {
                await handle(name, job.data);
              } catch (error) {
                await boss.fail(name, job.id, { message: (error as Error).message });
              }
            }
          },
        );
      }
      if (active) {
        await boss.schedule(
          'deadline-reminders',
          remindersCron,
          { reason: 'schedule' },
          { tz: 'Europe/Paris' },
        );
        // pg-boss runs a schedule once across servers: one sequencer, one checkpoint a minute for the platform.
        await boss.schedule(
          'audit-checkpoint',
          auditCheckpointCron,
          { reason: 'schedule' },
          { tz: 'Europe/Paris' },
        );
        await boss.schedule(
          'weekly-patterns',
          WEEKLY_PATTERNS_CRON,
          { reason: 'schedule' },
          { tz: 'Europe/Paris' },
        );
        // Once a night across servers; the purge is idempotent, so a run repeated after a crash does no harm.
        await boss.schedule(
          'retention-purge',
          retentionPurgeCron,
          { reason: 'schedule' },
          { tz: 'Europe/Paris' },
        );
        await boss.schedule(
          'kpi-daily-fold',
          KPI_DAILY_FOLD_CRON,
          { reason: 'schedule' },
          { tz: 'Europe/Paris' },
        );
      }
      await boss.send('deadline-reminders', { reason: 'start' });
      await boss.send('audit-checkpoint', { reason: 'start' });
    },
    send(name, data) {
      return boss.send(name, data as object);
    },
    async runOnce(name) {
      let processed = 0;
      for (;;) {
        const jobs = await boss.fetch<JobPayloads[typeof name]>(name, { batchSize: 20 });
        if (jobs.length === 0) return processed;
        for (const job of jobs) {
          try {
            await handle(name, job.data);
            await boss.complete(name, job.id);
          } catch (error) {
            // Retried later with backoff (retryBackoff), so this loop does not fetch it again at once.
            await boss.fail(name, job.id, { message: (error as Error).message });
          }
          processed += 1;
        }
      }
    },
    async stop() {
      // close: false: the connection belongs to the application and is closed with the database.
      await boss.stop({ graceful: true, close: false, timeout: 5_000, wait: true });
    },
  };
}

/** The queue of a running app, attached to its context (see `attachJobQueue`), so that use cases can send jobs. */
const queues = new WeakMap<object, JobQueue>();

export function attachJobQueue(ctx: object, queue: JobQueue): void {
  queues.set(ctx, queue);
}

export function jobQueueOf(ctx: object): JobQueue | undefined {
  return queues.get(ctx);
}
