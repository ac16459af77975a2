import { auditCsvHeader, auditCsvRow } from "@/lib/audit/audit-csv";
import { auditWhere, parseAuditFilter } from "@/lib/audit/audit-filter";
import { AppError } from "@/lib/errors";
import { errorResponse, withTenant } from "@/lib/http/with-tenant";
import { ALL_ROLES } from "@/lib/tenancy/resolve-tenant";

export const dynamic = "force-dynamic";

const BATCH = 500;

/** The tenant's audit events matching the page's filters, as CSV, streamed in batches. */
export const GET = withTenant({ roles: ALL_ROLES }, async (request, ctx) => {
  const parsed = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorResponse(
      new AppError("BAD_REQUEST", `${String(issue.path[0])}: ${issue.message}`, String(issue.path[0])),
    );
  }
  const where = auditWhere(parsed.data);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader()));
      let afterSeq = 0;
      for (;;) {
        const rows = await ctx.db.auditEvent.findMany({
          where: { ...where, seq: { gt: afterSeq } },
          orderBy: { seq: "asc" },
          take: BATCH,
        });
        for (const row of rows) controller.enqueue(encoder.encode(auditCsvRow(row)));
        if (rows.length < BATCH) break;
        afterSeq = rows[rows.length - 1].seq;
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${ctx.tenant.slug}.csv"`,
      "cache-control": "no-store",
    },
  });
});
