import type { KeyRecord, PolicyChange, PolicySnapshot } from "@/lib/policy/policy.types";
import type { PolicySource } from "@/lib/policy/policy-source";
import { dropOldestTenth } from "./drop-oldest";

type Entry<T> = { value: T | null; fetchedAt: number; refreshing: boolean };

/**
 * How long a key record is served before it is re-read in the background. Known keys can wait
 * long: every change to a key also moves its tenant's policy version, which the sweep sees
 * within a second even when pub/sub drops the announcement, and then drops the tenant's keys.
 * Unknown keys are re-read sooner, so a key is usable soon after it is created.
 */
const KEY_FRESH_MS = 30_000;
const UNKNOWN_KEY_FRESH_MS = 1_000;
/** Unknown keys are remembered briefly so a flood of made-up keys costs one lookup each per second. */
const MAX_KEYS = 100_000;

function sameRecord(a: KeyRecord, b: KeyRecord): boolean {
  return (
    a.keyId === b.keyId &&
    a.tenantId === b.tenantId &&
    a.name === b.name &&
    a.expiresAt === b.expiresAt &&
    a.revokedAt === b.revokedAt &&
    a.perMinute === b.perMinute &&
    a.perHour === b.perHour &&
    a.burst === b.burst
  );
}

/**
 * In-process copies of key records and policy snapshots. The hot path reads them synchronously;
 * a stale entry is served while it is re-read in the background (stale-while-revalidate), so a
 * revocation reaches every process within about a second even when pub/sub drops the message.
 * Announcements drop entries at once; a sweep re-checks policy versions every second.
 */
export class PolicyCache {
  private readonly keys = new Map<string, Entry<KeyRecord>>();
  private readonly policies = new Map<string, PolicySnapshot>();
  private readonly inflightPolicies = new Map<string, Promise<PolicySnapshot | null>>();
  private readonly listeners: ((change: PolicyChange) => void)[] = [];
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly source: PolicySource,
    private readonly now: () => number = Date.now,
  ) {}

  start(sweepEveryMs = 1_000) {
    this.source.onChange((change) => this.apply(change));
    this.sweepTimer = setInterval(() => void this.sweep().catch(() => {}), sweepEveryMs);
    this.sweepTimer.unref();
  }

  stop() {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** Called on every change: lets the refusal cache lift local refusals. */
  onChange(listener: (change: PolicyChange) => void) {
    this.listeners.push(listener);
  }

  /** A cached record, or undefined when it must be fetched first. */
  cachedKey(hash: string): KeyRecord | null | undefined {
    const entry = this.keys.get(hash);
    if (!entry) return undefined;
    const freshFor = entry.value ? KEY_FRESH_MS : UNKNOWN_KEY_FRESH_MS;
    if (!entry.refreshing && this.now() - entry.fetchedAt > freshFor) this.refreshKey(hash, entry);
    return entry.value;
  }

  async fetchKey(hash: string): Promise<KeyRecord | null> {
    const fetched = await this.source.getKeyRecord(hash);
    const previous = this.keys.get(hash)?.value;
    // An unchanged record keeps its object: work prepared for it (limit specs) stays valid.
    const value = previous && fetched && sameRecord(previous, fetched) ? previous : fetched;
    if (!previous && this.keys.size >= MAX_KEYS) dropOldestTenth(this.keys, MAX_KEYS);
    this.keys.set(hash, { value, fetchedAt: this.now(), refreshing: false });
    return value;
  }

  cachedPolicy(tenantId: string): PolicySnapshot | undefined {
    return this.policies.get(tenantId);
  }

  fetchPolicy(tenantId: string): Promise<PolicySnapshot | null> {
    let inflight = this.inflightPolicies.get(tenantId);
    if (!inflight) {
      inflight = this.source.getPolicy(tenantId).then(
        (policy) => {
          this.inflightPolicies.delete(tenantId);
          if (policy) this.storePolicy(policy);
          return policy;
        },
        (error) => {
          this.inflightPolicies.delete(tenantId);
          throw error;
        },
      );
      this.inflightPolicies.set(tenantId, inflight);
    }
    return inflight;
  }

  private storePolicy(policy: PolicySnapshot) {
    const current = this.policies.get(policy.tenantId);
    if (!current || current.version <= policy.version) this.policies.set(policy.tenantId, policy);
  }

  private refreshKey(hash: string, entry: Entry<KeyRecord>) {
    entry.refreshing = true;
    this.fetchKey(hash).catch(() => {
      entry.refreshing = false; // keep serving what we have while the store is unreachable
    });
  }

  private apply(change: PolicyChange) {
    if (change.kind === "key") this.keys.delete(change.hash);
    if (change.kind === "tenant") {
      this.dropKeysOf(change.tenantId);
      const current = this.policies.get(change.tenantId);
      if (current && current.version < change.version) void this.fetchPolicy(change.tenantId).catch(() => {});
    }
    for (const listener of this.listeners) listener(change);
  }

  /** A tenant's policy moved: its keys may have been revoked, rotated or re-limited. */
  private dropKeysOf(tenantId: string) {
    for (const [hash, entry] of this.keys) if (entry.value?.tenantId === tenantId) this.keys.delete(hash);
  }

  /** Catches what pub/sub missed: re-reads any policy whose published version moved. */
  async sweep() {
    const ids = [...this.policies.keys()];
    const versions = await this.source.getPolicyVersions(ids);
    ids.forEach((tenantId, i) => {
      const version = versions[i];
      const current = this.policies.get(tenantId);
      if (version != null && current && version > current.version) {
        this.apply({ kind: "tenant", tenantId, version });
      }
    });
  }
}
