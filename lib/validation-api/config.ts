/** The validation API's settings, from the environment. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const int = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
    return value;
  };
  return {
    host: env.VALIDATION_API_HOST ?? "127.0.0.1",
    port: int("VALIDATION_API_PORT", 8787),
    /** Forked worker processes sharing the port (node:cluster). */
    workers: Math.max(1, int("VALIDATION_WORKERS", 1)),
    /** Copies running in total (all hosts): the fail-open limiter gets 1/n of each limit. */
    processes: Math.max(1, int("VALIDATION_PROCESSES", int("VALIDATION_WORKERS", 1))),
    redisTimeoutMs: int("REDIS_COMMAND_TIMEOUT_MS", 150),
  };
}

export type ValidationConfig = ReturnType<typeof readConfig>;

/**
 * Node flags the validation API runs with (V8 refuses them at run time and in NODE_OPTIONS,
 * so every launcher passes them). With one GC thread, V8 stops competing with Redis and the
 * gateway for this machine's two cores: ~8 % less CPU per check in 4 of 5 A/B pairs at full
 * load; on the paced p99 the effect was not consistent (bench/README.md).
 */
export const VALIDATION_API_NODE_FLAGS = ["--single-threaded-gc"];
