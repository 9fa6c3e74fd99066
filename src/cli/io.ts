import type { z } from 'zod';
import { fieldPath } from '../domain/shared/field-path.ts';
import type { DomainError } from '../domain/shared/result.ts';
import { firstIssue } from '../domain/shared/zod-issues.ts';

/** Exit codes: 0 done, 1 failure of the tool or its environment, 2 input the user must fix. */
export const EXIT_INPUT = 2;

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliInputError(
      'Aucune donnée reçue sur l’entrée standard : passez un JSON, par exemple `< dossier.json`.',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class CliInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly code = 'VALIDATION',
  ) {
    super(message);
  }

  static fromDomain(error: DomainError) {
    return new CliInputError(error.message, error.field, error.code);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(
      `JSON invalide sur l’entrée standard : ${(error as Error).message}`,
      undefined,
      'INVALID_JSON',
    );
  }
}

/** Validates with the same zod schema as the HTTP API; the first issue names the field to fix. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  const field = fieldPath(issue.path);
  throw new CliInputError(
    field ? `Le champ « ${field} » est invalide : ${issue.message}` : issue.message,
    field,
  );
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Runs a command; an input error becomes a JSON error on stderr and exit code 2, nothing on stdout. */
export async function run(action: () => Promise<void>) {
  try {
    await action();
  } catch (error) {
    if (error instanceof CliInputError) {
      process.stderr.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } })}\n`,
      );
      process.exitCode = EXIT_INPUT;
      return;
    }
    process.stderr.write(`Erreur : ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
