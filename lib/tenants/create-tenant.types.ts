import { z } from "zod";
import { nameField, slugField } from "@/lib/validation";

export const createTenantSchema = z.object({ tenantName: nameField, tenantSlug: slugField });
