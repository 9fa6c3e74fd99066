import { formatNumber } from '../explanation.ts';
import { type ClauseReview, PLAIN_SCORE } from './clarity.ts';

/**
 * « Clauses à réécrire »: clauses that are both disputed and hard to read come first (issue 15 §3). Priority =
 * complaints × difficulty, where difficulty grows as the score falls below the plain level (60) and with each
 * long sentence or undefined term. A clause that could not be scored (empty, not French) is listed with its reason.
 */

export interface ClauseToReview {
  clauseId: string;
  label: string;
  review: ClauseReview;
}

export interface ClauseDisputes {
  clauseId: string;
  complaints: number;
  perThousand?: number;
}

export interface RewriteItem {
  clauseId: string;
  label: string;
  complaints: number;
  perThousand?: number;
  readability: number | null;
  priority: number;
  reasons: string[];
  suggestions: string[];
}

export function difficultyOf(review: ClauseReview): number {
  if (review.status !== 'scored') return 1;
  const belowPlain = Math.max(0, PLAIN_SCORE - review.readability) / PLAIN_SCORE;
  return belowPlain + 0.2 * review.longSentences.length + 0.2 * review.undefinedJargon.length;
}

export function clausesToRewrite(
  clauses: readonly ClauseToReview[],
  disputes: readonly ClauseDisputes[],
): RewriteItem[] {
  const byClause = new Map(disputes.map((d) => [d.clauseId, d]));
  const items: RewriteItem[] = [];
  for (const c of clauses) {
    const d = byClause.get(c.clauseId);
    const complaints = d?.complaints ?? 0;
    const difficulty = difficultyOf(c.review);
    if (difficulty === 0 && c.review.status === 'scored') continue;
    const reasons: string[] = [];
    if (complaints > 0) reasons.push(`${formatNumber(complaints, 0)} réclamation(s) la contestent.`);
    if (c.review.status !== 'scored') reasons.push(c.review.message);
    else {
      if (c.review.readability < PLAIN_SCORE)
        reasons.push(`Lisibilité ${formatNumber(c.review.readability)} (Kandel–Moles) : ${c.review.level}.`);
      if (c.review.longSentences.length > 0)
        reasons.push(`${c.review.longSentences.length} phrase(s) de plus de 25 mots.`);
      if (c.review.undefinedJargon.length > 0)
        reasons.push(`Termes non définis : ${c.review.undefinedJargon.join(', ')}.`);
    }
    items.push({
      clauseId: c.clauseId,
      label: c.label,
      complaints,
      ...(d?.perThousand !== undefined ? { perThousand: d.perThousand } : {}),
      readability: c.review.status === 'scored' ? c.review.readability : null,
      priority: Math.round((1 + complaints) * difficulty * 100) / 100,
      reasons,
      suggestions: c.review.status === 'scored' ? c.review.suggestions : [],
    });
  }
  return items.sort((a, b) => b.priority - a.priority || b.complaints - a.complaints);
}
