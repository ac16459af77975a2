import { lockChain, PLATFORM_CHAIN, recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { type StartIncidentInput, startIncidentSchema } from "./incident.types";
import { incidentView } from "./incident-view";
import { publishAllTenantsAfterCommit } from "./publish-all-tenants";
import type { OperatorContext } from "./resolve-operator";

/**
 * Switches incident mode on: every tenant's limits are multiplied until it is switched off.
 * One transaction: the row, one audit event on the platform chain, and every tenant's
 * policyVersion bumped (so the worker republishes any tenant this request fails to publish).
 */
export async function startIncident(ctx: OperatorContext, raw: StartIncidentInput) {
  const input = parseInput(startIncidentSchema, raw);
  const incident = await db().$transaction(async (tx) => {
    // The platform chain's lock serializes switching: two operators cannot both switch it on.
    await lockChain(tx, PLATFORM_CHAIN);
    if (await tx.incidentMode.findFirst({ where: { endedAt: null } }))
      throw new AppError("CONFLICT", "Incident mode is already on");
    const created = await tx.incidentMode.create({
      data: { multiplier: input.multiplier, reason: input.reason, startedById: ctx.user.id },
    });
    const { count } = await tx.tenant.updateMany({ data: { policyVersion: { increment: 1 } } });
    await recordAudit(tx, {
      tenantId: null,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "incident.start",
      target: { type: "incident_mode", id: created.id },
      before: { active: false },
      after: { ...incidentView(created), tenants: count },
      meta: ctx.meta,
    });
    return created;
  });
  await publishAllTenantsAfterCommit();
  return incident;
}
