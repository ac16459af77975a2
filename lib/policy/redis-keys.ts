/** Every Redis key and channel Sluice uses, in one place. */
export const POLICY_CHANNEL = "sluice:policy-changes";

export const policyKey = (tenantId: string) => `sluice:policy:${tenantId}`;
export const policyVersionKey = (tenantId: string) => `sluice:policy-version:${tenantId}`;
export const keyRecordKey = (hash: string) => `sluice:key:${hash}`;
export const serviceTokenKey = (hash: string) => `sluice:service-token:${hash}`;
/** keyId → last use (epoch ms), reported by validation processes, drained by the worker. */
export const KEY_LAST_USED = "sluice:key-last-used";
/**
 * The browser-preflight index (a preflight carries no API key): one set of tenant ids per
 * whitelist entry as stored (`https://app.example.com`, `https://*.example.com`), and slug → id
 * for gateways that name their tenant with `?tenant=`. Only tenants that list origins appear.
 */
export const corsOriginKey = (entry: string) => `sluice:cors-origin:${entry}`;
export const corsTenantSlugKey = (slug: string) => `sluice:cors-tenant:${slug}`;
/** Present while Redis holds published data; the worker republishes everything when it is gone. */
export const PUBLISHED_MARKER = "sluice:published";

// Counter logs: every key of one tenant shares the `{tenantId}` hash tag (one cluster slot).
export const poolLog = (tenantId: string) => `{${tenantId}}:pool`;
export const keyLog = (tenantId: string, keyId: string) => `{${tenantId}}:key:${keyId}`;
export const endpointLog = (tenantId: string, keyId: string, ruleId: string) =>
  `{${tenantId}}:ep:${keyId}:${ruleId}`;
export const ipLog = (tenantId: string, ip: string) => `{${tenantId}}:ip:${ip}`;
/** Invalid-key attempts per source IP, platform-wide. */
export const invalidKeyLog = (ip: string) => `{invalid}:ip:${ip}`;
