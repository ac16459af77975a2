/** Retries `probe` until `ok` holds or `timeoutMs` pass; returns the last value for the caller to assert on. */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 3_000,
  everyMs = 100,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
