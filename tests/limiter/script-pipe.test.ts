import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptPipe } from "@/lib/limiter/script-pipe";
import { defineScript, runScript } from "@/lib/limiter/script-runner";
import { startPrivateRedis } from "../support/private-redis";

const ECHO = defineScript("return {tonumber(ARGV[1]) * 2, redis.call('INCR', KEYS[1])}");
const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(condition()).toBe(true);
};

describe("ScriptPipe (the validation API's connection for limiter checks)", () => {
  let server: Awaited<ReturnType<typeof startPrivateRedis>>;
  let pipe: ScriptPipe;
  let redis: Redis;

  beforeAll(async () => {
    server = await startPrivateRedis();
    redis = new Redis(server.url);
    pipe = ScriptPipe.fromUrl(server.url, 150) as ScriptPipe;
    await waitFor(() => pipe.isReady);
  });
  afterAll(async () => {
    pipe.close();
    redis.disconnect();
    await server.stop();
  });

  it("runs a script never loaded (NOSCRIPT, then EVAL), then by its SHA, and keeps replies in order", async () => {
    await redis.script("FLUSH");
    expect(await runScript(pipe, ECHO, ["{t}:n"], [21])).toEqual([42, 1]);
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => runScript(pipe, ECHO, ["{t}:n"], [i])),
    );
    expect(replies.map((r) => (r as number[])[0])).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(replies.map((r) => (r as number[])[1]).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 2),
    );
  });

  it("rejects a script error as an error", async () => {
    const broken = defineScript("return redis.call('NOSUCHCOMMAND')");
    await expect(runScript(pipe, broken, ["{t}:x"], [])).rejects.toThrow(
      /Unknown Redis command|unknown command/i,
    );
  });

  it("fails a command within its timeout while Redis is frozen, and drops the late reply", async () => {
    server.signal("SIGSTOP");
    const started = Date.now();
    const frozen = runScript(pipe, ECHO, ["{t}:late"], [1]);
    await expect(frozen).rejects.toThrow("timed out");
    expect(Date.now() - started).toBeLessThan(500); // 150 ms and a sweep tick, with room for a busy CI
    server.signal("SIGCONT");
    // The late reply to the frozen call is dropped: the next caller gets its own answer.
    expect(await runScript(pipe, ECHO, ["{t}:late"], [5])).toEqual([10, 2]);
  });

  it("fails the commands queued behind an overdue one with it, and the late replies still line up", async () => {
    server.signal("SIGSTOP");
    const first = runScript(pipe, ECHO, ["{t}:queue"], [1]).catch((e: Error) => ({
      failedAt: Date.now(),
      e,
    }));
    await new Promise((r) => setTimeout(r, 100));
    const second = runScript(pipe, ECHO, ["{t}:queue"], [2]).catch((e: Error) => ({
      failedAt: Date.now(),
      e,
    }));
    const [a, b] = (await Promise.all([first, second])) as { failedAt: number; e: Error }[];
    server.signal("SIGCONT");
    expect(b.e.message).toContain("timed out");
    // The second was sent 100 ms after the first: it fails with it, not 150 ms after its own start.
    expect(Math.abs(b.failedAt - a.failedAt)).toBeLessThan(40);
    // Both late replies are dropped; the next caller gets its own answer (the third INCR).
    expect(await runScript(pipe, ECHO, ["{t}:queue"], [7])).toEqual([14, 3]);
  });

  it("fails at once while disconnected and reconnects by itself after a restart", async () => {
    server.signal("SIGKILL");
    await waitFor(() => !pipe.isReady);
    await expect(runScript(pipe, ECHO, ["{t}:r"], [1])).rejects.toThrow("not ready");
    await server.restart();
    await waitFor(() => pipe.isReady);
    expect(await runScript(pipe, ECHO, ["{t}:r"], [3])).toEqual([6, 1]);
  });
});
