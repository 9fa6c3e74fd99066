import './zod-french.ts';
import { bestUnionIssue } from './zod-french.ts';

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
  errors?: readonly (readonly IssueLike[])[];
}

/**
 * The issue to show for a refused value, with the full path of the field at fault: an unknown key is named by
 * its own path (`patient.pateint`, not `patient`), and a union refused in every branch is explained by the
 * branch that got furthest, with that branch's path.
 */
export function readableIssue(issue: IssueLike): { path: PropertyKey[]; message: string } {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return { path: [...issue.path, issue.keys[0]!], message: issue.message };
  }
  if (issue.code === 'invalid_union' && issue.errors?.length) {
    const best = bestUnionIssue(issue.errors);
    if (best) {
      const nested = readableIssue(best as IssueLike);
      return { path: [...issue.path, ...nested.path], message: nested.message };
    }
  }
  return { path: [...issue.path], message: issue.message };
}

/** The first issue of a failed parse, readable (see readableIssue). */
export function firstIssue(error: { issues: readonly IssueLike[] }): {
  path: PropertyKey[];
  message: string;
} {
  const issue = error.issues[0];
  return issue ? readableIssue(issue) : { path: [], message: 'Valeur invalide.' };
}
