import { db } from "@/lib/db";

/** Incident mode's history, newest first, with who switched it on and off. */
export async function listIncidents(take = 20) {
  const incidents = await db().incidentMode.findMany({ orderBy: { startedAt: "desc" }, take });
  const ids = [...new Set(incidents.flatMap((i) => [i.startedById, i.endedById]))].filter(
    (id): id is string => id !== null,
  );
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const emailOf = (id: string | null) =>
    id ? (users.find((u) => u.id === id)?.email ?? "a deleted user") : "system";
  return incidents.map((i) => ({
    ...i,
    startedBy: emailOf(i.startedById),
    endedBy: i.endedAt ? emailOf(i.endedById) : null,
  }));
}

export type IncidentEntry = Awaited<ReturnType<typeof listIncidents>>[number];
