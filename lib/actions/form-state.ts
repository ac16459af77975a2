import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";

/** What every server action returns to its form. */
export type FormState = {
  ok: boolean;
  code?: ErrorCode;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, so a refused form keeps it. Never includes passwords. */
  values?: Record<string, string>;
  /** Data the page shows once (e.g. a link), only on success. */
  data?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password|secret|token/i.test(key)) values[key] = value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    out[field] ??= issue.message;
  }
  return out;
}
