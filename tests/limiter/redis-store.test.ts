// Redis-specific behaviour, on private servers: SCRIPT FLUSH here cannot disturb anyone.
import { Cluster, Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLEAR_LOGS_SCRIPT } from "@/lib/limiter/clear-logs.lua";
import { CLEAR_LOGS_SHA1, RedisLimiterStore, SLIDING_WINDOW_SHA1 } from "@/lib/limiter/redis-store";
import { SLIDING_WINDOW_SCRIPT } from "@/lib/limiter/sliding-window.lua";
import { KeySpace, spec } from "./support/limits";
import { type RedisServers, startRedisCluster, startStandaloneRedis } from "./support/redis-servers";

const commandCalls = async (redis: Redis, command: string) => {
  const line = (await redis.info("commandstats"))
    .split("\n")
    .find((l) => l.startsWith(`cmdstat_${command}:`));
  return Number(line?.match(/calls=(\d+)/)?.[1] ?? 0);
};

describe("RedisLimiterStore on a standalone node", () => {
  let servers: RedisServers;
  let redis: Redis;
  let store: RedisLimiterStore;

  beforeAll(async () => {
    servers = await startStandaloneRedis();
    redis = new Redis(servers.ports[0] ?? 0, "127.0.0.1");
    store = new RedisLimiterStore(redis);
  });
  afterAll(async () => {
    await redis.quit();
    await servers.stop();
  });

  it("falls back to one EVAL on NOSCRIPT, then runs on EVALSHA again", async () => {
    const limit = [spec("tenant", new KeySpace().key("pool"), 60_000, 10)];
    await store.check(limit); // a fresh node: NOSCRIPT, then EVAL
    await store.check(limit);
    await redis.script("FLUSH");
    const afterFlush = await store.check(limit);
    await store.check(limit);
    expect(afterFlush.states[0]?.used).toBe(3);
    expect(await commandCalls(redis, "eval")).toBe(2);
    expect(await commandCalls(redis, "evalsha")).toBe(4);
    expect(await redis.script("EXISTS", SLIDING_WINDOW_SHA1)).toEqual([1]);
  });

  it("computes the same SHA1s as Redis", async () => {
    expect(await redis.script("LOAD", SLIDING_WINDOW_SCRIPT)).toBe(SLIDING_WINDOW_SHA1);
    expect(await redis.script("LOAD", CLEAR_LOGS_SCRIPT)).toBe(CLEAR_LOGS_SHA1);
  });

  it("recovers the clear script after SCRIPT FLUSH too", async () => {
    const key = new KeySpace().key("pool");
    await store.check([spec("tenant", key, 60_000, 10, 4)]);
    await redis.script("FLUSH");
    expect(await store.clear([key])).toBe(4);
    expect(await redis.script("EXISTS", CLEAR_LOGS_SHA1)).toEqual([1]);
  });

  it("counts exactly the units stamped after now - W, on every path through the script", async () => {
    // Redis TIME cannot be faked, so stamp units one per ms around the window edge instead and
    // compare each answer with its own `now`: the oldest unit counted must be now - W + 1.
    const W = 1_000;
    const key = new KeySpace().key("key");
    const { now: start } = await store.peek([spec("burst", key, W, 1)]);
    await redis.zadd(key, ...Array.from({ length: 100 }, (_, i) => [start - W + i, `stamped:${i}`]).flat());
    const wide = 1_000_000;
    const shortBesideLong = [spec("key_hour", key, 3_600_000, wide), spec("burst", key, W, wide)];
    const answers = [
      await store.peek([spec("burst", key, W, wide)]), // ZCOUNT, no trim
      await store.check(shortBesideLong), // ZCOUNT for the short window
      await store.check([spec("burst", key, W, wide)]), // trim, then ZCARD
    ];
    let consumed = 0;
    for (const answer of answers) {
      const burst = answer.states.at(-1);
      const stampedInWindow = 99 - (answer.now - start);
      expect(stampedInWindow).toBeGreaterThan(0); // (the three calls took < 99 ms)
      expect(burst?.used).toBe(stampedInWindow + consumed + (answer === answers[0] ? 0 : 1));
      // Beside the hour, which holds more and binds, a check does not look the burst's reset up.
      expect(burst?.resetAt).toBe(answer === answers[1] ? null : answer.now + 1);
      if (answer !== answers[0]) consumed++;
    }
    expect(answers[1]?.binding).toBe(0);
    expect(answers[1]?.states[0]?.resetAt).toBe(start - W + 3_600_000);
    const [, oldest] = await redis.zrange(key, 0, "0", "WITHSCORES");
    expect(Number(oldest)).toBe((answers[2]?.now ?? 0) - W + 1);
  });

  it("stores one unique member per unit, expiring with the longest window", async () => {
    const key = new KeySpace().key("key");
    const limits = [spec("burst", key, 1_000, 50, 3), spec("key_hour", key, 3_600_000, 50, 3)];
    const first = await store.check(limits);
    await store.check(limits);
    const members = await redis.zrange(key, 0, "-1", "WITHSCORES");
    expect(members).toHaveLength(12);
    expect(new Set(members.filter((_, i) => i % 2 === 0)).size).toBe(6);
    expect(Number(members[1])).toBe(first.now);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(3_590_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });
});

describe("RedisLimiterStore on a 3-master cluster", () => {
  let servers: RedisServers;
  let cluster: Cluster;
  let nodes: Redis[];
  let store: RedisLimiterStore;

  beforeAll(async () => {
    servers = await startRedisCluster();
    cluster = new Cluster(servers.ports.map((port) => ({ host: "127.0.0.1", port })));
    nodes = servers.ports.map((port) => new Redis(port, "127.0.0.1"));
    store = new RedisLimiterStore(cluster, { quitOnClose: true });
  });
  afterAll(async () => {
    await store.close();
    await Promise.all(nodes.map((node) => node.quit()));
    await servers.stop();
  });

  /** Which node holds a key, asked of every node directly: GETKEYSINSLOT answers without MOVED. */
  const ownerOf = async (key: string) => {
    const slot = Number(await nodes[0]?.cluster("KEYSLOT", key));
    const held = await Promise.all(
      nodes.map(async (node) => (await node.cluster("GETKEYSINSLOT", slot, 100)) as string[]),
    );
    const owners = held.flatMap((keys, n) => (keys.includes(key) ? [n] : []));
    expect(owners).toHaveLength(1);
    return { node: owners[0] ?? -1, slot };
  };

  it("runs the script on the node that owns the tenant's slot, for tenants on every node", async () => {
    await Promise.all(nodes.map((node) => node.script("FLUSH")));
    const owners = new Set<number>();
    for (let i = 0; i < 30 && owners.size < nodes.length; i++) {
      const space = new KeySpace();
      const limits = [spec("tenant", space.key("pool"), 60_000, 10), spec("ip", space.key("ip"), 60_000, 10)];
      const before = await Promise.all(nodes.map((node) => node.script("EXISTS", SLIDING_WINDOW_SHA1)));
      expect((await store.check(limits)).allowed).toBe(true);
      const { node: owner, slot } = await ownerOf(space.key("pool"));
      expect((await ownerOf(space.key("ip"))).node).toBe(owner);
      // Only the owner gained the script (EVAL after NOSCRIPT caches it where it ran).
      const after = await Promise.all(nodes.map((node) => node.script("EXISTS", SLIDING_WINDOW_SHA1)));
      after.forEach((cached, n) => {
        expect(cached).toEqual(n === owner ? [1] : before[n]);
      });
      const ownerPort = servers.ports[owner];
      const slots = (await nodes[0]?.cluster("SLOTS")) ?? [];
      const owning = slots.find(([from, to]) => from <= slot && slot <= to);
      expect(owning?.[2]?.[1]).toBe(ownerPort);
      expect(await store.clear([space.key("pool"), space.key("ip")])).toBe(2);
      owners.add(owner);
    }
    expect(owners.size).toBe(nodes.length);
  });

  it("rejects keys of two tenants before Redis would answer CROSSSLOT", async () => {
    const limits = [
      spec("tenant", new KeySpace().key("pool"), 60_000, 10),
      spec("ip", new KeySpace().key("ip"), 60_000, 10),
    ];
    await expect(store.check(limits)).rejects.toThrow(/must share one hash tag/);
  });
});
