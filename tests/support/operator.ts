import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { TEST_PASSWORD, unique } from "./factories";

/** A platform operator account (setup only: no audit event), member of no tenant. */
export async function createOperator(label = "operator") {
  return db().user.create({
    data: {
      email: `${unique(label)}@operators.test`,
      name: "Operator",
      passwordHash: await hashPassword(TEST_PASSWORD),
      isOperator: true,
    },
  });
}

/** An ISO instant `ms` from now, as a form would send a zoned end time. */
export const isoFromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Every audit event of a chain ("platform" or a tenant id), oldest first. */
export function chainEvents(chain: string) {
  return db().auditEvent.findMany({ where: { chain }, orderBy: { seq: "asc" } });
}
