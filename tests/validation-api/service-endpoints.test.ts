import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInProcessApi } from "../support/in-process-api";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("the validation API's own endpoints", () => {
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  beforeAll(async () => {
    api = await startInProcessApi(REDIS_URL);
  });
  afterAll(async () => {
    await api.stop();
  });

  it("healthz and readyz answer 200 while Redis answers", async () => {
    for (const path of ["/healthz", "/readyz"]) {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
  });

  it("the OpenAPI document describes every route", async () => {
    const document = await (await fetch(`${api.url}/v1/openapi.json`)).json();
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/v1/check", "/v1/forward-auth", "/v1/keys/self", "/healthz", "/readyz"]),
    );
    expect(Object.keys(document.paths["/v1/forward-auth"])).toEqual(expect.arrayContaining(["get", "post"]));
  });

  it("an unknown path is 404; a known path asked with another method is 405 with Allow; HEAD is GET", async () => {
    const missing = await fetch(`${api.url}/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("NOT_FOUND");
    const wrongMethod = await fetch(`${api.url}/v1/check`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    expect((await wrongMethod.json()).error).toMatchObject({
      code: "METHOD_NOT_ALLOWED",
      message: "/v1/check answers POST, not GET",
    });
    const put = await fetch(`${api.url}/v1/forward-auth`, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST");
    const head = await fetch(`${api.url}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
});
