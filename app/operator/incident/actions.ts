"use server";

import { operatorAction } from "@/lib/actions/operator-action";
import { endIncident } from "@/lib/operator/end-incident";
import { endIncidentSchema, startIncidentSchema } from "@/lib/operator/incident.types";
import { startIncident } from "@/lib/operator/start-incident";

/** Incident mode changes every tenant's limits, which the tenants list shows too. */
const incidentPages = () => ["/operator", "/operator/incident"];

export const startIncidentAction = operatorAction(
  { schema: startIncidentSchema, revalidate: incidentPages },
  async (ctx, input) => {
    const incident = await startIncident(ctx, input);
    return { ok: true, message: `Incident mode is on: every tenant's limits are ×${incident.multiplier}` };
  },
);

export const endIncidentAction = operatorAction(
  { schema: endIncidentSchema, revalidate: incidentPages },
  async (ctx, input) => {
    await endIncident(ctx, input);
    return { ok: true, message: "Incident mode is off: limits are back to normal" };
  },
);
