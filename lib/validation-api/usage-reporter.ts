import type { Cluster, Redis } from "ioredis";
import { KEY_LAST_USED } from "@/lib/policy/redis-keys";

/**
 * Remembers when each key was last admitted and reports it to Redis every few seconds in one
 * HSET, so the dashboard can show "last used" without a write per request.
 */
export class UsageReporter {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly redis: Redis | Cluster | null) {}

  touch(keyId: string, at: number) {
    this.pending.set(keyId, at);
  }

  start(everyMs = 5_000) {
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  async flush() {
    if (!this.redis || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const fields: string[] = [];
    for (const [keyId, at] of batch) fields.push(keyId, String(at));
    try {
      await this.redis.hset(KEY_LAST_USED, ...fields);
    } catch {
      // Redis is down: keep the newest times for the next flush.
      for (const [keyId, at] of batch) if (!this.pending.has(keyId)) this.pending.set(keyId, at);
    }
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
