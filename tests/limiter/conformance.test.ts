// One suite, three stores: the in-process store, the shared Redis at 127.0.0.1:6379 (random key
// prefixes, never flushed) and a private 3-master Redis Cluster started on free loopback ports.
import { Cluster, Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import { MemoryLimiterStore } from "@/lib/limiter/memory-store";
import { RedisLimiterStore } from "@/lib/limiter/redis-store";
import type { LimiterStore } from "@/lib/limiter/types";
import { countingCases } from "./support/counting-cases";
import { KeySpace } from "./support/limits";
import { startRedisCluster } from "./support/redis-servers";
import { timingCases } from "./support/timing-cases";

type OpenedStore = { store: LimiterStore; close(): Promise<void> };

const backends: [string, () => Promise<OpenedStore>][] = [
  [
    "memory",
    async () => {
      const store = new MemoryLimiterStore();
      return { store, close: () => store.close() };
    },
  ],
  [
    "redis (RESP2)",
    async () => {
      // RESP2 here and ioredis 6's default RESP3 on the cluster: the script's reply must parse in both.
      const redis = new Redis({ host: "127.0.0.1", port: 6379, protocol: 2 });
      const store = new RedisLimiterStore(redis, { quitOnClose: true });
      return { store, close: () => store.close() };
    },
  ],
  [
    "redis cluster",
    async () => {
      const servers = await startRedisCluster();
      const cluster = new Cluster(servers.ports.map((port) => ({ host: "127.0.0.1", port })));
      const store = new RedisLimiterStore(cluster, { quitOnClose: true });
      return {
        store,
        close: async () => {
          await store.close();
          await servers.stop();
        },
      };
    },
  ],
];

describe.each(backends)("%s store", (_name, open) => {
  let opened: OpenedStore | undefined;
  let space = new KeySpace();
  const store = () => {
    if (!opened) throw new Error("store not opened");
    return opened.store;
  };

  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened?.close());
  beforeEach(() => {
    space = new KeySpace();
  });
  // Hour-long windows would otherwise leave logs behind in the shared Redis for an hour.
  afterEach(async () => {
    if (space.keys.length > 0) await store().clear(space.keys);
  });

  countingCases({ store, space: () => space });
  timingCases({ store, space: () => space });
});
