import { openDatabase } from '../db/client.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { attachJobQueue, createJobQueue, type JobQueue } from './jobs/queue.ts';
import { createMailer } from './mail/mailer.ts';
import { DEMO_PASSWORD, seedDemo } from './seed/demo.ts';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
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
  });
}

await app.listen({ port: config.port, host: config.host });
console.log(`\nRecours est prêt : http://localhost:${config.port}  (base : ${database.location})`);
console.log(`Documentation de l’API : http://localhost:${config.port}/api/docs\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await queue?.stop();
    mailer.close();
    await database.close();
    process.exit(0);
  });
}
