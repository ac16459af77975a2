import { z } from "zod";
import { idField } from "@/lib/validation";
import { originEntryField } from "./origin-rules";

/** How many entries one tenant may list: enough for any real app, small enough to read at a glance. */
export const MAX_ORIGINS_PER_TENANT = 100;

/** Shared by the form and the service, so both say the same thing about a refused entry. */
export const addOriginSchema = z.object({ origin: originEntryField });

export const removeOriginSchema = z.object({ originId: idField });

export type AddOriginInput = z.input<typeof addOriginSchema>;
