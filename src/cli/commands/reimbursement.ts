import type { Command } from 'commander';
import { simulateReimbursement } from '../../domain/reimbursement/engine.ts';
import { CliInputError, parseJson, printJson, readStdin, run } from '../io.ts';

export function registerReimbursement(program: Command) {
  program
    .command('reimbursement')
    .description(
      'Recalcule un remboursement : actes, patient et tableau de garanties (JSON) sur l’entrée standard → montants dus et écarts (JSON)',
    )
    .addHelpText(
      'after',
      '\nExemple :\n  npx recours reimbursement < src/domain/reimbursement/example-input.json\n\nFormat : docs/reimbursement.md et docs/schemas/reimbursement-input.schema.json',
    )
    .action(() =>
      run(async () => {
        const result = simulateReimbursement(parseJson(await readStdin()));
        if (!result.ok) throw CliInputError.fromDomain(result.error);
        printJson(result.value);
      }),
    );
}
