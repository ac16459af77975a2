"use server";

import { z } from "zod";
import { tenantAction } from "@/lib/actions/tenant-action";
import { clearCounter } from "@/lib/counters/clear-counter";
import { counterTargetSchema } from "@/lib/counters/counter-target";
import { MANAGERS } from "@/lib/tenancy/resolve-tenant";

/** The target travels as one JSON field so every kind of counter uses the same form. */
const clearSchema = z.object({
  target: z
    .string()
    .max(300)
    .transform((raw, ctx) => {
      try {
        return counterTargetSchema.parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: "custom", message: "Unknown counter" });
        return z.NEVER;
      }
    }),
});

export const clearCounterAction = tenantAction(
  { roles: MANAGERS, schema: clearSchema, revalidate: "/counters" },
  async (ctx, input) => {
    const { label, units } = await clearCounter(ctx, input.target);
    return { ok: true, message: `Cleared ${label} (it held ${units} unit${units === 1 ? "" : "s"})` };
  },
);
