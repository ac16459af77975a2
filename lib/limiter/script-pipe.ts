import { connect, type Socket } from "node:net";
import { encodeCommand, RespError, RespProtocolError, RespReader, type RespValue } from "./resp";

export type ScriptPipeOptions = {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  /** A command not answered within this is failed (its late reply is dropped). */
  timeoutMs: number;
  /** Pause between reconnection attempts. */
  reconnectMs?: number;
};

type Pending = {
  resolve: (value: RespValue) => void;
  reject: (error: Error) => void;
  sentAt: number;
  /** Failed by its timeout: the reply, when it comes, is dropped. */
  abandoned: boolean;
};

/**
 * Commands of this many checks go out in one write; the rest when the event-loop turn ends, or at
 * once when no other command awaits a reply (measured: lower p99 below saturation, bench/README.md).
 */
const COMMANDS_PER_WRITE = 16;

/**
 * The validation API's own connection for limiter scripts: one socket, commands pipelined and
 * written in groups, replies matched in order. On the hot path, ioredis cost ~26 µs of CPU per
 * EVALSHA here and this ~13 µs (bench/README.md). Like the ioredis client it replaces there, it
 * has no offline queue (a command while disconnected fails at once), fails a command after
 * `timeoutMs`, and reconnects by itself. Used only for plain `redis://` URLs; TLS and Cluster
 * stay on ioredis.
 */
export class ScriptPipe {
  private socket: Socket | null = null;
  private ready = false;
  private closed = false;
  private readonly pending: Pending[] = [];
  private reader = new RespReader();
  private outgoing: string[] = [];
  private flushScheduled = false;
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(private readonly options: ScriptPipeOptions) {
    // Checked every tenth of the timeout: a command fails at most 10 % after it (no request may
    // wait over 250 ms, and a 150 ms timeout checked every 37 ms left too little room for the rest).
    this.sweepTimer = setInterval(() => this.failOverdue(), Math.max(5, Math.floor(options.timeoutMs / 10)));
    this.sweepTimer.unref();
    this.connect();
  }

  static fromUrl(url: string, timeoutMs: number): ScriptPipe | null {
    const parsed = new URL(url);
    if (parsed.protocol !== "redis:") return null;
    return new ScriptPipe({
      host: parsed.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1",
      port: Number(parsed.port || 6379),
      username: decodeURIComponent(parsed.username) || undefined,
      password: decodeURIComponent(parsed.password) || undefined,
      db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
      timeoutMs,
    });
  }

  get isReady(): boolean {
    return this.ready;
  }

  // The two commands runScript() needs (script-runner.ts), with ioredis's argument order.
  evalsha(sha1: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<RespValue> {
    return this.send(["EVALSHA", sha1, numKeys, ...keysAndArgs]);
  }

  eval(lua: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<RespValue> {
    return this.send(["EVAL", lua, numKeys, ...keysAndArgs]);
  }

  close() {
    this.closed = true;
    clearInterval(this.sweepTimer);
    this.socket?.destroy();
  }

  private send(parts: readonly (string | number)[], beforeReady = false): Promise<RespValue> {
    if ((!this.ready && !beforeReady) || !this.socket) {
      return Promise.reject(new Error("limiter connection is not ready"));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, sentAt: Date.now(), abandoned: false });
      this.outgoing.push(encodeCommand(parts));
      // Redis idle (nothing else awaits a reply): nothing to group with, write at once.
      if (this.outgoing.length >= COMMANDS_PER_WRITE || this.pending.length === 1) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush() {
    this.flushScheduled = false;
    if (this.outgoing.length === 0) return;
    const data = this.outgoing.length === 1 ? (this.outgoing[0] as string) : this.outgoing.join("");
    this.outgoing = [];
    this.socket?.write(data);
  }

  private connect() {
    if (this.closed) return;
    const socket = connect(this.options.port, this.options.host);
    this.socket = socket;
    this.reader = new RespReader();
    socket.setNoDelay(true);
    socket.on("connect", () => void this.handshake(socket));
    socket.on("data", (chunk: Buffer) => this.onData(socket, chunk));
    socket.on("error", () => {}); // "close" follows and handles it
    socket.on("close", () => {
      if (this.socket !== socket) return;
      this.ready = false;
      this.socket = null;
      this.failAll(new Error("limiter connection closed"));
      if (!this.closed) setTimeout(() => this.connect(), this.options.reconnectMs ?? 200).unref();
    });
  }

  private async handshake(socket: Socket) {
    const { username, password, db } = this.options;
    try {
      if (password) await this.send(username ? ["AUTH", username, password] : ["AUTH", password], true);
      if (db) await this.send(["SELECT", db], true);
      if (this.socket === socket) this.ready = true;
    } catch {
      socket.destroy(); // wrong credentials or db: retried like any lost connection
    }
  }

  private onData(socket: Socket, chunk: Buffer) {
    let replies: RespValue[];
    try {
      replies = this.reader.push(chunk);
    } catch (error) {
      if (!(error instanceof RespProtocolError)) throw error;
      socket.destroy(); // out of step with the server: start over rather than misattribute replies
      return;
    }
    for (const reply of replies) {
      const waiting = this.pending.shift();
      if (!waiting) {
        socket.destroy();
        return;
      }
      if (waiting.abandoned) continue;
      if (reply instanceof RespError) waiting.reject(reply);
      else waiting.resolve(reply);
    }
  }

  /**
   * Once the oldest command is past its time, fails it and every command queued behind it:
   * replies come in order, so none of them can be answered before it, and waiting out each
   * one's own timeout would only hold its request longer. They stay queued (abandoned) so later
   * replies still line up.
   */
  private failOverdue() {
    const oldest = this.pending.find((waiting) => !waiting.abandoned);
    if (!oldest || oldest.sentAt > Date.now() - this.options.timeoutMs) return;
    for (const waiting of this.pending) {
      if (!waiting.abandoned) {
        waiting.abandoned = true;
        waiting.reject(new Error("limiter command timed out"));
      }
    }
  }

  private failAll(error: Error) {
    for (const waiting of this.pending.splice(0)) if (!waiting.abandoned) waiting.reject(error);
    this.outgoing = [];
    this.flushScheduled = false;
  }
}
