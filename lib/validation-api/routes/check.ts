import type { ApiContext } from "../api-context";
import { parseCheckInput } from "../check-input";
import { decide, timeOf } from "../decide";
import { decisionJson } from "../decision";
import {
  type ApiRequest,
  type ApiResponse,
  bearer,
  bodyText,
  errorResponse,
  HttpError,
  parseJsonBody,
  rawJson,
} from "../http-io";

/** POST /v1/check — the platform's services ask about one request and copy the answer. */
export async function checkRoute(req: ApiRequest, ctx: ApiContext): Promise<ApiResponse> {
  if (!(await ctx.serviceAuth.verify(bearer(req)))) {
    return errorResponse(new HttpError("UNAUTHORIZED"), { "www-authenticate": 'Bearer realm="sluice"' });
  }
  const text = bodyText(req);
  // The headers to copy travel in the body (`decision.headers`); not also as HTTP headers.
  const repeated = ctx.repeatedRefusals.answer(text, timeOf(ctx.deps));
  if (repeated) return rawJson(200, repeated);
  const decision = await decide(parseCheckInput(parseJsonBody(text)), ctx.deps);
  ctx.repeatedRefusals.remember(text, decision);
  return rawJson(200, decisionJson(decision));
}
