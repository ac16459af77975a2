import { z } from "zod";
import { idField } from "@/lib/validation";
import { blankToUndefined, reasonField } from "./fields";

/** Seed 004's breach response is a 5x boost; an operator may choose a gentler one. */
export const INCIDENT_MULTIPLIER = { min: 2, max: 5, default: 5 } as const;
const range = `Use a multiplier from ${INCIDENT_MULTIPLIER.min} to ${INCIDENT_MULTIPLIER.max}`;

export const startIncidentSchema = z.object({
  multiplier: z.preprocess(
    blankToUndefined,
    z.coerce
      .number("Enter a multiplier from 2 to 5")
      .min(INCIDENT_MULTIPLIER.min, range)
      .max(INCIDENT_MULTIPLIER.max, range)
      .default(INCIDENT_MULTIPLIER.default),
  ),
  reason: reasonField,
});

/** Names the incident the operator saw, so a stale page cannot end a newer one. */
export const endIncidentSchema = z.object({ incidentId: idField });

export type StartIncidentInput = z.input<typeof startIncidentSchema>;
export type EndIncidentInput = z.input<typeof endIncidentSchema>;
