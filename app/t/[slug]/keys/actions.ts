"use server";

import { z } from "zod";
import { tenantAction } from "@/lib/actions/tenant-action";
import { createApiKeySchema, revokeApiKeySchema, rotateApiKeySchema } from "@/lib/keys/api-key.types";
import { createApiKey } from "@/lib/keys/create-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { rotateApiKey } from "@/lib/keys/rotate-api-key";
import { testKey } from "@/lib/keys/test-key";
import { ALL_ROLES, MANAGERS } from "@/lib/tenancy/resolve-tenant";

export const createKeyAction = tenantAction(
  { roles: MANAGERS, schema: createApiKeySchema, revalidate: "/keys" },
  async (ctx, input) => {
    const { key, secret } = await createApiKey(ctx, input);
    return { ok: true, message: `Key "${key.name}" created`, data: { secret, name: key.name } };
  },
);

export const revokeKeyAction = tenantAction(
  { roles: MANAGERS, schema: revokeApiKeySchema, revalidate: "/keys" },
  async (ctx, input) => {
    await revokeApiKey(ctx, input.keyId);
    return { ok: true, message: "Key revoked" };
  },
);

export const rotateKeyAction = tenantAction(
  { roles: MANAGERS, schema: rotateApiKeySchema, revalidate: "/keys" },
  async (ctx, input) => {
    const { key, secret } = await rotateApiKey(ctx, input.keyId, input.graceHours);
    return { ok: true, message: `Key "${key.name}" rotated`, data: { secret, name: key.name } };
  },
);

/** Any member may test a key they hold: it changes nothing. */
export const testKeyAction = tenantAction(
  {
    roles: ALL_ROLES,
    schema: z.object({ secret: z.string().trim().min(1, "Paste a key to test").max(200, "Too long") }),
  },
  async (_ctx, input) => {
    const result = await testKey(input.secret);
    return { ok: true, data: { status: String(result.status), body: result.body } };
  },
);
