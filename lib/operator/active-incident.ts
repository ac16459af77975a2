import { db } from "@/lib/db";

/** Incident mode's current row, or null when it is off. */
export function activeIncident() {
  return db().incidentMode.findFirst({ where: { endedAt: null }, orderBy: { startedAt: "desc" } });
}
