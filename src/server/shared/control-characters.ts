import { fieldPath } from '../../domain/shared/field-path.ts';

/**
 * C0 controls except tab, line feed and carriage return, DEL and the C1 block. A NUL byte cannot be stored in a
 * PostgreSQL text column (the insert fails with a 500), and the others are never typed by a person: refusing
 * them with the field's name is clearer than any later failure. Line breaks stay allowed (messages, notes).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The path of the first string (or object key) holding a forbidden control character, or undefined. */
export function findControlCharacter(value: unknown, path: (string | number)[] = []): string | undefined {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? fieldPath(path) || 'body' : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControlCharacter(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN.test(key)) return fieldPath(path) || 'body';
      const found = findControlCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

export const CONTROL_CHARACTER_MESSAGE =
  'contient un caractère de contrôle invisible (octet nul, retour arrière…) : retapez le texte sans copier-coller depuis un fichier binaire.';
