"use server";

import { tenantAction } from "@/lib/actions/tenant-action";
import { updateKeyLimits } from "@/lib/keys/update-key-limits";
import { deleteEndpointRule } from "@/lib/limits/delete-endpoint-rule";
import {
  deleteEndpointRuleSchema,
  endpointRuleSchema,
  failureModeSchema,
  ipLimitSchema,
  keyLimitsSchema,
  simulateSchema,
  updateEndpointRuleSchema,
} from "@/lib/limits/limits.types";
import { saveEndpointRule } from "@/lib/limits/save-endpoint-rule";
import { setFailureMode } from "@/lib/limits/set-failure-mode";
import { setIpLimit } from "@/lib/limits/set-ip-limit";
import { simulateRequest } from "@/lib/limits/simulate";
import { ALL_ROLES, MANAGERS } from "@/lib/tenancy/resolve-tenant";

const revalidate = "/limits";

export const createRuleAction = tenantAction(
  { roles: MANAGERS, schema: endpointRuleSchema, revalidate },
  async (ctx, input) => {
    await saveEndpointRule(ctx, input);
    return { ok: true, message: `Rule for ${input.method} ${input.pathPattern} added` };
  },
);

export const updateRuleAction = tenantAction(
  { roles: MANAGERS, schema: updateEndpointRuleSchema, revalidate },
  async (ctx, input) => {
    await saveEndpointRule(ctx, input);
    return { ok: true, message: "Saved" };
  },
);

export const deleteRuleAction = tenantAction(
  { roles: MANAGERS, schema: deleteEndpointRuleSchema, revalidate },
  async (ctx, input) => {
    await deleteEndpointRule(ctx, input.ruleId);
    return { ok: true, message: "Rule deleted" };
  },
);

export const setIpLimitAction = tenantAction(
  { roles: MANAGERS, schema: ipLimitSchema, revalidate },
  async (ctx, input) => {
    await setIpLimit(ctx, input.ipPerMinute ?? null);
    return {
      ok: true,
      message: input.ipPerMinute ? `At most ${input.ipPerMinute} requests per minute per IP` : "No IP limit",
    };
  },
);

export const setFailureModeAction = tenantAction(
  { roles: MANAGERS, schema: failureModeSchema, revalidate },
  async (ctx, input) => {
    await setFailureMode(ctx, input.failureMode);
    return {
      ok: true,
      message:
        input.failureMode === "OPEN"
          ? "Fail open: while Redis is unreachable, a local limiter decides"
          : "Fail closed: while Redis is unreachable, requests get 503",
    };
  },
);

export const updateKeyLimitsAction = tenantAction(
  { roles: MANAGERS, schema: keyLimitsSchema, revalidate },
  async (ctx, input) => {
    await updateKeyLimits(ctx, input.keyId, {
      perMinute: input.perMinute ?? null,
      perHour: input.perHour ?? null,
      burst: input.burst ?? null,
    });
    return { ok: true, message: "Saved" };
  },
);

/** Read-only: any member may simulate. */
export const simulateAction = tenantAction(
  { roles: ALL_ROLES, schema: simulateSchema },
  async (ctx, input) => {
    const result = await simulateRequest(ctx, input);
    return { ok: true, data: { result: JSON.stringify(result) } };
  },
);
