import type { Command } from 'commander';
import { computeSpikes } from '../../db/repositories/pattern-spikes.ts';
import { organisationIdByName } from '../../db/repositories/patterns.ts';
import { isCalendarDate, parisDateOf } from '../../domain/shared/calendar-date.ts';
import { withDatabase } from '../database.ts';
import { CliInputError, printJson, run } from '../io.ts';

function dateOption(value: string | undefined, what: string, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    throw new CliInputError(`${what} : « ${value} » n’est pas une date valide (AAAA-MM-JJ).`, option);
  }
  return value;
}

export function registerPatterns(program: Command) {
  program
    .command('patterns')
    .description('Pics de réclamations d’un organisme par semaine (JSON) : catégorie, produit, région, canal')
    .requiredOption('--organisation <nom>', 'nom de l’organisme, tel qu’il figure sur Recours')
    .requiredOption('--from <AAAA-MM-JJ>', 'premier jour de la période analysée')
    .requiredOption('--to <AAAA-MM-JJ>', 'dernier jour de la période analysée')
    .option(
      '--as-of <AAAA-MM-JJ>',
      'date de calcul (par défaut aujourd’hui) : seules les semaines terminées sont jugées',
    )
    .addHelpText(
      'after',
      '\nExemple :\n  npx recours patterns --organisation "Mutuelle Démo" --from 2026-01-05 --to 2026-03-29\n\nMéthode, seuils et limites : docs/patterns.md.',
    )
    .action((options: { organisation: string; from: string; to: string; asOf?: string }) =>
      run(() =>
        withDatabase(async (database) => {
          const from = dateOption(options.from, 'Début de période', 'from')!;
          const to = dateOption(options.to, 'Fin de période', 'to')!;
          const asOf = dateOption(options.asOf, 'Date de calcul', 'as-of') ?? parisDateOf(new Date());
          const organisationId = await organisationIdByName(database.db, options.organisation);
          if (!organisationId) {
            throw new CliInputError(
              `Organisme inconnu : « ${options.organisation} ». Donnez son nom exact tel qu’il figure sur Recours.`,
              'organisation',
              'NOT_FOUND',
            );
          }
          const result = await computeSpikes(database, organisationId, { from, to, asOf });
          if (!result.ok) throw CliInputError.fromDomain(result.error);
          printJson({ alerts: result.value.alerts });
        }),
      ),
    );
}
