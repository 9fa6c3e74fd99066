import { toDayNumber } from '../shared/calendar-date.ts';
import { contentStems, normaliseText } from '../triage/normalise.ts';

/**
 * The same complaint sent twice (an e-mail, then the same letter by post): same member, same organisation,
 * close dates and similar words. A candidate is offered to the handler, never merged on its own.
 */
export interface ComplaintSketch {
  id: string;
  memberId: string;
  organisationId: string | null;
  /** The date the complaint reached the organisation (or was sent), YYYY-MM-DD. */
  receivedOn: string;
  category: string;
  amountCents: number | null;
  text: string;
}

export interface DuplicateCandidate {
  id: string;
  score: number;
  daysApart: number;
  reasons: string[];
}

/** Two copies of one letter arrive within days; a month apart it is more likely a new complaint. */
export const MAX_DAYS_APART = 21;
export const MIN_SCORE = 0.5;

function stemSet(text: string): Set<string> {
  return new Set(contentStems(normaliseText(text)));
}

/** Jaccard index of the two texts' content stems (0 to 1). */
export function textSimilarity(a: string, b: string): number {
  const sa = stemSet(a);
  const sb = stemSet(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  for (const s of sa) if (sb.has(s)) common += 1;
  return common / (sa.size + sb.size - common);
}

export function duplicateCandidates(
  file: ComplaintSketch,
  others: readonly ComplaintSketch[],
): DuplicateCandidate[] {
  const candidates: DuplicateCandidate[] = [];
  for (const other of others) {
    if (other.id === file.id || other.memberId !== file.memberId) continue;
    if (other.organisationId !== file.organisationId) continue;
    const daysApart = Math.abs(toDayNumber(file.receivedOn) - toDayNumber(other.receivedOn));
    if (daysApart > MAX_DAYS_APART) continue;
    const similarity = textSimilarity(file.text, other.text);
    const reasons = [`reçues à ${daysApart} jour${daysApart > 1 ? 's' : ''} d’intervalle`];
    // Words weigh most; the same category and amount make a short text's match believable.
    let score = similarity;
    if (other.category === file.category) {
      score += 0.15;
      reasons.push('même catégorie');
    }
    if (file.amountCents !== null && file.amountCents === other.amountCents) {
      score += 0.2;
      reasons.push('même montant');
    }
    score = Math.min(1, score);
    reasons.unshift(`textes semblables à ${Math.round(similarity * 100)} %`);
    if (score >= MIN_SCORE)
      candidates.push({ id: other.id, score: Math.round(score * 100) / 100, daysApart, reasons });
  }
  return candidates.sort((a, b) => b.score - a.score || a.daysApart - b.daysApart);
}

/** After a merge the clocks run from the first time the dissatisfaction reached the organisation. */
export function earliestDate(...dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort()[0];
}
