import { z } from "zod";
import { tenantIdField } from "./fields";

export const changePlanSchema = z.object({
  tenantId: tenantIdField,
  planId: z.string("Choose a plan").trim().min(1, "Choose a plan").max(64, "Choose a plan from the list"),
});

export type ChangePlanInput = z.input<typeof changePlanSchema>;
