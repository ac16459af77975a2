import { type Server as HttpServer, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { flushAtEndOfTurn } from "./end-of-turn";
import type { ApiHandler, ApiRequest, ApiResponse } from "./http-io";
import { parseRequest } from "./http1-parse";

/** Requests of one connection answered out of order wait in line; past this many, reading pauses. */
const MAX_IN_FLIGHT = 64;
/** Unanswerable bytes held before node:http takes over (well-formed clients send a request at once). */
const MAX_PENDING_BYTES = 4 * 1024;
const HEADER_BREAK = /[\r\n]/;
const FAILED_BODY = JSON.stringify({ error: { code: "INTERNAL", message: "The answer could not be sent." } });
const FAILED =
  "HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n" +
  `content-length: ${Buffer.byteLength(FAILED_BODY)}\r\nconnection: close\r\n\r\n${FAILED_BODY}`;

let dateSecond = 0;
let dateHeader = "";
/** The Date header, rebuilt once a second (as node:http does). */
function httpDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateHeader = new Date(now).toUTCString();
  }
  return dateHeader;
}

function serialize(answer: ApiResponse, close: boolean): string {
  let head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}\r\n`;
  for (const name in answer.headers) {
    const value = answer.headers[name] as string;
    if (HEADER_BREAK.test(value)) return FAILED; // node:http's writeHead would throw here too
    head += `${name}: ${value}\r\n`;
  }
  head += `content-length: ${Buffer.byteLength(answer.body)}\r\ndate: ${httpDate()}\r\n`;
  if (close) head += "connection: close\r\n";
  return `${head}\r\n${answer.body}`;
}

type Slot = { answer: string | null; close: boolean };

/**
 * One client connection served by the lean front: parses well-formed HTTP/1.1 requests (see
 * http1-parse.ts), answers them in order, and writes the answers of one event-loop turn in one
 * write. node:http costs ~30 µs of CPU per request more than this on our machine
 * (bench/README.md), more than the rest of a decision. At the first request it does not accept,
 * it waits for the answers in flight, then hands the socket and the unread bytes to node:http.
 */
export class Http1Connection {
  private input: Buffer | null = null;
  private readonly slots: Slot[] = [];
  private flushQueued = false;
  private handOverWhenIdle = false;
  private ended = false;
  /** The client is not reading what it was sent: reading stays paused until the socket drains. */
  private waitingForDrain = false;

  constructor(
    private readonly socket: Socket,
    private readonly handle: ApiHandler,
    private readonly fallback: HttpServer,
    keepAliveMs: number,
  ) {
    socket.setNoDelay(true);
    socket.setTimeout(keepAliveMs);
    socket.on("data", this.onData);
    socket.on("timeout", this.onTimeout);
    socket.on("error", this.onError);
    socket.on("end", this.onEnd);
  }

  get idle(): boolean {
    return this.slots.length === 0 && this.input === null;
  }

  destroy() {
    this.socket.destroy();
  }

  private readonly onData = (chunk: Buffer) => {
    this.input = this.input ? Buffer.concat([this.input, chunk]) : chunk;
    this.parse();
  };

  // Idle past keep-alive, or a request that never completes: close, as node:http does.
  private readonly onTimeout = () => {
    if (this.slots.length === 0) this.socket.destroy();
  };

  private readonly onError = () => this.socket.destroy();

  private readonly onDrain = () => {
    this.waitingForDrain = false;
    this.resumeIfRoom();
  };

  // The client sent all it will (the server allows half-open sockets): answer, then close.
  private readonly onEnd = () => {
    this.ended = true;
    if (this.slots.length === 0) this.socket.end();
  };

  private parse() {
    let at = 0;
    const buf = this.input;
    while (buf && at < buf.length && !this.ended && !this.handOverWhenIdle) {
      if (this.slots.length >= MAX_IN_FLIGHT) {
        this.socket.pause();
        break;
      }
      const parsed = parseRequest(buf, at, this.socket.remoteAddress ?? null);
      // A request trickling in is left to node:http's incremental parser (this one re-reads from the start).
      if (parsed.kind === "incomplete" && buf.length - at <= MAX_PENDING_BYTES) break;
      if (parsed.kind !== "request") {
        this.handOverWhenIdle = true;
        break;
      }
      at = parsed.next;
      this.ended = parsed.close;
      this.answer(parsed.request, parsed.close);
    }
    this.input = buf && at < buf.length ? buf.subarray(at) : null;
    if (this.handOverWhenIdle && this.slots.length === 0) this.handOver();
  }

  private answer(req: ApiRequest, close: boolean) {
    const slot: Slot = { answer: null, close };
    this.slots.push(slot);
    this.handle(req)
      .then((answer) => serialize(answer, close))
      .then(
        (answer) => this.ready(slot, answer),
        () => this.ready(slot, FAILED),
      );
  }

  private ready(slot: Slot, answer: string) {
    slot.answer = answer;
    if (this.slots[0] === slot && !this.flushQueued) {
      this.flushQueued = true;
      flushAtEndOfTurn(this);
    }
  }

  /** Writes the answers ready at the head of the line, in request order. */
  flush() {
    this.flushQueued = false;
    let out = "";
    let close = false;
    while (this.slots.length > 0 && (this.slots[0] as Slot).answer !== null) {
      const slot = this.slots.shift() as Slot;
      out += slot.answer;
      close ||= slot.close || slot.answer === FAILED;
    }
    if (this.socket.destroyed) return;
    if (close || (this.ended && this.slots.length === 0)) {
      this.socket.end(out);
      return;
    }
    // As node:http does: a client that does not read its answers gets no more of them computed.
    if (out && !this.socket.write(out)) {
      this.waitingForDrain = true;
      this.socket.pause();
      this.socket.once("drain", this.onDrain);
      return;
    }
    if (this.socket.isPaused()) this.resumeIfRoom();
    else if (this.handOverWhenIdle && this.slots.length === 0) this.handOver();
  }

  private resumeIfRoom() {
    if (this.waitingForDrain || this.slots.length >= MAX_IN_FLIGHT || this.socket.destroyed) return;
    this.socket.resume();
    this.parse();
  }

  /** node:http takes the socket, with the bytes not yet answered, as if it had just connected. */
  private handOver() {
    const { socket } = this;
    socket.removeListener("data", this.onData);
    socket.removeListener("timeout", this.onTimeout);
    socket.removeListener("error", this.onError);
    socket.removeListener("end", this.onEnd);
    socket.removeListener("drain", this.onDrain);
    socket.setTimeout(0);
    socket.pause();
    if (this.input) socket.unshift(this.input);
    this.input = null;
    this.fallback.emit("connection", socket);
    process.nextTick(() => socket.resume());
  }
}
