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
      case 0x3a: // :
        return { value: Number(line), next };
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
