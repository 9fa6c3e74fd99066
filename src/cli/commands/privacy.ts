import type { Command } from 'commander';
import { printJson, run } from '../io.ts';

export function registerPrivacy(program: Command) {
  const privacy = program.command('privacy').description('Données personnelles (RGPD)');
  privacy
    .command('purge')
    .description(
      'Efface ou anonymise ce qui a dépassé sa durée de conservation (RETENTION_*) ; affiche le nombre de lignes par catégorie, jamais de donnée personnelle',
    )
    .option('--dry-run', 'compte ce qui serait effacé, sans rien modifier')
    .action((options: { dryRun?: boolean }) =>
      run(async () => {
        // Loaded here, not at the top: the other commands do not pay for the database and the server.
        const [{ withDatabase }, { loadConfig }, { purgeRetention }] = await Promise.all([
          import('../database.ts'),
          import('../../server/config.ts'),
          import('../../server/jobs/retention-purge.ts'),
        ]);
        const config = loadConfig();
        await withDatabase(async (database) => {
          await database.migrate();
          const report = await purgeRetention(database.db, new Date(), config.retention, {
            dryRun: options.dryRun === true,
          });
          printJson(report);
        });
      }),
    );
}
