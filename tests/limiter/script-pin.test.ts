// Pins the scripts' SHA1s: a changed script must be a deliberate change, reviewed together with
// every deployment that still has the old SHA cached (a mixed fleet runs two scripts at once).
import { describe, expect, it } from "vitest";
import { CLEAR_LOGS_SCRIPT } from "@/lib/limiter/clear-logs.lua";
import { CLEAR_LOGS_SHA1, SLIDING_WINDOW_SHA1 } from "@/lib/limiter/redis-store";
import { sha1Of } from "@/lib/limiter/script-runner";
import { SLIDING_WINDOW_SCRIPT } from "@/lib/limiter/sliding-window.lua";

describe("limiter scripts", () => {
  it("pin the sliding-window script", () => {
    expect(SLIDING_WINDOW_SHA1).toBe("77f30a6239679659d43d23e9d5a14f7104819938");
    expect(sha1Of(SLIDING_WINDOW_SCRIPT)).toBe(SLIDING_WINDOW_SHA1);
  });

  it("pin the clear script", () => {
    expect(CLEAR_LOGS_SHA1).toBe("5ea2bc7a1b53b1fe53b4b8f6cf79e234b84a05e0");
    expect(sha1Of(CLEAR_LOGS_SCRIPT)).toBe(CLEAR_LOGS_SHA1);
  });
});
