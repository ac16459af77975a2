import { currentIdentity } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { RequestMeta } from "@/lib/request-context";

/** A signed-in platform operator, and where the request came from (for audit events). */
export type OperatorContext = {
  user: { id: string; email: string; name: string };
  meta: RequestMeta;
};

/**
 * session → user → isOperator, in one place. The flag is re-read from the database on every
 * call, so an operator who is demoted loses access at once.
 */
export async function resolveOperator(): Promise<OperatorContext> {
  const { userId, meta } = await currentIdentity();
  if (!userId) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isOperator: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (!user.isOperator) throw forbidden("Only platform operators can do this");
  return { user: { id: user.id, email: user.email, name: user.name }, meta };
}
