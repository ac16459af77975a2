import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { type OperatorContext, resolveOperator } from "@/lib/operator/resolve-operator";
import { explicitRequest } from "@/lib/request-context";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

/**
 * The one wrapper for operator server actions, the platform-wide counterpart of `tenantAction`:
 * it resolves session → user → isOperator before the handler sees any input, so a tenant admin
 * who is not an operator gets FORBIDDEN and nothing is parsed or written.
 */
export function operatorAction<S extends z.ZodType>(
  options: {
    schema: S;
    /** Operator pages to re-render on success, e.g. `(input) => ["/operator"]`. */
    revalidate?: (input: z.infer<S>) => string[];
  },
  handler: (ctx: OperatorContext, input: z.infer<S>) => Promise<FormState | undefined>,
) {
  return async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    let ctx: OperatorContext;
    try {
      ctx = await resolveOperator();
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
    let paths: string[] = [];
    const state = await runAction(options.schema, formData, async (input) => {
      paths = options.revalidate?.(input) ?? [];
      return handler(ctx, input);
    });
    // Outside a Next request (scripts, tests) there is no page cache to refresh.
    if (state.ok && !explicitRequest()) for (const path of paths) revalidatePath(path);
    return state;
  };
}
