import { Prisma } from "@/generated/prisma/client";

/** True when a write hit a unique constraint on `field` (a race lost against a concurrent insert). */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = JSON.stringify(error.meta ?? {});
  return meta.includes(field);
}
