import { hash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

/**
 * API keys: "sk_live_" + 22 base62 characters of randomness (131 bits) + a 6-character base62
 * CRC32 of everything before it. The checksum lets the hot path refuse a mangled or made-up key
 * without any lookup; the randomness is what makes a key unguessable.
 */
export const KEY_PREFIX = "sk_live_";
/** Service tokens (the platform's own services calling the validation API) share the format. */
export const SERVICE_TOKEN_PREFIX = "st_live_";
const RANDOM_LENGTH = 22;
const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = KEY_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = /^sk_live_[0-9A-Za-z]{28}$/;

function base62(value: number, width: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function randomBase62(length: number): string {
  // Rejection sampling: bytes ≥ 248 would bias the alphabet.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

function checksumOf(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

/** A new secret key. Show it once; store only `hashKey(key)`. */
export function generateKey(prefix: string = KEY_PREFIX): string {
  const body = prefix + randomBase62(RANDOM_LENGTH);
  return body + checksumOf(body);
}

/** True when the key has our shape and its checksum matches: no I/O, a few hundred ns. */
export function hasValidChecksum(key: string, prefix: string = KEY_PREFIX): boolean {
  if (key.length !== prefix.length + RANDOM_LENGTH + CHECKSUM_LENGTH || !key.startsWith(prefix)) return false;
  if (prefix === KEY_PREFIX && !KEY_PATTERN.test(key)) return false;
  const body = key.slice(0, -CHECKSUM_LENGTH);
  return checksumOf(body) === key.slice(-CHECKSUM_LENGTH);
}

export function hashKey(key: string): string {
  // One-shot hash: a third of createHash().update().digest()'s time, on every request.
  return hash("sha256", key, "hex");
}

/** What lists show instead of the secret. */
export function displayParts(key: string) {
  return { prefix: key.slice(0, KEY_PREFIX.length + 4), last4: key.slice(-4) };
}
