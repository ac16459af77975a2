import { z } from "zod";
import { idField, nameField } from "@/lib/validation";

/** Forms send "" for an empty optional field: treat it as absent. */
const blankToUndefined = (value: unknown) =>
  value === "" || value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

const limitField = (min: number, label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number(`Enter ${label} as a whole number`)
      .int(`Enter ${label} as a whole number`)
      .min(min, `${label[0].toUpperCase()}${label.slice(1)} must be at least ${min}`)
      .optional(),
  );

export const createApiKeySchema = z.object({
  name: nameField,
  expiresAt: z.preprocess(
    blankToUndefined,
    z.coerce
      .date("Enter a valid date")
      .refine((date) => date.getTime() > Date.now(), "Choose an expiry date in the future")
      .optional(),
  ),
  /** Per-key overrides; absent means the tenant's value. Bounded by it in createApiKey. */
  perMinute: limitField(1, "requests per minute"),
  perHour: limitField(1, "requests per hour"),
  burst: limitField(0, "burst"),
});

export const revokeApiKeySchema = z.object({ keyId: idField });

export const rotateApiKeySchema = z.object({
  keyId: idField,
  graceHours: z.coerce
    .number("Enter the grace period in hours")
    .int("Enter whole hours")
    .min(0, "The grace period is 0 to 24 hours")
    .max(24, "The grace period is 0 to 24 hours"),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
export type RotateApiKeyInput = z.input<typeof rotateApiKeySchema>;
/** Per-key overrides as stored (null: the tenant's value). */
export type KeyLimits = { perMinute: number | null; perHour: number | null; burst: number | null };
