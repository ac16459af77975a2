"use server";

import { tenantAction } from "@/lib/actions/tenant-action";
import { addOrigin } from "@/lib/cors/add-origin";
import { addOriginSchema, removeOriginSchema } from "@/lib/cors/origin.types";
import { removeOrigin } from "@/lib/cors/remove-origin";
import { MANAGERS } from "@/lib/tenancy/resolve-tenant";

export const addOriginAction = tenantAction(
  { roles: MANAGERS, schema: addOriginSchema, revalidate: "/cors" },
  async (ctx, input) => {
    const row = await addOrigin(ctx, input);
    return { ok: true, message: `${row.origin} added`, data: { originId: row.id } };
  },
);

export const removeOriginAction = tenantAction(
  { roles: MANAGERS, schema: removeOriginSchema, revalidate: "/cors" },
  async (ctx, input) => {
    const row = await removeOrigin(ctx, input.originId);
    return { ok: true, message: `${row.origin} removed` };
  },
);
