/**
 * What the web publishes to Redis and the validation API enforces. Versioned: a snapshot with a
 * higher version replaces a cached one. Times are epoch milliseconds.
 */
export type PolicySnapshot = {
  version: number;
  tenantId: string;
  slug: string;
  status: "ACTIVE" | "SUSPENDED";
  failureMode: "OPEN" | "CLOSED";
  /** Effective base limits (plan values with the tenant's overrides), before multipliers. */
  limits: {
    poolPointsPerMinute: number;
    keyPerMinute: number;
    keyPerHour: number;
    keyBurst: number;
    /** null: no per-IP limit. */
    ipPerMinute: number | null;
  };
  /** Most specific first: the first rule that matches a request applies. */
  endpoints: EndpointPolicy[];
  /** Boosts and penalties; each applies while startsAt <= now < endsAt, multiplied together. */
  adjustments: { multiplier: number; startsAt: number; endsAt: number; reason: string }[];
  /** Allowed browser origins (exact or https://*.example.com); empty: no CORS. */
  origins: string[];
  publishedAt: number;
};

export type EndpointPolicy = {
  id: string;
  /** Upper-case HTTP method, or "*" for any. */
  method: string;
  /** "/v1/items/:id", "/v1/reports/*". */
  pattern: string;
  cost: number;
  /** Own limit per key per minute; null: none. */
  perMinute: number | null;
  /** Never refused for rate and costs nothing (webhooks). */
  exempt: boolean;
};

/** One API key as the validation API sees it, found by the SHA-256 of the secret. */
export type KeyRecord = {
  keyId: string;
  tenantId: string;
  name: string;
  prefix: string;
  last4: string;
  /** null: never. A rotated key's grace period ends here too. */
  expiresAt: number | null;
  revokedAt: number | null;
  /** Per-key overrides; null: the tenant's value. */
  perMinute: number | null;
  perHour: number | null;
  burst: number | null;
};

/** Announced on POLICY_CHANNEL after every publication; processes drop what it names. */
export type PolicyChange =
  | { kind: "tenant"; tenantId: string; version: number }
  | { kind: "key"; hash: string }
  | { kind: "counters"; tenantId: string };
