import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { type FormState, fieldErrorsOf, formValues } from "./form-state";

/**
 * Parses a form with its zod schema and runs the handler, turning a refusal into a form state
 * (field errors beside their fields, the typed values kept). Anything that is not an AppError
 * — including Next's redirect — is rethrown untouched.
 */
export async function runAction<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  handler: (input: z.infer<S>) => Promise<FormState | undefined>,
): Promise<FormState> {
  const values = formValues(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) {
    return {
      ok: false,
      code: "BAD_REQUEST",
      message: "Please correct the highlighted fields.",
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  }
  try {
    return (await handler(parsed.data)) ?? { ok: true };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ok: false,
      code: error.code,
      message: error.message,
      fieldErrors: error.field ? { [error.field]: error.message } : undefined,
      values,
    };
  }
}
