/**
 * A small circuit breaker around the limiter store: after a failure the store is skipped for
 * `coolDownMs` (decisions fall back at once instead of each waiting for a timeout), then tried
 * again by the next request.
 */
export class StoreHealth {
  private downUntil = 0;
  private outageStartedAt = 0;

  constructor(private readonly coolDownMs = 1_000) {}

  isDown(now: number): boolean {
    return now < this.downUntil;
  }

  markDown(now: number) {
    if (!this.outageStartedAt) this.outageStartedAt = now;
    this.downUntil = now + this.coolDownMs;
  }

  markUp() {
    this.downUntil = 0;
    this.outageStartedAt = 0;
  }

  get degradedSince(): number {
    return this.outageStartedAt;
  }
}
