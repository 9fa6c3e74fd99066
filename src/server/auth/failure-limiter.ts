/**
 * Counts failures per key over a sliding window (sign-in: per account and per IP address). Only failures count,
 * so that a member who signs in often is never slowed, and each key has its own count, so that failures on one
 * account (or on addresses that have no account) never lock another member out.
 *
 * In memory, per process: enough for one server; several servers behind a load balancer each keep their own
 * count (the limit is then per server), which still bounds guessing to a handful of tries per minute.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    /** Keys kept at most: beyond it the oldest are forgotten (a flood of random accounts cannot fill memory). */
    private readonly capacity = 100_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const kept = times.filter((t) => now - t < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== times.length) this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfter(key: string, now: number): number {
    const times = this.recent(key, now);
    if (times.length < this.max) return 0;
    const oldest = times[times.length - this.max]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  fail(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    // Re-inserting moves the key to the end: the Map's first key is the least recently failed.
    this.failures.delete(key);
    this.failures.set(key, times.slice(-this.max));
    if (this.failures.size > this.capacity) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
