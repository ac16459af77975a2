import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { type AuditFilter, auditWhere } from "./audit-filter";

export const AUDIT_PAGE_SIZE = 25;

export async function listAuditEvents(ctx: TenantContext, filter: AuditFilter) {
  const where = auditWhere(filter);
  const [events, total] = await Promise.all([
    ctx.db.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    ctx.db.auditEvent.count({ where }),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export async function listAuditActions(ctx: TenantContext): Promise<string[]> {
  const rows = await ctx.db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
