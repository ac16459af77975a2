import { AppError } from "@/lib/errors";
import { limiterStore } from "@/lib/limits/limiter-store";
import { announce } from "@/lib/policy/publish-policy";
import { redis } from "@/lib/redis";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { type CounterTarget, resolveCounterTarget } from "./counter-target";

/**
 * Clears counters after a legitimate spike: one atomic delete of the target's logs, recorded
 * with who, when, which counter and how many units it held. Then every validation process is
 * told to forget its local refusals for the tenant, so the next check is admitted.
 *
 * NOTE: Redis and Postgres share no transaction. The clear runs inside the audit transaction,
 * right before the audit row, so a failed clear writes no event; if the commit itself failed
 * after a clear, the error is logged loudly.
 */
export async function clearCounter(ctx: TenantContext, target: CounterTarget) {
  const { logs, label } = await resolveCounterTarget(ctx, target);
  const store = await limiterStore();
  if (!store)
    throw new AppError(
      "CONFLICT",
      "Counters are kept inside the validation API in this setup (no Redis): restart it to reset them",
    );
  let cleared: number | null = null;
  try {
    await mutateTenant(ctx, async (_tx, audit) => {
      cleared = await store.clear(logs);
      await audit({
        action: "counter.clear",
        target: { type: "counter", id: label },
        before: { counter: label, units: cleared },
        after: { counter: label, units: 0 },
      });
    });
  } catch (error) {
    if (cleared !== null)
      console.error(`[counters] ${label} was cleared but its audit event failed:`, (error as Error).message);
    throw error;
  }
  const client = redis();
  if (client) await announce(client, [{ kind: "counters", tenantId: ctx.tenant.id }]).catch(() => {});
  return { label, units: cleared ?? 0 };
}
