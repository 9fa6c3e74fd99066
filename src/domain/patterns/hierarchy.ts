import { cellKey, codesOf, dimensionCount, intersection, isAncestor } from './cells.ts';
import { binomialUpperTail, negativeBinomialUpperTail } from './distributions.ts';
import type { Expectation } from './expectation.ts';

/**
 * One alert per phenomenon: among the cells found significant in a week, keep the most specific combination that
 * explains the excess, and nothing that merely repeats it (docs/patterns.md, « Une alerte par phénomène »).
 *
 * 1. A cell is explained by a significant descendant when what is left once the descendant is taken out is no
 *    longer unusual (a spike on « produit A × Bretagne » also lifts « produit A » and « Bretagne »).
 * 2. A cell adds no information over a kept ancestor when its share of the ancestor's count is what history
 *    predicts (a spike on « produit A » lifts every region of A in proportion): binomial test of the share.
 * 3. Overlapping cells (« Résiliation × téléphone » beside « Résiliation × produit A »): the most surprising first,
 *    a cell is dropped when, once the kept phenomenon it overlaps is accounted for, nothing unusual is left.
 * The explanation tests use `alpha` (0.001 by default): a remainder must be clearly unusual to stand on its own.
 */

/** A descendant expected to hold at least this share of its parent is the same phenomenon, named longer. */
const SAME_CELL_SHARE = 0.9;

export interface TestedCell {
  key: number;
  observed: number;
  expectation: Expectation;
  pValue: number;
}

export interface CellLookup {
  observedOf(key: number): number;
  expectationOf(key: number): Expectation | undefined;
}

/** Is the count left in `outer` once `inner` (contained in it) is taken out still unusual? */
function remainderUnusual(outer: TestedCell, inner: number, lookup: CellLookup, alpha: number): boolean {
  const innerExpectation = lookup.expectationOf(inner);
  const remaining = outer.observed - lookup.observedOf(inner);
  if (!innerExpectation) return true;
  const expected = Math.max(outer.expectation.expected - innerExpectation.expected, 1e-6);
  // The remainder keeps the outer cell's over-dispersion.
  const ratio = outer.expectation.variance / Math.max(outer.expectation.expected, 1e-9);
  return negativeBinomialUpperTail(remaining, expected, expected * ratio) < alpha;
}

/**
 * Is `cell` still unusual once a kept phenomenon `other` that overlaps it is accounted for? When the intersection
 * is itself a cell (three dimensions at most) its count is taken out; otherwise (four dimensions) its expected
 * share is estimated from `other`'s share of its own parent on `cell`'s dimensions, and `cell`'s expectation is
 * raised by that share times `other`'s excess ratio.
 */
function unusualBeside(cell: TestedCell, other: TestedCell, lookup: CellLookup, alpha: number): boolean {
  const shared = intersection(cell.key, other.key);
  if (shared === null) return true;
  if (shared !== undefined) return remainderUnusual(cell, shared, lookup, alpha);
  const cellCodes = codesOf(cell.key);
  const restricted = cellKey(codesOf(other.key).map((c, i) => (cellCodes[i] !== 0 ? c : 0)));
  const parent = lookup.expectationOf(restricted);
  if (!parent) return true;
  const share = Math.min(1, other.expectation.expected / Math.max(parent.expected, 1e-9));
  const ratio = other.observed / Math.max(other.expectation.expected, 1e-9);
  const expected = cell.expectation.expected * (1 + share * Math.max(0, ratio - 1));
  const dispersion = cell.expectation.variance / Math.max(cell.expectation.expected, 1e-9);
  return negativeBinomialUpperTail(cell.observed, expected, expected * dispersion) < alpha;
}

/** Is `child` more concentrated within `ancestor` than history predicts? */
function concentrated(child: TestedCell, ancestor: TestedCell, alpha: number): boolean {
  const share = Math.min(1, child.expectation.expected / Math.max(ancestor.expectation.expected, 1e-9));
  return binomialUpperTail(child.observed, ancestor.observed, share) < alpha;
}

export function keepMostSpecific(
  significant: readonly TestedCell[],
  lookup: CellLookup,
  alpha: number,
): TestedCell[] {
  // 1. Parents explained by a significant descendant. A descendant that is nearly all of its parent (a channel
  // that takes 95 % of the complaints) is not more specific, only longer to read: the parent stays.
  const afterParents = significant.filter(
    (cell) =>
      !significant.some(
        (other) =>
          isAncestor(cell.key, other.key) &&
          other.expectation.expected < SAME_CELL_SHARE * cell.expectation.expected &&
          !remainderUnusual(cell, other.key, lookup, alpha),
      ),
  );
  // 2. Children that add nothing over a kept ancestor.
  const afterChildren = afterParents.filter(
    (cell) =>
      !afterParents.some((other) => isAncestor(other.key, cell.key) && !concentrated(cell, other, alpha)),
  );
  // 3. Overlaps (neither contains the other, steps 1–2 settled those): the most surprising first, since the
  // strongest phenomenon is the one that lifts its neighbours.
  const ordered = [...afterChildren].sort(
    (a, b) => a.pValue - b.pValue || dimensionCount(b.key) - dimensionCount(a.key),
  );
  const kept: TestedCell[] = [];
  for (const cell of ordered) {
    const explained = kept.some((other) => {
      if (isAncestor(other.key, cell.key) || isAncestor(cell.key, other.key)) return false;
      return !unusualBeside(cell, other, lookup, alpha);
    });
    if (!explained) kept.push(cell);
  }
  return kept;
}
