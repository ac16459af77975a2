import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-context";

export type OperatorOutcome = "created" | "promoted" | "exists";

/**
 * Makes sure `email` is a platform operator. An existing account keeps its password (a later
 * run with another SLUICE_OPERATOR_PASSWORD does not reset it); an existing non-operator
 * account is promoted. Each change is one transaction with its audit event.
 */
export async function ensureOperator(email: string, password: string, meta: RequestMeta) {
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, isOperator: true } });
  if (existing?.isOperator) return "exists" satisfies OperatorOutcome;

  const passwordHash = existing ? null : await hashPassword(password);
  return db().$transaction(async (tx): Promise<OperatorOutcome> => {
    const user = passwordHash
      ? await tx.user.create({ data: { email, name: "Operator", passwordHash, isOperator: true } })
      : await tx.user.update({ where: { email }, data: { isOperator: true } });
    await recordAudit(tx, {
      tenantId: null, // platform chain
      actor: "system",
      action: "operator.create",
      target: { type: "user", id: user.id },
      before: passwordHash ? undefined : { isOperator: false },
      after: { email, isOperator: true },
      meta,
    });
    return passwordHash ? "created" : "promoted";
  });
}
