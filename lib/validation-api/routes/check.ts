import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext } from "../api-context";
import { parseCheckInput } from "../check-input";
import { decide } from "../decide";
import { decisionJson } from "../decision";
import { bearer, HttpError, readJson, sendError, sendRaw } from "../http-io";

/** POST /v1/check — the platform's services ask about one request and copy the answer. */
export async function checkRoute(req: IncomingMessage, res: ServerResponse, ctx: ApiContext) {
  if (!(await ctx.serviceAuth.verify(bearer(req)))) {
    return sendError(res, new HttpError("UNAUTHORIZED"), { "www-authenticate": 'Bearer realm="sluice"' });
  }
  const input = parseCheckInput(await readJson(req));
  const decision = await decide(input, ctx.deps);
  // The headers to copy travel in the body (`decision.headers`); not also as HTTP headers.
  sendRaw(res, 200, decisionJson(decision));
}
