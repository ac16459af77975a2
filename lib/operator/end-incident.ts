import { lockChain, PLATFORM_CHAIN, recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { type EndIncidentInput, endIncidentSchema } from "./incident.types";
import { incidentView } from "./incident-view";
import { publishAllTenantsAfterCommit } from "./publish-all-tenants";
import type { OperatorContext } from "./resolve-operator";

/** Switches incident mode off: every tenant's limits return to normal once republished. */
export async function endIncident(ctx: OperatorContext, raw: EndIncidentInput) {
  const input = parseInput(endIncidentSchema, raw);
  const ended = await db().$transaction(async (tx) => {
    await lockChain(tx, PLATFORM_CHAIN);
    const active = await tx.incidentMode.findFirst({ where: { endedAt: null } });
    if (!active) throw new AppError("CONFLICT", "Incident mode is already off");
    if (active.id !== input.incidentId)
      throw new AppError("CONFLICT", "Incident mode changed since this page was loaded: reload it");
    const updated = await tx.incidentMode.update({
      where: { id: active.id },
      data: { endedAt: new Date(), endedById: ctx.user.id },
    });
    const { count } = await tx.tenant.updateMany({ data: { policyVersion: { increment: 1 } } });
    await recordAudit(tx, {
      tenantId: null,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "incident.end",
      target: { type: "incident_mode", id: active.id },
      before: incidentView(active),
      after: { ...incidentView(updated), tenants: count },
      meta: ctx.meta,
    });
    return updated;
  });
  await publishAllTenantsAfterCommit();
  return ended;
}
