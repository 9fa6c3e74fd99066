import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { computeDeadlines } from '../../domain/deadlines/engine.ts';
import { CliInputError, parseJson, printJson, readStdin, run } from '../io.ts';

const EXAMPLE = readFileSync(new URL('../../domain/deadlines/example-input.json', import.meta.url), 'utf8');

export function registerDeadlines(program: Command) {
  program
    .command('deadlines')
    .description(
      'Calcule les délais légaux d’un litige : faits datés (JSON) sur l’entrée standard → délais (JSON)',
    )
    .addHelpText(
      'after',
      `\nExemple :\n  npx recours deadlines < src/domain/deadlines/example-input.json\n\nEntrée (voir docs/deadlines.md) :\n${EXAMPLE}`,
    )
    .action(() =>
      run(async () => {
        const result = computeDeadlines(parseJson(await readStdin()));
        if (!result.ok) throw CliInputError.fromDomain(result.error);
        printJson(result.value);
      }),
    );
}
