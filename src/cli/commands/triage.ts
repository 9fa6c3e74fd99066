import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { fieldPath } from '../../domain/shared/field-path.ts';
import { triageRequestSchema } from '../../domain/triage/schema.ts';
import { CliInputError, EXIT_INPUT, parseJson, printJson, readStdin, run, validate } from '../io.ts';

const EXAMPLE = `{"text": "ma mutuelle ne m'a remboursé que 9 € sur ma couronne", "today": "2026-11-23"}`;

/** One request → its diagnosis, or the input error that names the field. */
async function diagnose(value: unknown) {
  const request = validate(triageRequestSchema, value);
  // The analyser and its trained model (a large JSON) load only when a text is analysed, not at every start of the CLI.
  const [{ triageModel }, { triageText }] = await Promise.all([
    import('../../domain/triage/model-loader.ts'),
    import('../../domain/triage/answers.ts'),
  ]);
  const result = triageText(request, parisDateOf(new Date()), triageModel);
  if (!result.ok) throw CliInputError.fromDomain(result.error);
  return result.value;
}

export function registerTriage(program: Command) {
  program
    .command('triage')
    .description(
      'Analyse un texte libre : {"text", "today"?, "answers"?} (JSON) sur l’entrée standard → diagnostic (JSON)',
    )
    .option('--jsonl', 'une demande JSON par ligne en entrée, un diagnostic JSON compact par ligne en sortie')
    .addHelpText(
      'after',
      `\nExemples :\n  echo '${EXAMPLE}' | npx recours triage\n  npx recours triage --jsonl < demandes.jsonl > diagnostics.jsonl\n\nAvec --jsonl, une ligne invalide donne {"line": n, "error": {…}} à sa place, le traitement continue et le code de sortie est 2 à la fin.\nChamps, réponses (answers) et sortie : docs/triage.md, docs/schemas/triage-*.schema.json.`,
    )
    .action((options: { jsonl?: boolean }) =>
      run(async () => {
        if (!options.jsonl) {
          printJson(await diagnose(parseJson(await readStdin())));
          return;
        }
        if (process.stdin.isTTY) await readStdin(); // throws the "nothing on stdin" message
        let failed = false;
        let line = 0;
        for await (const raw of createInterface({
          input: process.stdin,
          crlfDelay: Number.POSITIVE_INFINITY,
        })) {
          line++;
          if (raw.trim() === '') continue;
          try {
            process.stdout.write(`${JSON.stringify(await diagnose(parseJson(raw)))}\n`);
          } catch (error) {
            if (!(error instanceof CliInputError)) throw error;
            failed = true;
            const field = error.field ? fieldPath(error.field.split('.')) : undefined;
            process.stdout.write(
              `${JSON.stringify({ line, error: { code: error.code, message: error.message, ...(field ? { field } : {}) } })}\n`,
            );
          }
        }
        if (failed) process.exitCode = EXIT_INPUT;
      }),
    );
}
