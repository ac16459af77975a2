import type { ServerResponse } from "node:http";

/**
 * Write coalescing for the hot path. A process that writes each answer the moment it is ready
 * wakes its idle peer (the gateway) once per write, and on a virtual machine a wake-up
 * costs more CPU than the request itself (measured: a node:http server doing 40 µs of work per
 * request spends 90 µs per request writing as it goes, 68 µs batching; bench/README.md). So
 * the answers of one event-loop turn are written together when the turn ends (setImmediate runs
 * right after the poll phase): at low load a turn holds one request and nothing waits. Commands
 * to Redis are grouped differently (lib/limiter/script-pipe.ts).
 */
let pendingResponses: { res: ServerResponse; payload: string }[] = [];

function endResponses() {
  const batch = pendingResponses;
  pendingResponses = [];
  for (const { res, payload } of batch) res.end(payload);
}

/** Ends `res` with `payload` at the end of this event-loop turn (headers already set). */
export function endAtEndOfTurn(res: ServerResponse, payload: string) {
  pendingResponses.push({ res, payload });
  if (pendingResponses.length === 1) setImmediate(endResponses);
}
