import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAnalytics, registerReportingRole } from './commands/analytics.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBench } from './commands/bench.ts';
import { registerDeadlines } from './commands/deadlines.ts';
import { registerLetter } from './commands/letter.ts';
import { registerPatterns } from './commands/patterns.ts';
import { registerPrivacy } from './commands/privacy.ts';
import { registerReimbursement } from './commands/reimbursement.ts';
import { registerTriage } from './commands/triage.ts';
import { printJson, run } from './io.ts';

// The database, the demo seed and the audit check load only for the commands that use them: a call to a pure
// command (deadlines, reimbursement) does not pay for PGlite and the server (CLI start under half a second).
const withDatabase: typeof import('./database.ts').withDatabase = async (action) =>
  (await import('./database.ts')).withDatabase(action);

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command()
  .name('recours')
  .description(
    'Recours en ligne de commande. Les commandes de calcul lisent un JSON sur l’entrée standard et écrivent un JSON sur la sortie standard.',
  )
  .showHelpAfterError();

program
  .command('version')
  .description('Affiche la version (JSON)')
  .action(() => run(async () => printJson({ name: 'recours', version: pkg.version, node: process.version })));

const db = program.command('db').description('Base de données (DATABASE_URL, sinon PGlite dans DATA_DIR)');
db.command('migrate')
  .description('Applique les migrations (sans effet si elles le sont déjà)')
  .action(() =>
    run(() =>
      withDatabase(async (database) => {
        await database.migrate();
        printJson({ migrated: true, database: database.location });
      }),
    ),
  );

program
  .command('seed')
  .description('Crée les données de démonstration sur une base vide')
  .requiredOption('--demo', 'données de démonstration (Mutuelle Démo, comptes, dossiers)')
  .action(() =>
    run(() =>
      withDatabase(async (database) => {
        await database.migrate();
        const { DEMO_PASSWORD, seedDemo } = await import('../server/seed/demo.ts');
        const result = await seedDemo(database.db, new Date());
        printJson({ ...result, password: DEMO_PASSWORD, database: database.location });
      }),
    ),
  );

registerAudit(program);
registerDeadlines(program);
registerReimbursement(program);
registerLetter(program);
registerTriage(program);
registerBench(program);
registerAnalytics(program);
registerReportingRole(db);
registerPatterns(program);
registerPrivacy(program);

await program.parseAsync(process.argv);
