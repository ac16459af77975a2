import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields an audit hash covers. Everything a reader relies on is in here. */
export type AuditContent = {
  chain: string;
  seq: number;
  tenantId: string | null;
  actorId: string | null;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  createdAt: Date;
  prevHash: string;
};

/** JSON with sorted keys: Postgres jsonb does not keep key order, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(content: AuditContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
