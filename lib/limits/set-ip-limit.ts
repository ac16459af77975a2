import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { updateTenantSettings } from "./update-tenant-settings";

/** Requests per minute from one source IP across the tenant's keys; null removes the limit. */
export function setIpLimit(ctx: TenantContext, ipPerMinute: number | null) {
  return updateTenantSettings(ctx, "limits.ip_change", { ipPerMinute });
}
