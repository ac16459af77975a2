import { randomBytes, randomInt } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A password that survives copy-paste: letters and digits only (18 chars ≈ 107 bits). */
export function randomPassword(length = 18): string {
  let password = "";
  for (let i = 0; i < length; i++) password += BASE62[randomInt(BASE62.length)];
  return password;
}

/**
 * Reads a secret kept in `file`, creating it (32 random bytes, base64url, mode 600) on first
 * use, so sessions stay valid across restarts.
 */
export function readOrCreateSecret(file: string): { value: string; created: boolean } {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const value = readFileSync(file, "utf8").trim();
    if (value) return { value, created: false };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const value = randomBytes(32).toString("base64url");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}
