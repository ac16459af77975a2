import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { publishServiceTokens } from "@/lib/policy/publish-service-tokens";
import { redis } from "@/lib/redis";
import { type RequestMeta, systemMeta } from "@/lib/request-context";
import { nameField, parseInput } from "@/lib/validation";
import { generateKey, hashKey, SERVICE_TOKEN_PREFIX } from "./key-format";

/**
 * Issues a credential for one of the platform's own services calling the validation API.
 * Platform-wide (no tenant): audited on the platform chain. Returns the secret, shown once.
 */
export async function createServiceToken(
  name: string,
  actor: Actor = "system",
  meta: RequestMeta = systemMeta(),
) {
  const validName = parseInput(nameField, name);
  const secret = generateKey(SERVICE_TOKEN_PREFIX);
  const token = await db().$transaction(async (tx) => {
    const created = await tx.serviceToken.create({
      data: { name: validName, hash: hashKey(secret), last4: secret.slice(-4) },
    });
    await recordAudit(tx, {
      tenantId: null,
      actor,
      action: "service_token.create",
      target: { type: "service_token", id: created.id },
      after: { name: created.name, last4: created.last4 },
      meta,
    });
    return created;
  });
  await publishTokensAfterCommit();
  return { token, secret };
}

export async function revokeServiceToken(
  id: string,
  actor: Actor = "system",
  meta: RequestMeta = systemMeta(),
) {
  const token = await db().$transaction(async (tx) => {
    const found = await tx.serviceToken.findUnique({ where: { id } });
    if (!found) throw notFound("Service token not found");
    if (found.revokedAt) throw new AppError("CONFLICT", "This service token is already revoked");
    const revoked = await tx.serviceToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      tenantId: null,
      actor,
      action: "service_token.revoke",
      target: { type: "service_token", id },
      before: { name: found.name, last4: found.last4, revokedAt: null },
      after: { name: revoked.name, last4: revoked.last4, revokedAt: revoked.revokedAt },
      meta,
    });
    return revoked;
  });
  await publishTokensAfterCommit();
  return token;
}

/** Best effort, as for tenant policies: the worker republishes service tokens periodically. */
async function publishTokensAfterCommit(): Promise<void> {
  const client = redis();
  if (!client) return;
  await publishServiceTokens(client).catch((error: Error) =>
    console.warn(`[policy] publishing service tokens failed (${error.message}); the worker will retry`),
  );
}
