/**
 * zod's messages in French wherever a schema is parsed (API, CLI, engines called directly): zod's own French
 * locale, with clearer wording for the messages people meet most (too long, unknown field, a choice between
 * shapes). zod's configuration is global to the process; importing this module (as every schema module of the
 * domain does) sets it once. No I/O: a pure configuration of the validation library.
 */
import { z } from 'zod';

const french = z.locales.fr().localeError;

type RawIssue = Parameters<typeof french>[0];

const UNIT: Record<string, [string, string]> = {
  string: ['caractère', 'caractères'],
  array: ['élément', 'éléments'],
  set: ['élément', 'éléments'],
  file: ['octet', 'octets'],
};

const KIND: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  int: 'nombre entier',
  boolean: 'vrai ou faux',
  object: 'objet',
  array: 'liste',
  null: 'null',
  date: 'date',
  bigint: 'nombre entier',
};

function receivedKind(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function plural(n: number | bigint, [one, many]: [string, string]): string {
  return `${n} ${Number(n) > 1 ? many : one}`;
}

function sizeMessage(issue: RawIssue & { code: 'too_big' | 'too_small' }): string | undefined {
  const limit = 'maximum' in issue ? issue.maximum : (issue as { minimum: number | bigint }).minimum;
  if (typeof limit !== 'number' && typeof limit !== 'bigint') return undefined;
  const big = issue.code === 'too_big';
  const unit = UNIT[issue.origin as string];
  if (unit) {
    return big
      ? `Trop long : ${plural(limit, unit)} au plus.`
      : Number(limit) <= 1 && issue.origin === 'string'
        ? 'Ce champ ne peut pas être vide.'
        : `Trop court : ${plural(limit, unit)} au moins.`;
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    const strict = issue.inclusive === false;
    return big
      ? `Nombre trop grand : ${strict ? 'strictement inférieur à' : 'au plus'} ${limit} attendu.`
      : `Nombre trop petit : ${strict ? 'strictement supérieur à' : 'au moins'} ${limit} attendu.`;
  }
  return undefined;
}

/** The most telling message of a union's branches: the one that got furthest into the value. */
export function bestUnionIssue(
  errors: readonly (readonly { path: readonly PropertyKey[]; message: string; code?: string }[])[],
) {
  let best: { path: readonly PropertyKey[]; message: string } | undefined;
  for (const branch of errors) {
    const first = branch[0];
    if (first && (!best || first.path.length > best.path.length)) best = first;
  }
  return best;
}

export function frenchIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.length > 1
        ? `Champs inconnus : ${issue.keys.join(', ')}. Retirez-les ou vérifiez leur orthographe.`
        : `Champ inconnu : ${issue.keys[0]}. Retirez-le ou vérifiez son orthographe.`;
    case 'invalid_union': {
      const best = bestUnionIssue(
        (issue as { errors?: { path: PropertyKey[]; message: string }[][] }).errors ?? [],
      );
      return best?.message ?? 'Valeur invalide : aucune des formes acceptées ne correspond.';
    }
    case 'invalid_type': {
      const received = receivedKind(issue.input);
      if (received === 'undefined') return 'Ce champ est obligatoire.';
      return `Valeur attendue : ${KIND[issue.expected] ?? issue.expected} (reçu : ${KIND[received] ?? received}).`;
    }
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue) ?? (french(issue) as string | undefined);
    default: {
      const out = french(issue);
      return typeof out === 'string' ? out : out?.message;
    }
  }
}

z.config({ localeError: (issue) => frenchIssueMessage(issue) });
