import type { FailureMode } from "@/generated/prisma/client";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { updateTenantSettings } from "./update-tenant-settings";

/**
 * What the validation API does with this tenant's requests while Redis does not answer: OPEN
 * decides with each process's local limiter (1/n of every limit), CLOSED answers 503.
 */
export function setFailureMode(ctx: TenantContext, failureMode: FailureMode) {
  return updateTenantSettings(ctx, "limits.failure_mode_change", { failureMode });
}
