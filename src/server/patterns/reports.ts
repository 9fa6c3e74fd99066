import type { Database } from '../../db/client.ts';
import {
  clausesOf,
  complaintsByCategoryAndProduct,
  forEachMoneyComplaint,
  membershipsOn,
} from '../../db/repositories/pattern-clauses.ts';
import { definedTerms, reviewClause } from '../../domain/patterns/clauses/clarity.ts';
import { linkComplaintToClause, MONEY_CATEGORIES } from '../../domain/patterns/clauses/link.ts';
import {
  type ClauseComplaintCount,
  rankClauses,
  rankProducts,
} from '../../domain/patterns/clauses/ranking.ts';
import { clausesToRewrite } from '../../domain/patterns/clauses/rewrite.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';

/** Files without a product are counted under this label (the rate per member then has no denominator). */
const NO_PRODUCT = 'Produit non renseigné';

/**
 * Complaints per clause of the contract and product over the period: the general conditions from SQL counts by
 * category; the lines of the table of guarantees from the words of each money complaint, streamed from one
 * cursor (only the counts stay in memory).
 */
export async function disputesByClause(
  database: Database,
  organisationId: string,
  from: CalendarDate,
  to: CalendarDate,
): Promise<ClauseComplaintCount[]> {
  const counts = new Map<string, ClauseComplaintCount>();
  const add = (product: string | null, link: { clauseId: string; label: string }, n: number) => {
    const p = product ?? NO_PRODUCT;
    const key = `${p}\u0000${link.clauseId}`;
    const entry = counts.get(key) ?? {
      product: p,
      clauseId: link.clauseId,
      label: link.label,
      complaints: 0,
    };
    entry.complaints += n;
    counts.set(key, entry);
  };
  for (const row of await complaintsByCategoryAndProduct(database.db, organisationId, from, to)) {
    if (MONEY_CATEGORIES.includes(row.category)) continue;
    const link = linkComplaintToClause({ category: row.category, text: '' });
    if (link) add(row.product, link, row.count);
  }
  await forEachMoneyComplaint(database, organisationId, from, to, MONEY_CATEGORIES, (rows) => {
    for (const row of rows) {
      const link = linkComplaintToClause({ category: row.category, text: row.text });
      if (link) add(row.product, link, 1);
    }
  });
  return [...counts.values()];
}

/** « Clauses à réécrire »: the imported clauses reviewed for clarity, crossed with the complaints disputing them. */
export async function clauseReport(
  database: Database,
  organisationId: string,
  from: CalendarDate,
  to: CalendarDate,
) {
  const { db } = database;
  const [clauses, disputes, members] = await Promise.all([
    clausesOf(db, organisationId),
    disputesByClause(database, organisationId, from, to),
    membershipsOn(db, organisationId, to),
  ]);
  const defined = definedTerms(clauses.map((c) => c.text));
  const reviewed = clauses.map((c) => ({
    clauseId: c.id,
    label: c.product ? `${c.title} (${c.product})` : c.title,
    review: reviewClause(c.text, defined),
  }));
  const ranking = rankClauses(disputes, members);
  const perClause = clauses.map((c) => {
    const matching = disputes.filter(
      (d) => d.clauseId === c.topic && (c.product === null || d.product === c.product),
    );
    const complaints = matching.reduce((n, d) => n + d.complaints, 0);
    const membersOfClause = members
      .filter((m) => c.product === null || m.product === c.product)
      .reduce((n, m) => n + m.members, 0);
    const known = matching.every((d) => members.some((m) => m.product === d.product));
    return {
      clauseId: c.id,
      complaints,
      ...(known && membersOfClause > 0
        ? { perThousand: Math.round(((complaints * 1000) / membersOfClause) * 100) / 100 }
        : {}),
    };
  });
  return {
    clauses: reviewed.map((r, i) => ({
      id: r.clauseId,
      title: clauses[i]!.title,
      text: clauses[i]!.text,
      product: clauses[i]!.product,
      topic: clauses[i]!.topic,
      review: r.review,
    })),
    toRewrite: clausesToRewrite(reviewed, perClause),
    ranking,
    products: rankProducts(disputes, members),
  };
}
