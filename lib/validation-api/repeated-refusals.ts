import type { Decision } from "./decision";
import { dropOldestTenth } from "./drop-oldest";
import { type RefusalTemplate, refusalJson, templateOf } from "./local-refusal";
import type { RefusalCache } from "./refusal-cache";

/** Requests longer than this are not remembered (a check body is ~150 bytes). */
const MAX_REQUEST_CHARS = 1_024;
const MAX_REQUESTS = 50_000;

/**
 * Requests refused locally moments ago, by what identifies them exactly (a /v1/check body's
 * bytes; a forward-auth request's key, IP, method and path), with the refusal template their
 * answer came from. A client over its limit usually keeps sending the same request, and while
 * its refusal holds the answer is known: this skips parsing, hashing the key and matching the
 * route, which is most of a refusal's cost. A template is reused only while the refusal it came
 * from is still the one RefusalCache would find, before anything but time could move it (key
 * expiry, an adjustment starting or ending), and until any policy, key or counter change, which
 * forgets every request (`clear`).
 */
export class RepeatedRefusals {
  private readonly byRequest = new Map<string, RefusalTemplate>();

  constructor(
    private readonly refusals: RefusalCache,
    private readonly maxRequests = MAX_REQUESTS,
  ) {}

  /** The template that answered this request before, while its refusal holds; else null. */
  find(request: string, now: number): RefusalTemplate | null {
    const template = this.byRequest.get(request);
    if (!template) return null;
    if (now < template.validUntil && this.stillRefused(template, now)) return template;
    this.byRequest.delete(request);
    return null;
  }

  /** The JSON answer to a /v1/check body refused before, while that refusal holds; else null. */
  answer(body: string, now: number): string | null {
    const template = this.find(body, now);
    return template && refusalJson(template, now);
  }

  /** Remembers the request when its decision is a local refusal. */
  remember(request: string, decision: Decision) {
    if (decision.allowed) return;
    const template = templateOf(decision);
    if (!template || request.length > MAX_REQUEST_CHARS) return;
    if (this.byRequest.size >= this.maxRequests) dropOldestTenth(this.byRequest, this.maxRequests);
    this.byRequest.set(request, template);
  }

  clear() {
    this.byRequest.clear();
  }

  /** Drops the answers whose refusal has ended (called periodically). */
  sweep(now: number) {
    for (const [request, template] of this.byRequest)
      if (template.validUntil <= now) this.byRequest.delete(request);
  }

  get size(): number {
    return this.byRequest.size;
  }

  // The same refusal (entry and end) RefusalCache finds now: not forgotten, extended or outlasted.
  private stillRefused(template: RefusalTemplate, now: number): boolean {
    const found = this.refusals.refusedUntil(template.specs, now);
    return found !== null && found.entry === template.entry && found.until === template.until;
  }
}
