import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { verifyAuditChain } from '../db/repositories/audit.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/seed/demo.ts';
import { registerDeadlines } from './commands/deadlines.ts';
import { registerLetter } from './commands/letter.ts';
import { registerPatterns } from './commands/patterns.ts';
import { registerReimbursement } from './commands/reimbursement.ts';
import { registerTriage } from './commands/triage.ts';
import { withDatabase } from './database.ts';
import { printJson, run } from './io.ts';

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
        const result = await seedDemo(database.db, new Date());
        printJson({ ...result, password: DEMO_PASSWORD, database: database.location });
      }),
    ),
  );

const audit = program.command('audit').description('Historique infalsifiable des dossiers');
audit
  .command('verify')
  .description('Recalcule la chaîne de hachage de l’historique ; code de sortie 3 si une ligne a été altérée')
  .action(() =>
    run(() =>
      withDatabase(async (database) => {
        const report = await verifyAuditChain(database.db);
        printJson(report);
        if (!report.ok) process.exitCode = 3;
      }),
    ),
  );

registerDeadlines(program);
registerReimbursement(program);
registerLetter(program);
registerTriage(program);
registerPatterns(program);

await program.parseAsync(process.argv);
