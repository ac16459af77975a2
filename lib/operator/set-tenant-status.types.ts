import { z } from "zod";
import { tenantIdField } from "./fields";

export const setTenantStatusSchema = z.object({
  tenantId: tenantIdField,
  status: z.enum(["ACTIVE", "SUSPENDED"], "Choose active or suspended"),
});

export type SetTenantStatusInput = z.input<typeof setTenantStatusSchema>;

/** Suspend and reactivate are separate actions: the form names only the tenant. */
export const tenantTargetSchema = z.object({ tenantId: tenantIdField });
