import type { Command } from 'commander';
import { computeDeadlines } from '../../domain/deadlines/engine.ts';
import example from '../../domain/deadlines/example-input.json' with { type: 'json' };
import { CliInputError, parseJson, printJson, readStdin, run } from '../io.ts';

// Imported, not read from disk: the compiled CLI (dist/) carries it (tsc copies imported JSON).
const EXAMPLE = `${JSON.stringify(example, null, 2)}\n`;

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
