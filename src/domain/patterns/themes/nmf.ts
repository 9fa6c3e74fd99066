import { seededRandom } from '../random.ts';

/**
 * Non-negative matrix factorisation X ≈ W·H of a sparse TF-IDF matrix by the multiplicative updates of Lee D.D. &
 * Seung H.S., "Algorithms for non-negative matrix factorization", NIPS 13, 2001 (Frobenius loss). X is n × v sparse
 * (rows of documents), W is n × k (how much of each theme in each document), H is k × v (the themes' terms).
 * Seeded initialisation: the same documents always give the same themes.
 */

export interface SparseRows {
  /** For each row, its column indices and values. */
  index: Int32Array[];
  value: Float64Array[];
  columns: number;
}

export interface Factorisation {
  w: Float64Array[];
  h: Float64Array[];
}

const EPS = 1e-10;

export function nmf(x: SparseRows, k: number, iterations: number, seed: number): Factorisation {
  const n = x.index.length;
  const v = x.columns;
  const random = seededRandom(seed);
  let mean = 0;
  let nnz = 0;
  for (const row of x.value) {
    for (const val of row) mean += val;
    nnz += row.length;
  }
  const scale = Math.sqrt(mean / Math.max(1, nnz) / k);
  // Seeding by farthest documents (the k-means++ idea, made deterministic): each theme starts from the document
  // least similar to the themes already chosen, so a small but distinct topic gets a theme of its own instead of
  // being absorbed by a large one, which random starts often do.
  const dense = (i: number) => {
    const row = new Float64Array(v);
    x.index[i]!.forEach((c, j) => {
      row[c] = x.value[i]![j]!;
    });
    return row;
  };
  const cosine = (i: number, row: Float64Array) => {
    let s = 0;
    x.index[i]!.forEach((c, j) => {
      s += x.value[i]![j]! * row[c]!;
    });
    return s;
  };
  const chosen: Float64Array[] = [dense(Math.floor(random.uniform() * n))];
  const closest = new Float64Array(n).fill(-1);
  while (chosen.length < k) {
    const last = chosen.at(-1)!;
    let far = 0;
    for (let i = 0; i < n; i++) {
      closest[i] = Math.max(closest[i]!, cosine(i, last));
      if (closest[i]! < closest[far]!) far = i;
    }
    chosen.push(dense(far));
  }
  const h = chosen.map((row) => Float64Array.from(row, (value) => value + scale * 0.01 * random.uniform()));
  const w = Array.from({ length: n }, (_, i) =>
    Float64Array.from(chosen, (row) => Math.max(cosine(i, row), 0) + scale * 0.01 * random.uniform()),
  );
  for (let it = 0; it < iterations; it++) {
    // H ← H ∘ (WᵀX) / (WᵀW H)
    const wtx = Array.from({ length: k }, () => new Float64Array(v));
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      const idx = x.index[i]!;
      const val = x.value[i]!;
      for (let j = 0; j < idx.length; j++) for (let a = 0; a < k; a++) wtx[a]![idx[j]!]! += wi[a]! * val[j]!;
    }
    const wtw = gram(w, k);
    for (let a = 0; a < k; a++) {
      const ha = h[a]!;
      for (let c = 0; c < v; c++) {
        let denominator = 0;
        for (let b = 0; b < k; b++) denominator += wtw[a]![b]! * h[b]![c]!;
        ha[c] = (ha[c]! * wtx[a]![c]!) / (denominator + EPS);
      }
    }
    // W ← W ∘ (X Hᵀ) / (W H Hᵀ)
    const hht = Array.from({ length: k }, (_, a) =>
      Float64Array.from({ length: k }, (_, b) => {
        let s = 0;
        for (let c = 0; c < v; c++) s += h[a]![c]! * h[b]![c]!;
        return s;
      }),
    );
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      const idx = x.index[i]!;
      const val = x.value[i]!;
      const xht = new Float64Array(k);
      for (let j = 0; j < idx.length; j++) for (let a = 0; a < k; a++) xht[a]! += val[j]! * h[a]![idx[j]!]!;
      const next = new Float64Array(k);
      for (let a = 0; a < k; a++) {
        let denominator = 0;
        for (let b = 0; b < k; b++) denominator += wi[b]! * hht[b]![a]!;
        next[a] = (wi[a]! * xht[a]!) / (denominator + EPS);
      }
      w[i] = next;
    }
  }
  return { w, h };
}

function gram(w: Float64Array[], k: number): Float64Array[] {
  const g = Array.from({ length: k }, () => new Float64Array(k));
  for (const row of w) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) g[a]![b]! += row[a]! * row[b]!;
  return g;
}
