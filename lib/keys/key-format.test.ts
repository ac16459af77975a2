import { describe, expect, it } from "vitest";
import { displayParts, generateKey, hashKey, hasValidChecksum, KEY_LENGTH } from "./key-format";

describe("API key format", () => {
  it("generates sk_live_ keys of fixed length whose checksum verifies", () => {
    const key = generateKey();
    expect(key).toMatch(/^sk_live_[0-9A-Za-z]{28}$/);
    expect(key).toHaveLength(KEY_LENGTH);
    expect(hasValidChecksum(key)).toBe(true);
  });

  it("refuses a key with any one character changed", () => {
    const key = generateKey();
    for (let i = "sk_live_".length; i < key.length; i++) {
      const replacement = key[i] === "a" ? "b" : "a";
      const mangled = key.slice(0, i) + replacement + key.slice(i + 1);
      expect(hasValidChecksum(mangled), `position ${i}`).toBe(false);
    }
    expect(hasValidChecksum(key.slice(0, -1))).toBe(false);
    expect(hasValidChecksum(`sk_test_${key.slice(8)}`)).toBe(false);
  });

  it("is random and stores as a SHA-256 hex hash", () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateKey()));
    expect(keys.size).toBe(1000);
    const [key] = keys;
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(displayParts(key)).toEqual({ prefix: key.slice(0, 12), last4: key.slice(-4) });
  });
});
