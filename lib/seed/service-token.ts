import { db } from "@/lib/db";
import { createServiceToken } from "@/lib/keys/service-tokens";
import type { RequestMeta } from "@/lib/request-context";

export const DEFAULT_SERVICE_TOKEN_NAME = "Platform gateway";

/**
 * Makes sure the platform's services have a token to call the validation API with. Returns
 * the new secret when one was created (print it once), null when a usable token exists.
 */
export async function ensureServiceToken(meta: RequestMeta): Promise<string | null> {
  const usable = await db().serviceToken.count({ where: { revokedAt: null } });
  if (usable > 0) return null;
  const { secret } = await createServiceToken(DEFAULT_SERVICE_TOKEN_NAME, "system", meta);
  return secret;
}
