import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext } from "../api-context";
import { parseCheckInput } from "../check-input";
import { decide } from "../decide";
import { bearer, HttpError, readJson, sendError, sendJson } from "../http-io";

/** POST /v1/check — the platform's services ask about one request and copy the answer. */
export async function checkRoute(req: IncomingMessage, res: ServerResponse, ctx: ApiContext) {
  if (!(await ctx.serviceAuth.verify(bearer(req)))) {
    return sendError(res, new HttpError("UNAUTHORIZED"), { "www-authenticate": 'Bearer realm="sluice"' });
  }
  const input = parseCheckInput(await readJson(req));
  const decision = await decide(input, ctx.deps);
  sendJson(res, 200, decision, decision.headers);
}
