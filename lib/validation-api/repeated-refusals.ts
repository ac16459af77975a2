import type { Decision } from "./decision";
import { type RefusalTemplate, refusalJson, templateOf } from "./local-refusal";
import type { RefusalCache } from "./refusal-cache";

/** Bodies longer than this are not remembered (a check body is ~150 bytes). */
const MAX_BODY_CHARS = 1_024;
const MAX_BODIES = 50_000;

/**
 * The answers to /v1/check bodies refused locally moments ago, by the exact body. A client over
 * its limit usually keeps sending the same request (same key, IP and path), and while its refusal
 * holds the answer to that body is known: this skips parsing, hashing the key and matching the
 * route, which is most of a refusal's cost. An answer is reused only while the refusal it came
 * from is still the one RefusalCache would find, before anything but time could move it (key
 * expiry, an adjustment starting or ending), and until any policy, key or counter change, which
 * forgets every body (`clear`).
 */
export class RepeatedRefusals {
  private readonly byBody = new Map<string, RefusalTemplate>();

  constructor(
    private readonly refusals: RefusalCache,
    private readonly maxBodies = MAX_BODIES,
  ) {}

  /** The answer (JSON) to a body refused before, while that refusal holds; else null. */
  answer(body: string, now: number): string | null {
    const template = this.byBody.get(body);
    if (!template) return null;
    if (now < template.validUntil && this.stillRefused(template, now)) return refusalJson(template, now);
    this.byBody.delete(body);
    return null;
  }

  /** Remembers the body when its decision is a local refusal. */
  remember(body: string, decision: Decision) {
    const template = templateOf(decision);
    if (!template || body.length > MAX_BODY_CHARS) return;
    if (this.byBody.size >= this.maxBodies) this.dropOldest();
    this.byBody.set(body, template);
  }

  clear() {
    this.byBody.clear();
  }

  /** Drops the answers whose refusal has ended (called periodically). */
  sweep(now: number) {
    for (const [body, template] of this.byBody) if (template.validUntil <= now) this.byBody.delete(body);
  }

  get size(): number {
    return this.byBody.size;
  }

  // The same refusal (entry and end) RefusalCache finds now: not forgotten, extended or outlasted.
  private stillRefused(template: RefusalTemplate, now: number): boolean {
    const found = this.refusals.refusedUntil(template.specs, now);
    return found !== null && found.entry === template.entry && found.until === template.until;
  }

  /** Map order is insertion order: the first-remembered tenth goes. */
  private dropOldest() {
    let drop = Math.ceil(this.maxBodies / 10);
    for (const body of this.byBody.keys()) {
      if (drop-- <= 0) break;
      this.byBody.delete(body);
    }
  }
}
