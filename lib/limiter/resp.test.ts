import { describe, expect, it } from "vitest";
import { encodeCommand, RespError, RespProtocolError, RespReader } from "./resp";

describe("RESP", () => {
  it("encodes a command as bulk strings, counting bytes, not characters", () => {
    expect(encodeCommand(["EVALSHA", "ab", 2, "{t}:k", "é"])).toBe(
      "*5\r\n$7\r\nEVALSHA\r\n$2\r\nab\r\n$1\r\n2\r\n$5\r\n{t}:k\r\n$2\r\né\r\n",
    );
  });

  it("reads every reply type the limiter meets, however the bytes are split", () => {
    const wire = Buffer.from(
      "+OK\r\n:42\r\n:0\r\n:1796205738123\r\n$3\r\nabc\r\n$-1\r\n*3\r\n:1\r\n:-7\r\n$2\r\nhi\r\n-NOSCRIPT No matching script\r\n*0\r\n",
    );
    const expected = [
      "OK",
      42,
      0,
      1796205738123,
      "abc",
      null,
      [1, -7, "hi"],
      new RespError("NOSCRIPT No matching script"),
      [],
    ];
    for (let size = 1; size <= wire.length; size++) {
      const reader = new RespReader();
      const replies = [];
      for (let at = 0; at < wire.length; at += size)
        replies.push(...reader.push(wire.subarray(at, at + size)));
      expect(replies, `chunks of ${size} bytes`).toEqual(expected);
      expect((replies[7] as RespError).message).toBe("NOSCRIPT No matching script");
    }
  });

  it("refuses what it does not expect instead of guessing", () => {
    expect(() => new RespReader().push(Buffer.from("*1\r\n*1\r\n:1\r\n"))).toThrow(RespProtocolError);
    expect(() => new RespReader().push(Buffer.from("%1\r\n"))).toThrow(RespProtocolError);
    expect(() => new RespReader().push(Buffer.from(":12x\r\n"))).toThrow(RespProtocolError);
    expect(() => new RespReader().push(Buffer.from(":\r\n"))).toThrow(RespProtocolError);
  });
});
