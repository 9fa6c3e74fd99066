import { createReadStream, existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../../db/client.ts';
import { createReportingRole, ROLE_NAME } from '../../db/repositories/reporting-role.ts';
import { checkPeriod } from '../../domain/kpi/period.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { formatOf, readImportFile } from '../../server/import/read-records.ts';
import { ImportRefused, importComplaints } from '../../server/import/use-cases.ts';
import { organisationByName, organisationNames } from '../../server/kpi/organisation.ts';
import { kpiReport } from '../../server/shared/kpi-report.ts';
import { withDatabase } from '../database.ts';
import { CliInputError, EXIT_INPUT, printJson, run } from '../io.ts';

async function organisationOrFail(database: Database, name: string) {
  const org = await organisationByName(database.db, name);
  if (org) return org;
  const names = await organisationNames(database.db);
  throw new CliInputError(
    `Organisme « ${name} » inconnu. Organismes existants : ${names.map((n) => `« ${n} »`).join(', ') || 'aucun'}.`,
    'organisation',
  );
}

export function registerAnalytics(program: Command) {
  const importCommand = program.command('import').description('Reprise de données');
  importCommand
    .command('complaints')
    .argument('<fichier>', 'fichier .csv (ligne d’en-tête) ou .jsonl (un objet JSON par ligne)')
    .description('Importe l’historique d’un registre des réclamations (docs/import.md)')
    .option('--organisation <nom>', 'organisme (créé s’il n’existe pas, type mutuelle)')
    .option('--skip-invalid', 'importe les lignes correctes et ignore les autres (sinon : tout ou rien)')
    .option('--dry-run', 'vérifie tout sans rien enregistrer')
    .action((file: string, options: { organisation?: string; skipInvalid?: boolean; dryRun?: boolean }) =>
      run(async () => {
        const format = formatOf(file);
        if (!format) {
          throw new CliInputError('Format de fichier inconnu : donnez un fichier .csv ou .jsonl.', 'file');
        }
        if (!existsSync(file)) throw new CliInputError(`Fichier introuvable : ${file}`, 'file');
        await withDatabase(async (database) => {
          await database.migrate();
          let name = options.organisation;
          if (!name) {
            const names = await organisationNames(database.db);
            if (names.length !== 1) {
              throw new CliInputError(
                'Précisez l’organisme avec --organisation "Nom de l’organisme" (il est créé s’il n’existe pas).',
                'organisation',
              );
            }
            name = names[0]!;
          }
          try {
            const report = await importComplaints(
              database.db,
              readImportFile(createReadStream(file), format),
              {
                organisation: { name },
                skipInvalid: options.skipInvalid ?? false,
                dryRun: options.dryRun ?? false,
                actorId: null,
                now: new Date(),
              },
            );
            printJson(report);
            if (report.fileErrors.length > 0 || (report.invalid > 0 && !options.skipInvalid)) {
              process.exitCode = EXIT_INPUT;
            }
          } catch (error) {
            if (error instanceof ImportRefused) throw new CliInputError(error.message, 'organisation');
            throw error;
          }
        });
      }),
    );

  program
    .command('kpi')
    .description(
      'Indicateurs de traitement des réclamations d’un organisme sur une période (JSON, docs/kpi.md)',
    )
    .requiredOption('--organisation <nom>', 'organisme')
    .requiredOption('--from <AAAA-MM-JJ>', 'début de période (date de réception, incluse)')
    .requiredOption('--to <AAAA-MM-JJ>', 'fin de période (incluse)')
    .option('--as-of <AAAA-MM-JJ>', 'date d’arrêté (par défaut : aujourd’hui, heure de Paris)')
    .action((options: { organisation: string; from: string; to: string; asOf?: string }) =>
      run(async () => {
        const period = checkPeriod(options, parisDateOf(new Date()));
        if (!period.ok) throw CliInputError.fromDomain(period.error);
        await withDatabase(async (database) => {
          await database.migrate();
          const org = await organisationOrFail(database, options.organisation);
          printJson(await kpiReport(database.db, org.id, period.value));
        });
      }),
    );
}

/** `recours db reporting-role`: the read-only role of BI tools (docs/power-bi.md). */
export function registerReportingRole(db: Command) {
  db.command('reporting-role')
    .description('Crée (ou met à jour) le rôle en lecture seule des outils de BI sur les vues « reporting »')
    .option('--name <nom>', 'nom du rôle', 'recours_reporting')
    .option(
      '--password-env <variable>',
      'variable d’environnement qui contient le mot de passe',
      'REPORTING_PASSWORD',
    )
    .action((options: { name: string; passwordEnv: string }) =>
      run(async () => {
        if (!ROLE_NAME.test(options.name)) {
          throw new CliInputError(
            'Nom de rôle invalide : lettres minuscules, chiffres et _ (63 caractères au plus).',
            'name',
          );
        }
        const password = process.env[options.passwordEnv];
        if (!password || password.length < 12) {
          throw new CliInputError(
            `Mot de passe absent ou trop court : mettez-le (12 caractères au moins) dans la variable d’environnement ${options.passwordEnv}, jamais sur la ligne de commande.`,
            'password',
          );
        }
        await withDatabase(async (database) => {
          await database.migrate();
          const result = await createReportingRole(database.db, options.name, password);
          printJson({ role: options.name, ...result, schema: 'reporting', database: database.location });
        });
      }),
    );
}
