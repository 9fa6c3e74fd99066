import { openDatabase } from '../db/client.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { dossierBus } from './live/bus.ts';
import { createMailer } from './mail/mailer.ts';
import { DEMO_PASSWORD, seedDemo } from './seed/demo.ts';
import { attachJobQueue, createJobQueue, type JobQueue } from './shared/job-queue.ts';

const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  readUrl: config.readDatabaseUrl,
  dataDir: `${config.dataDir}/pglite`,
});
await database.migrate();
const ctx = { database, config, now: () => new Date() };

if (config.seedDemo) {
  const seeded = await seedDemo(database.db, ctx.now());
  if (seeded.created) {
    console.log('\nDonnées de démonstration créées. Comptes (mot de passe pour tous : %s) :', DEMO_PASSWORD);
    for (const a of seeded.accounts) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
  } else {
    console.log(`\nComptes de démonstration : voir le README (mot de passe ${DEMO_PASSWORD}).`);
  }
}

const app = await buildApp(ctx, { logger: true });

// Several server processes on one PostgreSQL: live updates cross them through LISTEN/NOTIFY (issue 12).
if (database.url) {
  await dossierBus.connectPostgres(database.url, (error) =>
    app.log.error({ err: { message: error.message } }, 'live bus error'),
  );
}

// Background jobs (deadline reminders every 15 minutes and at start, e-mails, a history checkpoint a minute), kept in the database by pg-boss.
const mailer = createMailer(config, (message) => app.log.warn(message));
let queue: JobQueue | undefined;
if (config.jobs.enabled) {
  queue = createJobQueue(database, jobHandlers(ctx, mailer), {
    mode: 'server',
    onError: (error) => app.log.error({ err: { message: error.message } }, 'job queue error'),
  });
  await queue.start();
  attachJobQueue(ctx, queue);
  await queue.work({
    remindersCron: config.jobs.remindersCron,
    auditCheckpointCron: config.jobs.auditCheckpointCron,
    retentionPurgeCron: config.jobs.retentionPurgeCron,
  });
}

// E-mail intake: mail to an organisation's complaints address becomes a file of its register (docs/intake.md).
// Imported only when it listens: smtp-server and mailparser weigh on the resident memory (docs/performance.md).
const intake = config.intakeSmtp
  ? await (await import('./intake/smtp-listener.ts')).startIntakeSmtp(ctx, {
      ...config.intakeSmtp,
      mailer,
      log: (m) => app.log.warn(m),
    })
  : undefined;

await app.listen({ port: config.port, host: config.host });
// The port actually bound (PORT=0 lets the system choose one: several processes, tests).
const port = (app.server.address() as { port: number }).port;
console.log(`\nRecours est prêt : http://localhost:${port}  (base : ${database.location})`);
console.log(`Documentation de l’API : http://localhost:${port}/api/docs\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await intake?.close();
    await queue?.stop();
    await dossierBus.disconnect();
    mailer.close();
    await database.close();
    process.exit(0);
  });
}
