/**
 * Logs the first failure of a job and its recovery, not every retry in between: a Redis or
 * Postgres outage is one line, not one per second.
 */
export class OutageLog {
  private failing = new Map<string, string>();

  failed(job: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (this.failing.has(job)) return;
    this.failing.set(job, message);
    console.error(`[worker] ${job} failing: ${message} (retrying; logged once until it recovers)`);
  }

  succeeded(job: string): void {
    if (this.failing.delete(job)) console.log(`[worker] ${job} recovered`);
  }
}
