import type { ApiContext } from "../api-context";
import { parseCheckInput } from "../check-input";
import { decide } from "../decide";
import { decisionJson } from "../decision";
import {
  type ApiRequest,
  type ApiResponse,
  bearer,
  errorResponse,
  HttpError,
  jsonBody,
  rawJson,
} from "../http-io";

/** POST /v1/check — the platform's services ask about one request and copy the answer. */
export async function checkRoute(req: ApiRequest, ctx: ApiContext): Promise<ApiResponse> {
  if (!(await ctx.serviceAuth.verify(bearer(req)))) {
    return errorResponse(new HttpError("UNAUTHORIZED"), { "www-authenticate": 'Bearer realm="sluice"' });
  }
  const input = parseCheckInput(jsonBody(req));
  const decision = await decide(input, ctx.deps);
  // The headers to copy travel in the body (`decision.headers`); not also as HTTP headers.
  return rawJson(200, decisionJson(decision));
}
