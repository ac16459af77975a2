import type { ApiKey, Prisma } from "@/generated/prisma/client";
import type { KeyLimits } from "./api-key.types";
import { displayParts, generateKey, hashKey } from "./key-format";

/** The slice of a (transaction) client that issuing a key needs: tenant-scoped or not. */
type KeyWriter = {
  apiKey: { create(args: { data: Prisma.ApiKeyUncheckedCreateInput }): PromiseLike<ApiKey> };
};

export type NewApiKey = {
  tenantId: string;
  name: string;
  expiresAt: Date | null;
  createdById: string | null;
} & KeyLimits;

/**
 * Inserts a key with a fresh secret, in the caller's transaction. Only the SHA-256 of the
 * secret and its display parts are stored; the secret is returned to be shown once.
 */
export async function issueApiKey(tx: KeyWriter, input: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
  const secret = generateKey();
  const key = await tx.apiKey.create({
    data: { ...input, ...displayParts(secret), hash: hashKey(secret) },
  });
  return { key, secret };
}

/** What audit events say about a key: enough to recognise it, nothing that verifies it. */
export function auditView(key: ApiKey) {
  return {
    name: key.name,
    prefix: key.prefix,
    last4: key.last4,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    perMinute: key.perMinute,
    perHour: key.perHour,
    burst: key.burst,
  };
}
