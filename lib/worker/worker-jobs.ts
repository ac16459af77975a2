import { deliverPending } from "@/lib/mail/outbox";
import { publishServiceTokens } from "@/lib/policy/publish-service-tokens";
import type { RedisClient } from "@/lib/redis";
import { flushKeyUsage } from "./flush-key-usage";
import { republishIfRedisEmpty } from "./republish-everything";
import { republishLagging } from "./republish-lagging";

export type WorkerJob = {
  name: string;
  /** Least time between two successful runs; a failed run is retried on the next tick. */
  everyMs: number;
  run: () => Promise<unknown>;
};

/**
 * What the worker does, given its Redis client (null: embedded mode without Redis, where the
 * validation API reads Postgres and there is nothing to publish).
 *
 * Adjustments that end need no job: every snapshot carries each adjustment's endsAt and the
 * validation API stops applying it at that moment; the next publication drops it.
 */
export function workerJobs(
  client: RedisClient | null,
  env: Record<string, string | undefined> = process.env,
): WorkerJob[] {
  const jobs: WorkerJob[] = [];
  if (client) {
    jobs.push({
      name: "policy publication",
      everyMs: 1000,
      // After a Redis restart everything is republished; otherwise only what lags.
      run: async () => (await republishIfRedisEmpty(client)) || (await republishLagging(client)),
    });
    jobs.push({ name: "key usage", everyMs: 5_000, run: () => flushKeyUsage(client) });
    // Service tokens have no version to compare: reconcile them now and then.
    jobs.push({
      name: "service token publication",
      everyMs: 30_000,
      run: () => publishServiceTokens(client),
    });
  }
  if (env.SMTP_URL) jobs.push({ name: "mail delivery", everyMs: 1000, run: () => deliverPending() });
  return jobs;
}
