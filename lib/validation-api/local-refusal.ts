import type { LimitSpec } from "@/lib/limiter/types";
import { type Decision, decisionFromJson, decisionJson } from "./decision";
import type { KnownRefusal } from "./refusal-cache";

/**
 * Refusals known in process (see RefusalCache) are answered without Redis and almost without
 * work. Within one refusal the answer to a given request shape (its prepared specs) changes only
 * in the seconds left to wait, so it is built and serialized once, with a placeholder for those
 * seconds, and each answer fills them in. Under a flood of refused requests this is what keeps
 * refusing cheaper than admitting (the over-limit benchmark row).
 */
export type RefusalTemplate = {
  specs: LimitSpec[];
  entry: KnownRefusal;
  until: number;
  /** Until when nothing but time moves this answer: the refusal's end, or sooner (key expiry, an adjustment). */
  validUntil: number;
  parts: string[];
  seconds: number;
  json: string;
  decision: Decision | null;
};

/** Stands for the seconds to wait while the template is built; a number no answer holds. */
const PLACEHOLDER_SECONDS = 987_654_321_987;

const templates = new WeakMap<LimitSpec[], RefusalTemplate>();
const templateOfDecision = new WeakMap<Decision, RefusalTemplate>();

export function localRefusal(
  specs: LimitSpec[],
  known: { until: number; entry: KnownRefusal },
  now: number,
  /** Builds the full refusal as it would be answered at `at`. */
  build: (at: number) => Decision,
  validUntil = known.until,
): Decision {
  let template = templates.get(specs);
  if (!template || template.entry !== known.entry || template.until !== known.until) {
    const built = build(known.until - PLACEHOLDER_SECONDS * 1000);
    const parts = decisionJson(built).split(String(PLACEHOLDER_SECONDS));
    // Should the placeholder not show where expected, answer without a template.
    if (parts.length < 2) return build(now);
    template = {
      specs,
      entry: known.entry,
      until: known.until,
      validUntil,
      parts,
      seconds: 0,
      json: "",
      decision: null,
    };
    templates.set(specs, template);
  }
  return refusalDecision(template, now);
}

/** The template's answer at `now` (the same second answers the same object; never edit it). */
export function refusalDecision(template: RefusalTemplate, now: number): Decision {
  refusalJson(template, now);
  if (!template.decision) {
    template.decision = decisionFromJson(template.json);
    templateOfDecision.set(template.decision, template);
  }
  return template.decision;
}

/** The template's answer at `now`, as JSON (the same second answers the same string). */
export function refusalJson(template: RefusalTemplate, now: number): string {
  const seconds = Math.max(1, Math.ceil((template.until - now) / 1000));
  if (template.seconds !== seconds) {
    template.json = template.parts.join(String(seconds));
    template.seconds = seconds;
    template.decision = null;
  }
  return template.json;
}

/** The template a decision was answered from, when it is a local refusal. */
export const templateOf = (decision: Decision): RefusalTemplate | undefined =>
  templateOfDecision.get(decision);
