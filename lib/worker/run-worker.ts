import { setTimeout as sleep } from "node:timers/promises";
import { OutageLog } from "./outage-log";
import type { WorkerJob } from "./worker-jobs";

/**
 * Runs the jobs once per tick until `signal` aborts; then returns after the job in progress.
 * A failing job (Redis or Postgres down) is logged once and retried every tick; nothing a job
 * throws stops the loop.
 */
export async function runWorker(jobs: WorkerJob[], signal: AbortSignal, tickMs = 1000): Promise<void> {
  const outages = new OutageLog();
  const lastSuccess = new Map<string, number>();
  while (!signal.aborted) {
    for (const job of jobs) {
      if (signal.aborted) break;
      if (Date.now() - (lastSuccess.get(job.name) ?? Number.NEGATIVE_INFINITY) < job.everyMs) continue;
      try {
        await job.run();
        lastSuccess.set(job.name, Date.now());
        outages.succeeded(job.name);
      } catch (error) {
        outages.failed(job.name, error);
      }
    }
    await sleep(tickMs, undefined, { signal }).catch(() => {}); // aborted: leave the loop
  }
}
