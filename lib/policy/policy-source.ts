import type { KeyRecord, PolicyChange, PolicySnapshot } from "./policy.types";

/**
 * Where the validation API reads published policy from: Redis in production, or (embedded mode
 * without any Redis) straight from Postgres. Never called per request for cached entries.
 */
export interface PolicySource {
  getKeyRecord(hash: string): Promise<KeyRecord | null>;
  getPolicy(tenantId: string): Promise<PolicySnapshot | null>;
  /** Current published versions, in the order asked (null: none published). */
  getPolicyVersions(tenantIds: string[]): Promise<(number | null)[]>;
  getServiceToken(hash: string): Promise<{ id: string; name: string } | null>;
  /** Browser preflights: the tenants whose whitelist holds any of these stored entries. */
  getTenantIdsListingOrigins(entries: string[]): Promise<string[]>;
  /** Browser preflights: the id of the tenant with this slug, when it lists origins; else null. */
  getTenantIdBySlug(slug: string): Promise<string | null>;
  /** Announcements of changes; may miss some (pub/sub drops), callers also re-check versions. */
  onChange(listener: (change: PolicyChange) => void): void;
  close(): Promise<void>;
}
