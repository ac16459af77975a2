/**
 * The slice of RESP2 the limiter's hot path speaks: commands out, and replies that are simple
 * strings, errors, integers, bulk strings, nil, or arrays of those (one level: the limiter
 * script returns a flat list of integers). Anything else is a protocol error.
 */

export type RespValue = string | number | null | RespError | RespValue[];

export class RespError extends Error {}

export class RespProtocolError extends Error {}

/** A command as RESP: `*n` then each part as a bulk string. */
export function encodeCommand(parts: readonly (string | number)[]): string {
  let out = `*${parts.length}\r\n`;
  for (const part of parts) {
    const text = typeof part === "number" ? String(part) : part;
    out += `$${Buffer.byteLength(text)}\r\n${text}\r\n`;
  }
  return out;
}

const CR = 13;
const MINUS = 0x2d;
const ZERO = 0x30;

/**
 * `:<digits>\r\n`, read from the bytes: the limiter script answers ~16 integers per check, and
 * this costs a fraction of finding the line and converting it to a string first.
 */
function integer(buf: Buffer, at: number): { value: number; next: number } | null {
  let i = at + 1;
  const negative = buf[i] === MINUS;
  if (negative) i++;
  const first = i;
  let n = 0;
  for (; i < buf.length; i++) {
    const byte = buf[i] as number;
    if (byte === CR) break;
    const digit = byte - ZERO;
    if (digit < 0 || digit > 9) throw new RespProtocolError("malformed integer reply");
    n = n * 10 + digit;
  }
  if (i + 1 >= buf.length) return null; // the line (or its \n) has not all arrived
  if (i === first) throw new RespProtocolError("malformed integer reply");
  return { value: negative ? -n : n, next: i + 2 };
}

/** Reads replies from a stream of chunks; `push` returns every reply completed so far. */
export class RespReader {
  private buffer: Buffer | null = null;

  push(chunk: Buffer): RespValue[] {
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    const replies: RespValue[] = [];
    let offset = 0;
    for (;;) {
      const parsed = this.value(this.buffer, offset, true);
      if (!parsed) break;
      replies.push(parsed.value);
      offset = parsed.next;
    }
    this.buffer = offset >= this.buffer.length ? null : this.buffer.subarray(offset);
    return replies;
  }

  /** One value at `at`, or null when the buffer does not hold all of it yet. */
  private value(buf: Buffer, at: number, nested: boolean): { value: RespValue; next: number } | null {
    if (at >= buf.length) return null;
    if (buf[at] === 0x3a) return integer(buf, at);
    const end = buf.indexOf(CR, at);
    if (end === -1 || end + 1 >= buf.length) return null;
    const type = buf[at];
    const line = buf.toString("latin1", at + 1, end);
    const next = end + 2;
    switch (type) {
      case 0x2b: // +
        return { value: line, next };
      case 0x2d: // -
        return { value: new RespError(line), next };
      case 0x24: {
        // $
        const length = Number(line);
        if (length === -1) return { value: null, next };
        if (next + length + 2 > buf.length) return null;
        return { value: buf.toString("utf8", next, next + length), next: next + length + 2 };
      }
      case 0x2a: {
        // *
        if (!nested) throw new RespProtocolError("nested arrays are not expected here");
        const count = Number(line);
        if (count === -1) return { value: null, next };
        const items: RespValue[] = new Array(count);
        let position = next;
        for (let i = 0; i < count; i++) {
          const item = this.value(buf, position, false);
          if (!item) return null;
          items[i] = item.value;
          position = item.next;
        }
        return { value: items, next: position };
      }
      default:
        throw new RespProtocolError(
          `unexpected reply type ${JSON.stringify(String.fromCharCode(type ?? 0))}`,
        );
    }
  }
}
