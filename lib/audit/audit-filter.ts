import { endOfDay, parseISO, startOfDay } from "date-fns";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";

const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-23")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(64).optional(),
  from: dateField,
  to: dateField,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Turns search params into a filter; a bad value is reported, never silently widened. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return auditFilterSchema.safeParse(flat);
}

export function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(filter.actor ? { actorEmail: { contains: filter.actor.toLowerCase() } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: startOfDay(parseISO(filter.from)) } : {}),
            ...(filter.to ? { lte: endOfDay(parseISO(filter.to)) } : {}),
          },
        }
      : {}),
  };
}
