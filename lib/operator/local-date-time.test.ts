import { describe, expect, it } from "vitest";
import { instantFromForm } from "./local-date-time";

describe("instantFromForm", () => {
  it("reads a datetime-local value in the browser's zone, not the server's", () => {
    // getTimezoneOffset() is -120 in UTC+2: 14:30 there is 12:30 UTC.
    expect(instantFromForm("2030-03-15T14:30", "-120")?.toISOString()).toBe("2030-03-15T12:30:00.000Z");
    expect(instantFromForm("2030-03-15T14:30:05", "300")?.toISOString()).toBe("2030-03-15T19:30:05.000Z");
  });

  it("takes zoned strings as they are and falls back to UTC without an offset", () => {
    expect(instantFromForm("2030-03-15T14:30:00+02:00", "999")?.toISOString()).toBe(
      "2030-03-15T12:30:00.000Z",
    );
    expect(instantFromForm("2030-03-15T14:30", "")?.toISOString()).toBe("2030-03-15T14:30:00.000Z");
  });

  it("is undefined for blank and an Invalid Date for nonsense", () => {
    expect(instantFromForm("  ", "0")).toBeUndefined();
    expect(Number.isNaN(instantFromForm("next tuesday", "0")?.getTime())).toBe(true);
  });
});
