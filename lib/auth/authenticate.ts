import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

/**
 * Checks an email and password. Every failure looks the same and costs the same, so the
 * answer never reveals whether an account exists.
 */
export async function authenticate(email: unknown, password: unknown) {
  const parsed = credentialsSchema.safeParse({ email, password });
  if (!parsed.success) {
    await verifyPassword("", null);
    return null;
  }
  const user = await db().user.findUnique({ where: { email: normalizeEmail(parsed.data.email) } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
