import { normaliseText } from '../../triage/normalise.ts';
import { careKindOf } from './link.ts';

/**
 * A contract pasted as text, cut into clauses for the clarity review (issue 15 §3). French contracts number their
 * clauses « Article 3 – Résiliation » (or « Art. 3 »): a line starting so opens a clause and names it. A text
 * without such headings is one clause, titled by the caller. Each clause gets the topic that links it to the
 * complaints disputing it (the same ids as `linkComplaintToClause`).
 */

export const MAX_CLAUSES = 200;
export const MAX_CONTRACT_CHARACTERS = 200_000;

export interface ImportedClause {
  title: string;
  text: string;
  /** `garantie:<kind>`, `conditions:<topic>`, or null when the clause names no topic the complaints use. */
  topic: string | null;
}

const HEADING = /^\s*(?:article|art\.)\s+[\p{L}\d.-]+\s*(?:[-–—:.]\s*)?(.*)$/iu;

/** General-conditions topics, by the words a clause's title or text uses (the categories of link.ts). */
const CONDITION_CUES: readonly (readonly [string, RegExp])[] = [
  ['conditions:resiliation', /\b(resiliation|resilier|denonciation)\b/],
  ['conditions:cotisations', /\b(cotisations?|tarifs?|primes?)\b/],
  ['conditions:portabilite', /\b(portabilite|maintien des garanties|loi evin)\b/],
  ['conditions:suspension', /\b(suspension|tiers payant)\b/],
];

/** The topic of a clause: its title first (it says what the clause is about), then its text. */
export function clauseTopicOf(title: string, text: string): string | null {
  for (const source of [title, text]) {
    const normalised = normaliseText(source);
    const condition = CONDITION_CUES.find(([, cue]) => cue.test(normalised));
    if (condition) return condition[0];
    const kind = careKindOf(source);
    if (kind) return `garantie:${kind}`;
  }
  return null;
}

export function splitContract(text: string, defaultTitle: string): ImportedClause[] {
  const clauses: { title: string; lines: string[] }[] = [];
  let current: { title: string; lines: string[] } | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    if (heading) {
      current = { title: line.trim(), lines: [] };
      clauses.push(current);
      continue;
    }
    if (!current) {
      current = { title: defaultTitle, lines: [] };
      clauses.push(current);
    }
    current.lines.push(line);
  }
  return clauses
    .map((c) => {
      const body = c.lines.join('\n').trim();
      return { title: c.title, text: body, topic: clauseTopicOf(c.title, body) };
    })
    .filter((c, i, all) => !(i === 0 && c.text === '' && c.title === defaultTitle && all.length > 1));
}
