import { BinaryCopyParser, type CopyRow, int64 } from '../../db/copy-binary.ts';
import { StreamingMerkle } from '../../domain/audit/merkle.ts';
import { decodeHash } from './chain-states.ts';

/**
 * The log's leaves in leaf order, joined to their events' hashes (binary COPY of this query): what the log pass
 * of the verification reads.
 */
export const LEAVES_SQL = `select l.leaf_index, l.event_seq, e.hash from audit_log_leaves l
  left join audit_events e on e.seq = l.event_seq order by l.leaf_index`;

/** What is wrong with the leaves themselves: numbers missing, or a sealed event that no longer exists. */
export type LeafProblem =
  | { kind: 'gap'; from: number; to: number }
  | { kind: 'event-deleted'; leaf: number; eventSeq: number };

export interface LogRoots {
  /** Number of leaves, counting the missing ones up to the last present. */
  leaves: number;
  /** The root at each asked size the log reaches, as [size, root hex]. */
  roots: [number, string][];
  /** The first `maxProblems` problems; `problemCount` counts them all. */
  problems: LeafProblem[];
  problemCount: number;
}

/**
 * Builds the log's Merkle tree from the chunks of `LEAVES_SQL` (pure: no I/O), keeping the root at each of `sizes`
 * (the checkpoints' tree sizes). Memory O(log n). The same code runs in this thread or in the verification's worker
 * (`merkle-worker.ts`), so both give the same result.
 *
 * A missing leaf or event counts as 32 zero bytes, a malformed hash as 32 bytes 0xff: the roots then differ from
 * the signed ones.
 */
export class LogRootsBuilder {
  private readonly merkle = new StreamingMerkle();
  private readonly sizes: number[];
  private next = 0;
  private readonly roots: [number, string][] = [];
  private readonly problems: LeafProblem[] = [];
  private problemCount = 0;
  private readonly parser: BinaryCopyParser;
  private readonly missing = Buffer.alloc(32);
  private readonly leaf = Buffer.alloc(32);

  constructor(
    sizes: readonly number[],
    private readonly maxProblems = Number.POSITIVE_INFINITY,
  ) {
    this.sizes = [...new Set(sizes)].sort((a, b) => a - b);
    this.parser = new BinaryCopyParser(3, (row) => this.row(row));
    this.rootsDue();
  }

  push(chunk: Buffer) {
    this.parser.push(chunk);
  }

  end(): LogRoots {
    this.parser.end();
    return {
      leaves: this.merkle.size,
      roots: this.roots,
      problems: this.problems,
      problemCount: this.problemCount,
    };
  }

  private problem(p: LeafProblem) {
    this.problemCount += 1;
    if (this.problems.length < this.maxProblems) this.problems.push(p);
  }

  private rootsDue() {
    const { merkle, sizes } = this;
    while (this.next < sizes.length && sizes[this.next] === merkle.size) {
      this.roots.push([merkle.size, merkle.root()]);
      this.next += 1;
    }
  }

  private row({ buf, start, length }: CopyRow) {
    const { merkle } = this;
    const index = int64(buf, start[0]!);
    if (index !== merkle.size) {
      this.problem({ kind: 'gap', from: merkle.size, to: index - 1 });
      while (merkle.size < index) {
        merkle.push(this.missing);
        this.rootsDue();
      }
    }
    if (length[2] === -1) {
      this.problem({ kind: 'event-deleted', leaf: index, eventSeq: int64(buf, start[1]!) });
      merkle.push(this.missing);
    } else {
      if (!decodeHash(buf, start[2]!, length[2]!, this.leaf, 0)) this.leaf.fill(0xff);
      merkle.push(this.leaf);
    }
    this.rootsDue();
  }
}
