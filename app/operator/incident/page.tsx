import { format, formatDistanceToNow } from "date-fns";
import type { Metadata } from "next";
import { ConfirmAction } from "@/components/confirm-action";
import { Card } from "@/components/ui/card";
import { listIncidents } from "@/lib/operator/list-incidents";
import { operatorPage } from "@/lib/operator/operator-page";
import { formatMultiplier } from "../multiplier-badge";
import { endIncidentAction } from "./actions";
import { IncidentHistory } from "./incident-history";
import { StartIncidentForm } from "./start-incident-form";

export const metadata: Metadata = { title: "Incident mode · Operator" };
export const dynamic = "force-dynamic";

/** Seed 004's breach response: multiply every tenant's limits while an incident lasts. */
export default async function IncidentPage() {
  await operatorPage("/operator/incident");
  const incidents = await listIncidents();
  const active = incidents.find((i) => i.endedAt === null) ?? null;
  return (
    <>
      <h1 className="text-2xl font-semibold">Incident mode</h1>
      {active ? (
        <Card title="Incident mode is on">
          <div className="flex flex-wrap items-start justify-between gap-4" data-testid="incident-state">
            <div className="space-y-1 text-sm">
              <p>
                Every tenant's limits are multiplied by{" "}
                <strong>×{formatMultiplier(active.multiplier)}</strong>.
              </p>
              <p className="text-slate-600">Reason: {active.reason}</p>
              <p className="text-slate-600">
                Since {format(active.startedAt, "d MMM yyyy HH:mm")} (
                {formatDistanceToNow(active.startedAt, { addSuffix: true })}), by {active.startedBy}
              </p>
            </div>
            <ConfirmAction
              action={endIncidentAction}
              fields={{ incidentId: active.id }}
              label="Switch off"
              question="Switch incident mode off? Every tenant returns to its normal limits."
            />
          </div>
        </Card>
      ) : (
        <Card
          title="Incident mode is off"
          description="Switching it on multiplies every tenant's limits (5x by default) until you switch it off. Give the reason: it is recorded in the platform's audit log."
        >
          <StartIncidentForm />
        </Card>
      )}
      <Card title="History">
        <IncidentHistory incidents={incidents} />
      </Card>
    </>
  );
}
