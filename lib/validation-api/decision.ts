import { type ErrorBody, errorBody, REFUSAL_STATUS, type RefusalCode } from "./errors";
import type { BindingLimit } from "./rate-limit-headers";

/** The answer to one check: exactly what the platform should send its client. */
export type Decision = {
  allowed: boolean;
  status: number;
  code: RefusalCode | null;
  tenantId: string | null;
  keyId: string | null;
  cost: number;
  limit: BindingLimit | null;
  retryAfter: number | null;
  headers: Record<string, string>;
  error: ErrorBody | null;
};

export function refusal(
  code: RefusalCode,
  parts: Partial<Omit<Decision, "allowed" | "status" | "code" | "error">> & {
    error?: Partial<ErrorBody>;
  } = {},
): Decision {
  const { error, ...rest } = parts;
  return {
    allowed: false,
    status: REFUSAL_STATUS[code],
    code,
    tenantId: null,
    keyId: null,
    cost: 0,
    limit: null,
    retryAfter: null,
    headers: {},
    ...rest,
    error: errorBody(code, error),
  };
}

const serialized = new WeakMap<Decision, string>();

/**
 * The decision as JSON. Only shared decisions (local refusals, see decisionFromJson) keep their
 * JSON: remembering every admitted request's one-use decision would cost a WeakMap entry each.
 */
export function decisionJson(decision: Decision): string {
  return serialized.get(decision) ?? JSON.stringify(decision);
}

/** A decision parsed from JSON that is already at hand: the route need not serialize it again. */
export function decisionFromJson(json: string): Decision {
  const decision = JSON.parse(json) as Decision;
  serialized.set(decision, json);
  return decision;
}
