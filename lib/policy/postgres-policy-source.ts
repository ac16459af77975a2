import { db } from "@/lib/db";
import { compileKeyRecord, compilePolicy } from "./compile-policy";
import { loadPolicyRows } from "./load-policy-rows";
import type { KeyRecord, PolicyChange } from "./policy.types";
import type { PolicySource } from "./policy-source";

const POLL_MS = 1000;

/**
 * Policy read and compiled straight from Postgres: for the embedded setup without any Redis.
 * Versions are the tenants' policyVersion (there is no separate publication step), and
 * changes are found by polling those versions every second.
 */
export class PostgresPolicySource implements PolicySource {
  private listeners: ((change: PolicyChange) => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private known = new Map<string, number>();
  private primed = false;

  async getKeyRecord(hash: string): Promise<KeyRecord | null> {
    // NOTE: across tenants on purpose: the secret's hash is the capability, as in Redis.
    const key = await db().apiKey.findUnique({ where: { hash } });
    return key ? compileKeyRecord(key) : null;
  }

  async getPolicy(tenantId: string) {
    const now = Date.now();
    const rows = await loadPolicyRows(tenantId, new Date(now));
    return rows ? compilePolicy(rows, now) : null;
  }

  async getPolicyVersions(tenantIds: string[]): Promise<(number | null)[]> {
    const rows = await db().tenant.findMany({
      where: { id: { in: tenantIds } },
      select: { id: true, policyVersion: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row.policyVersion]));
    return tenantIds.map((id) => byId.get(id) ?? null);
  }

  async getServiceToken(hash: string) {
    const token = await db().serviceToken.findUnique({
      where: { hash },
      select: { id: true, name: true, revokedAt: true },
    });
    return token && !token.revokedAt ? { id: token.id, name: token.name } : null;
  }

  async getTenantIdsListingOrigins(entries: string[]) {
    // NOTE: across tenants on purpose, like the Redis index it stands in for: a preflight names
    // no tenant. Only ids come out; each tenant's own snapshot then decides.
    const rows = await db().allowedOrigin.findMany({
      where: { origin: { in: entries } },
      select: { tenantId: true },
      distinct: ["tenantId"],
    });
    return rows.map((row) => row.tenantId);
  }

  async getTenantIdBySlug(slug: string) {
    const tenant = await db().tenant.findFirst({
      where: { slug, allowedOrigins: { some: {} } },
      select: { id: true },
    });
    return tenant?.id ?? null;
  }

  onChange(listener: (change: PolicyChange) => void): void {
    this.listeners.push(listener);
    if (this.timer) return;
    const tick = () => {
      this.poll()
        .catch((error: Error) => console.warn(`[policy] polling Postgres failed: ${error.message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, POLL_MS);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners = [];
  }

  /** Announces every tenant whose version moved, and every key of it (keys carry no version). */
  private async poll(): Promise<void> {
    const tenants = await db().tenant.findMany({ select: { id: true, policyVersion: true } });
    const moved = tenants.filter((t) => this.known.get(t.id) !== t.policyVersion);
    for (const t of tenants) this.known.set(t.id, t.policyVersion);
    // The first poll only learns the versions: nothing has changed since the caller started.
    const first = !this.primed;
    this.primed = true;
    if (first || moved.length === 0) return;
    const keys = await db().apiKey.findMany({
      where: { tenantId: { in: moved.map((t) => t.id) } },
      select: { hash: true },
    });
    const changes: PolicyChange[] = [
      ...moved.map((t): PolicyChange => ({ kind: "tenant", tenantId: t.id, version: t.policyVersion })),
      ...keys.map((k): PolicyChange => ({ kind: "key", hash: k.hash })),
    ];
    for (const change of changes) for (const listener of this.listeners) listener(change);
  }
}
