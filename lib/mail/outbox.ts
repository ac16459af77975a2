import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { MAIL_FROM, mailer } from "./mailer";
import { renderEmail, TEMPLATES, type TemplateKind, type TemplatePayload } from "./templates";

type OutboxWriter = {
  outboxMessage: { create(args: { data: Prisma.OutboxMessageCreateInput }): PromiseLike<{ id: string }> };
};

/**
 * Queues an email in the caller's transaction: it exists exactly when the change that causes
 * it commits. `deliverPending()` sends it right after; the worker retries what failed.
 */
export async function enqueueEmail<K extends TemplateKind>(
  tx: OutboxWriter,
  kind: K,
  to: string,
  payload: TemplatePayload<K>,
): Promise<string> {
  const message = await tx.outboxMessage.create({
    data: { kind, to, payload: TEMPLATES[kind].payload.parse(payload) },
  });
  return message.id;
}

const MAX_ATTEMPTS = 8;

/** Sends every due message. Each message is claimed with SKIP LOCKED, so two senders never send one twice. */
export async function deliverPending(
  limit = 20,
  onlyIds?: string[],
): Promise<{ sent: number; failed: number }> {
  // A change that just queued mail sends exactly that mail; older retries are the worker's job.
  const only = onlyIds ?? null;
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db().$transaction(async (tx) => {
      const [message] = await tx.$queryRaw<
        { id: string; kind: string; to: string; payload: unknown; attempts: number }[]
      >`
        SELECT id, kind, "to", payload, attempts FROM "OutboxMessage"
        WHERE "sentAt" IS NULL AND "nextAttempt" <= now() AND attempts < ${MAX_ATTEMPTS}
          AND (${only}::text[] IS NULL OR id = ANY(${only}::text[]))
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!message) return "empty" as const;
      try {
        const email = await renderEmail(message.kind as TemplateKind, message.payload);
        await mailer().sendMail({ from: MAIL_FROM, to: message.to, ...email });
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: { sentAt: new Date(), attempts: { increment: 1 } },
        });
        return "sent" as const;
      } catch (error) {
        const backoffMs = 2 ** message.attempts * 30_000;
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: {
            attempts: { increment: 1 },
            lastError: String((error as Error).message).slice(0, 500),
            nextAttempt: new Date(Date.now() + backoffMs),
          },
        });
        return "failed" as const;
      }
    });
    if (outcome === "empty") break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}
