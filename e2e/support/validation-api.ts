import { createServiceToken } from "@/lib/keys/service-tokens";
import { publishServiceTokens } from "@/lib/policy/publish-service-tokens";
import { redis } from "@/lib/redis";

export const API_URL = process.env.VALIDATION_API_URL ?? "http://127.0.0.1:3287";

/** A platform service token, published so the validation API accepts it at once. */
export async function serviceToken(): Promise<string> {
  const { secret } = await createServiceToken(`e2e-${Date.now()}`);
  const client = redis();
  if (!client) throw new Error("REDIS_URL is not set for the e2e runner");
  await publishServiceTokens(client);
  return secret;
}

export type CheckBody = {
  status: number;
  code: string | null;
  cost: number;
  limit: { name: string; remaining: number } | null;
  error: { limit?: string } | null;
};

/** POST /v1/check as a platform service would. */
export async function check(
  token: string,
  key: string,
  method = "GET",
  path = "/api/v1/items",
): Promise<CheckBody> {
  const response = await fetch(`${API_URL}/v1/check`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ key, ip: "203.0.113.50", method, path }),
  });
  return (await response.json()) as CheckBody;
}

// Policy changes reach the API within about a second: poll with this.
export { eventually } from "@/tests/support/eventually";
