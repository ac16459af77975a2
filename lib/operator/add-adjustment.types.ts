import { z } from "zod";
import { blankToUndefined, reasonField, tenantIdField } from "./fields";
import { instantFromForm } from "./local-date-time";

export const ADJUSTMENT_MULTIPLIER = { min: 0.1, max: 5 } as const;
const YEAR_MS = 365 * 24 * 3_600_000;
const range = `Use a multiplier from ${ADJUSTMENT_MULTIPLIER.min} to ${ADJUSTMENT_MULTIPLIER.max}`;

export const adjustmentMultiplierField = z.preprocess(
  blankToUndefined,
  z.coerce
    .number("Enter a multiplier, e.g. 2 for a boost or 0.5 for a penalty")
    .min(ADJUSTMENT_MULTIPLIER.min, range)
    .max(ADJUSTMENT_MULTIPLIER.max, range)
    .refine((m) => m !== 1, "A multiplier of 1 changes nothing: above 1 boosts, below 1 penalizes"),
);

/** What the service takes: the end as an instant. Starts now. */
export const addAdjustmentSchema = z.object({
  tenantId: tenantIdField,
  multiplier: adjustmentMultiplierField,
  reason: reasonField,
  endsAt: z
    .date("Choose when it ends")
    .refine((date) => date.getTime() > Date.now(), "Choose an end time in the future")
    .refine((date) => date.getTime() < Date.now() + YEAR_MS, "Choose an end time within a year"),
});

/** What the form sends: a `datetime-local` end plus the browser's time-zone offset. */
export const addAdjustmentFormSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object") return raw;
  const fields = raw as Record<string, unknown>;
  return { ...fields, endsAt: instantFromForm(fields.endsAt, fields.timezoneOffset) };
}, addAdjustmentSchema);

export type AddAdjustmentInput = z.input<typeof addAdjustmentSchema>;
