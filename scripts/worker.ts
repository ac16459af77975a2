// `tsx scripts/worker.ts`: the background worker (policy publication, service tokens, mail).
// `npm start` runs it as one of its children; SIGINT/SIGTERM stop it after the job in progress.
import { config } from "dotenv";
import { disconnectDb } from "@/lib/db";
import { embeddedDatabaseUrl } from "@/lib/dev/embedded-postgres";
import { closeRedis, redis } from "@/lib/redis";
import { runWorker } from "@/lib/worker/run-worker";
import { workerJobs } from "@/lib/worker/worker-jobs";

config({ path: [".env.local", ".env"], quiet: true });
process.env.DATABASE_URL ||= embeddedDatabaseUrl(); // beside a running `npm start`, as the seed does

const client = redis();
const jobs = workerJobs(client);
if (!client) console.log("no REDIS_URL: nothing to publish (the validation API reads Postgres)");
if (!process.env.SMTP_URL) console.log("no SMTP_URL: queued mail stays in the outbox");
console.log(`worker running: ${jobs.map((job) => job.name).join(", ") || "nothing to do"}`);

const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stop.signal.aborted) process.exit(1); // a second signal: stop now
    stop.abort();
  });
}

await runWorker(jobs, stop.signal);
await closeRedis();
await disconnectDb();
console.log("worker stopped");
