import { describe, expect, it } from "vitest";
import { metaFromHeaders } from "./request-context";

describe("metaFromHeaders", () => {
  it("records the address the proxy appended, not one the client wrote before it", () => {
    const meta = metaFromHeaders(
      new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5", "user-agent": "UA" }),
    );
    expect(meta).toMatchObject({ ip: "203.0.113.5", userAgent: "UA" });
    expect(metaFromHeaders(new Headers({ "x-real-ip": "203.0.113.9" })).ip).toBe("203.0.113.9");
    expect(metaFromHeaders(new Headers()).ip).toBeNull();
  });
});
