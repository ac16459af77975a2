import type { IncidentMode } from "@/generated/prisma/client";

/** What an audit event records of incident mode. */
export const incidentView = (incident: IncidentMode) => ({
  active: incident.endedAt === null,
  id: incident.id,
  multiplier: incident.multiplier,
  reason: incident.reason,
  startedAt: incident.startedAt,
  endedAt: incident.endedAt,
});
