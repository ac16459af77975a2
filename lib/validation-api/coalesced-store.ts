import type { Socket } from "node:net";
import { type Cluster, Redis } from "ioredis";
import type { LimiterStore } from "@/lib/limiter/types";

/** Checks whose commands go to Redis in one write. */
const CHECKS_PER_WRITE = 16;

/**
 * The limiter store with its checks' commands written to Redis in groups of up to 16, and what
 * is left at the end of the event-loop turn. Each write that finds Redis idle wakes it, which on
 * these VMs costs about as much CPU as the check itself (see end-of-turn.ts); holding every
 * command of a turn until its end was slower (Redis then idles while Node parses the turn's
 * requests), groups of 16 keep both busy: +10 % rps and a lower p99 in interleaved runs
 * (bench/README.md). A Cluster spreads commands over several connections; it is left as it is.
 */
export function withCoalescedWrites(store: LimiterStore, redis: Redis | Cluster): LimiterStore {
  if (!(redis instanceof Redis)) return store;
  let corked: Socket | null = null;
  let held = 0;
  const releaseAtEndOfTurn = () => {
    corked?.uncork();
    corked = null;
    held = 0;
  };
  return {
    check(specs) {
      if (redis.status !== "ready") return store.check(specs);
      if (!corked) {
        corked = redis.stream as Socket;
        corked.cork();
        setImmediate(releaseAtEndOfTurn);
      }
      const result = store.check(specs); // queues its EVALSHA on the corked socket
      if (++held === CHECKS_PER_WRITE) {
        corked.uncork();
        corked.cork();
        held = 0;
      }
      return result;
    },
    peek: (specs) => store.peek(specs),
    clear: (keys) => store.clear(keys),
    close: () => store.close(),
  };
}
