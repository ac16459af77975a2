import type { Prisma } from "@/generated/prisma/client";
import type { RequestMeta } from "@/lib/request-context";
import { type AuditContent, auditHash, GENESIS_HASH } from "./hash";

/** Who did it: a signed-in user, or the system itself (worker, seed, expiry). */
export type Actor = { id: string; email: string } | "system";

export type AuditInput = {
  tenantId: string | null;
  actor: Actor;
  action: string;
  target: { type: string; id?: string | null };
  before?: unknown;
  after?: unknown;
  meta: RequestMeta;
};

export const PLATFORM_CHAIN = "platform";

/** The slice of a (transaction) client that writing audit events needs. */
type AuditWriter = {
  $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => PromiseLike<number>;
  auditEvent: {
    findFirst(args: {
      where: { chain: string };
      orderBy: { seq: "desc" };
      select: { seq: true; hash: true };
    }): PromiseLike<{ seq: number; hash: string } | null>;
    create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<unknown>;
  };
};

/**
 * Lock a tenant's audit chain for the rest of the transaction. Called first by every tenant
 * mutation, so mutations of one tenant are serialized (last-owner checks stay true) and the
 * chain never forks.
 */
export async function lockChain(tx: Pick<AuditWriter, "$executeRaw">, chain: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${chain}::text))`;
}

/**
 * Appends one audit event to its chain. Must run inside the transaction of the change it
 * describes, so the two commit or roll back together.
 */
export async function recordAudit(tx: AuditWriter, input: AuditInput) {
  const chain = input.tenantId ?? PLATFORM_CHAIN;
  await lockChain(tx, chain);
  const last = await tx.auditEvent.findFirst({
    where: { chain },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const content: AuditContent = {
    chain,
    seq: (last?.seq ?? 0) + 1,
    tenantId: input.tenantId,
    actorId: input.actor === "system" ? null : input.actor.id,
    actorEmail: input.actor === "system" ? "system" : input.actor.email,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id ?? null,
    before: toJson(input.before),
    after: toJson(input.after),
    ip: input.meta.ip,
    userAgent: input.meta.userAgent?.slice(0, 512) ?? null,
    requestId: input.meta.requestId,
    createdAt: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({
    data: {
      ...content,
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      hash: auditHash(content),
    } as Prisma.AuditEventUncheckedCreateInput,
  });
}

/** Dates and other non-JSON values become what jsonb will give back when read. */
function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value));
}
