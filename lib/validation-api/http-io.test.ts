import { describe, expect, it } from "vitest";
import { type ApiRequest, clientIp } from "./http-io";

const request = (headers: Record<string, string>): ApiRequest => ({
  method: "GET",
  path: "/v1/forward-auth",
  query: "",
  headers,
  body: null,
  remoteAddress: "10.0.0.2",
});

describe("clientIp", () => {
  it("takes the X-Forwarded-For entry the gateway appended, not one the client wrote before it", () => {
    expect(clientIp(request({ "x-forwarded-for": "198.51.100.66, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
  });

  it("falls back to X-Real-IP, then to the socket's address", () => {
    expect(clientIp(request({ "x-real-ip": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(request({ "x-forwarded-for": " " }))).toBe("10.0.0.2");
    expect(clientIp(request({}))).toBe("10.0.0.2");
  });
});
