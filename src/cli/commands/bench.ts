import type { Command } from 'commander';
import { GenerateRefusal, generateFiles } from '../../bench/generate.ts';
import { withDatabase } from '../database.ts';
import { CliInputError, printJson, run } from '../io.ts';

export function registerBench(program: Command) {
  const bench = program.command('bench').description('Mesures de charge (docs/performance.md)');
  bench
    .command('generate')
    .description(
      'Ajoute N dossiers fictifs réalistes à un organisme (par défaut « Mutuelle Charge ») de la base DATABASE_URL',
    )
    .requiredOption('--files <n>', 'nombre de dossiers à ajouter')
    .option('--organisation <nom>', 'organisme (créé s’il n’existe pas)', 'Mutuelle Charge')
    .option('--force', 'accepte une base qui contient déjà des dossiers d’autres organismes')
    .action((options: { files: string; organisation: string; force?: boolean }) =>
      run(async () => {
        const files = Number(options.files);
        if (!Number.isInteger(files) || files < 1 || files > 10_000_000) {
          throw new CliInputError(
            '--files : un nombre entier de dossiers entre 1 et 10 000 000 est attendu.',
            'files',
          );
        }
        await withDatabase(async (database) => {
          await database.migrate();
          try {
            const result = await generateFiles(database, {
              files,
              organisation: options.organisation,
              force: Boolean(options.force),
              now: new Date(),
              onProgress: (done, total) => {
                if (done % 50_000 === 0 || done === total)
                  process.stderr.write(`${done} / ${total} dossiers\n`);
              },
            });
            printJson({ ...result, database: database.location });
          } catch (error) {
            if (error instanceof GenerateRefusal) throw new CliInputError(error.message, 'force');
            throw error;
          }
        });
      }),
    );
}
