/**
 * Write coalescing for the hot path. A process that writes each answer the moment it is ready
 * wakes its idle peer (the gateway) once per write, and on a virtual machine a wake-up
 * costs more CPU than the request itself (measured: a node:http server doing 40 µs of work per
 * request spends 90 µs per request writing as it goes, 68 µs batching; bench/README.md). So
 * the answers of one event-loop turn are written together when the turn ends (setImmediate runs
 * right after the poll phase): at low load a turn holds one request and nothing waits. Commands
 * to Redis are grouped differently (lib/limiter/script-pipe.ts).
 */
export type Flushable = { flush(): void };

let due: Flushable[] = [];

function flushDue() {
  const batch = due;
  due = [];
  for (const item of batch) item.flush();
}

/** Calls `item.flush()` at the end of this event-loop turn (callers queue an item once per turn). */
export function flushAtEndOfTurn(item: Flushable) {
  due.push(item);
  if (due.length === 1) setImmediate(flushDue);
}
