/**
 * Counts failed logins per account name that matches no account and locks the name for a while after too many, so an
 * unknown email answers like a known one (a known account counts on its row: `UsersRepository.recordFailedAttempt`,
 * with the same limits). Per-IP limits come from the throttler on the login route.
 */
export class LoginAttempts {
  private readonly failures = new Map<string, { count: number; lockedUntil: number; lastAt: number }>();

  constructor(
    readonly maxFailures = 5,
    readonly lockMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  isLocked(key: string): boolean {
    const entry = this.failures.get(key);
    return !!entry && entry.lockedUntil > this.now();
  }

  /** Records a failure; returns true when this failure locks the account name. */
  fail(key: string): boolean {
    const now = this.now();
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0, lastAt: now };
    if (now - entry.lastAt > this.lockMs) entry.count = 0;
    entry.count += 1;
    entry.lastAt = now;
    const locks = entry.count >= this.maxFailures;
    if (locks) {
      entry.lockedUntil = now + this.lockMs;
      entry.count = 0;
    }
    this.failures.set(key, entry);
    if (this.failures.size > 100_000) this.prune();
    return locks;
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (entry.lockedUntil < now && now - entry.lastAt > this.lockMs) this.failures.delete(key);
  }
}
