import { z } from "zod";
import { notFound } from "@/lib/errors";
import { endpointLog, keyLog, poolLog } from "@/lib/policy/redis-keys";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

/** What "Clear counter" may name: the pool, a key's own log, one endpoint log of a key, or all of a key's. */
export const counterTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("pool") }),
  z.object({ kind: z.literal("key"), keyId: z.string().min(1).max(64) }),
  z.object({
    kind: z.literal("endpoint"),
    keyId: z.string().min(1).max(64),
    ruleId: z.string().min(1).max(64),
  }),
  z.object({ kind: z.literal("key-all"), keyId: z.string().min(1).max(64) }),
]);
export type CounterTarget = z.infer<typeof counterTargetSchema>;

/**
 * The Redis logs a target covers and a label for the audit trail. Ids are looked up through
 * the tenant gate first, so a guessed id of another tenant is not found, and every log name
 * carries this tenant's hash tag: a clear can only ever touch this tenant's counters.
 */
export async function resolveCounterTarget(
  ctx: TenantContext,
  target: CounterTarget,
): Promise<{ logs: string[]; label: string }> {
  const t = ctx.tenant.id;
  if (target.kind === "pool") return { logs: [poolLog(t)], label: "tenant pool" };
  const key = await ctx.db.apiKey.findUnique({
    where: { id: target.keyId },
    select: { id: true, name: true },
  });
  if (!key) throw notFound("API key not found");
  if (target.kind === "key") return { logs: [keyLog(t, key.id)], label: `key "${key.name}"` };
  if (target.kind === "endpoint") {
    const rule = await ctx.db.endpointRule.findUnique({ where: { id: target.ruleId } });
    if (!rule) throw notFound("Endpoint rule not found");
    return {
      logs: [endpointLog(t, key.id, rule.id)],
      label: `key "${key.name}" on ${rule.method} ${rule.pathPattern}`,
    };
  }
  const rules = await ctx.db.endpointRule.findMany({ select: { id: true } });
  return {
    logs: [keyLog(t, key.id), ...rules.map((r) => endpointLog(t, key.id, r.id))],
    label: `every counter of key "${key.name}"`,
  };
}
