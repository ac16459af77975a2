import { describe, expect, it } from "vitest";
import { describeChange, showValue } from "./describe-change";

describe("describeChange", () => {
  it("lists a created target's fields", () => {
    expect(describeChange(null, { email: "a@x.test", role: "ADMIN" })).toEqual([
      { field: "email", kind: "added", to: "a@x.test" },
      { field: "role", kind: "added", to: "ADMIN" },
    ]);
  });

  it("lists a removed target's fields", () => {
    expect(describeChange({ email: "a@x.test" }, undefined)).toEqual([
      { field: "email", kind: "removed", from: "a@x.test" },
    ]);
  });

  it("shows old → new for changed fields and keeps unchanged ones as context", () => {
    expect(
      describeChange({ counter: "Pool points", units: 42 }, { counter: "Pool points", units: 0 }),
    ).toEqual([
      { field: "counter", kind: "same", value: "Pool points" },
      { field: "units", kind: "changed", from: "42", to: "0" },
    ]);
  });

  it("compares nested values by content and lists fields only one side has", () => {
    const lines = describeChange(
      { rules: [{ cost: 1 }], gone: true },
      { rules: [{ cost: 1 }], perMinute: null },
    );
    expect(lines).toEqual([
      { field: "rules", kind: "same", value: '[{"cost":1}]' },
      { field: "gone", kind: "removed", from: "true" },
      { field: "perMinute", kind: "added", to: "—" },
    ]);
  });

  it("names a side that is not an object 'value'", () => {
    expect(describeChange(false, true)).toEqual([
      { field: "value", kind: "changed", from: "false", to: "true" },
    ]);
  });
});

describe("showValue", () => {
  it("cuts long values to one short line", () => {
    const shown = showValue("x".repeat(500));
    expect(shown).toHaveLength(120);
    expect(shown.endsWith("…")).toBe(true);
  });
});
