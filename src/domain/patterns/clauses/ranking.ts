import { formatNumber } from '../explanation.ts';

/**
 * Clauses and products ranked by complaints per thousand members (issue 15 §3): a clause disputed 40 times on a
 * product of 2 000 members is a worse sign than 60 times on one of 50 000. Products whose membership is not known
 * are listed apart, by count only: a rate without its denominator would mislead.
 */

export interface ClauseComplaintCount {
  product: string;
  clauseId: string;
  label: string;
  complaints: number;
}

export interface Membership {
  product: string;
  members: number;
}

export interface RankedClause extends ClauseComplaintCount {
  members: number;
  perThousand: number;
  text: string;
}

export interface ClauseRanking {
  ranked: RankedClause[];
  /** Products without a known membership: counts only. */
  withoutMembership: ClauseComplaintCount[];
}

export function rankClauses(
  counts: readonly ClauseComplaintCount[],
  memberships: readonly Membership[],
): ClauseRanking {
  const members = new Map(memberships.filter((m) => m.members > 0).map((m) => [m.product, m.members]));
  const ranked: RankedClause[] = [];
  const withoutMembership: ClauseComplaintCount[] = [];
  for (const c of counts) {
    const n = members.get(c.product);
    if (n === undefined) {
      withoutMembership.push(c);
      continue;
    }
    const perThousand = (c.complaints * 1000) / n;
    ranked.push({
      ...c,
      members: n,
      perThousand: Math.round(perThousand * 100) / 100,
      text: `${c.label} (${c.product}) : ${formatNumber(perThousand, 2)} réclamations pour 1\u00a0000 adhérents (${formatNumber(c.complaints, 0)} sur ${formatNumber(n, 0)} adhérents).`,
    });
  }
  ranked.sort((a, b) => b.perThousand - a.perThousand || b.complaints - a.complaints);
  withoutMembership.sort((a, b) => b.complaints - a.complaints);
  return { ranked, withoutMembership };
}

/** Products ranked the same way, all clauses together. */
export function rankProducts(
  counts: readonly ClauseComplaintCount[],
  memberships: readonly Membership[],
): ClauseRanking {
  const byProduct = new Map<string, number>();
  for (const c of counts) byProduct.set(c.product, (byProduct.get(c.product) ?? 0) + c.complaints);
  return rankClauses(
    [...byProduct].map(([product, complaints]) => ({
      product,
      clauseId: 'produit',
      label: 'Toutes garanties',
      complaints,
    })),
    memberships,
  );
}
