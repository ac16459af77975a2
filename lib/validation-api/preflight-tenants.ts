import { originIndexEntries } from "@/lib/cors/origin-index-entries";
import type { PolicySource } from "@/lib/policy/policy-source";
import type { PolicyCache } from "./policy-cache";

/** Short enough that a new origin is honoured well within 2 s of its publication. */
const MEMO_MS = 500;
const MEMO_MAX = 10_000;

/**
 * Finds the tenants a browser preflight may belong to: it carries no API key. Either the
 * gateway names the tenant (`?tenant=<id or slug>`), or the published origin index lists every
 * tenant that whitelists the origin. Index answers are memoized briefly so a burst of
 * preflights costs one Redis round trip; the caller still checks each tenant's own snapshot.
 */
export class PreflightTenants {
  private readonly memo = new Map<string, { ids: string[]; at: number }>();

  constructor(
    private readonly source: PolicySource,
    private readonly cache: PolicyCache,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every tenant listing an entry that could admit this normalized origin. */
  listing(origin: string): Promise<string[]> {
    return this.remember(`origin:${origin}`, () =>
      this.source.getTenantIdsListingOrigins(originIndexEntries(origin)),
    );
  }

  /** The tenant a gateway named. Ids first: a slug is chosen by its tenant, an id is not. */
  async named(ref: string): Promise<string[]> {
    const byId = this.cache.cachedPolicy(ref) ?? (await this.cache.fetchPolicy(ref));
    if (byId) return [byId.tenantId];
    return this.remember(`slug:${ref}`, async () => {
      const id = await this.source.getTenantIdBySlug(ref);
      return id ? [id] : [];
    });
  }

  private async remember(key: string, load: () => Promise<string[]>): Promise<string[]> {
    const now = this.now();
    const hit = this.memo.get(key);
    if (hit && now - hit.at < MEMO_MS) return hit.ids;
    const ids = await load();
    if (this.memo.size >= MEMO_MAX) this.memo.clear();
    this.memo.set(key, { ids, at: now });
    return ids;
  }
}
