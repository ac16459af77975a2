import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { explicitRequest } from "@/lib/request-context";
import { resolveTenant, type TenantContext } from "@/lib/tenancy/resolve-tenant";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

/**
 * The one wrapper for tenant server actions. The form carries the tenant's slug in a hidden
 * `tenant` field; the wrapper resolves session → membership → role (roles declared here, at
 * the call site) before the handler sees any input.
 */
export function tenantAction<S extends z.ZodType>(
  options: {
    roles: readonly Role[];
    schema: S /** Tenant page to re-render on success, e.g. "/members". */;
    revalidate?: string;
  },
  handler: (ctx: TenantContext, input: z.infer<S>) => Promise<FormState | undefined>,
) {
  return async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    const slug = formData.get("tenant");
    if (typeof slug !== "string" || !slug) {
      return {
        ok: false,
        code: "BAD_REQUEST",
        message: "tenant: missing",
        fieldErrors: { tenant: "Missing" },
      };
    }
    let ctx: TenantContext;
    try {
      ctx = await resolveTenant(slug, options.roles);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
    const state = await runAction(options.schema, formData, (input) => handler(ctx, input));
    // Outside a Next request (scripts, tests) there is no page cache to refresh.
    if (state.ok && options.revalidate && !explicitRequest()) {
      revalidatePath(`/t/${ctx.tenant.slug}${options.revalidate}`);
    }
    return state;
  };
}
