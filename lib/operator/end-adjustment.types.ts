import { z } from "zod";
import { idField } from "@/lib/validation";
import { tenantIdField } from "./fields";

export const endAdjustmentSchema = z.object({ tenantId: tenantIdField, adjustmentId: idField });

export type EndAdjustmentInput = z.input<typeof endAdjustmentSchema>;
