import { db } from "@/lib/db";
import { explicitRequest, metaFromHeaders, type RequestIdentity } from "@/lib/request-context";

/** The caller's identity: from `runAsRequest` in scripts and tests, else from the next-auth session. */
export async function currentIdentity(): Promise<RequestIdentity> {
  const explicit = explicitRequest();
  if (explicit) return explicit;
  const [{ headers }, { auth }] = await Promise.all([import("next/headers"), import("@/auth")]);
  const session = await auth();
  return { userId: session?.user?.id ?? null, meta: metaFromHeaders(await headers()) };
}

/** The signed-in user, re-read from the database so a deleted account loses access at once. */
export async function currentUser() {
  const { userId } = await currentIdentity();
  if (!userId) return null;
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isOperator: true },
  });
}
