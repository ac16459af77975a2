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
type Template = { entry: KnownRefusal; until: number; parts: string[]; seconds: number; last: Decision };

/** Stands for the seconds to wait while the template is built; a number no answer holds. */
const PLACEHOLDER_SECONDS = 987_654_321_987;

const templates = new WeakMap<LimitSpec[], Template>();

export function localRefusal(
  specs: LimitSpec[],
  known: { until: number; entry: KnownRefusal },
  now: number,
  /** Builds the full refusal as it would be answered at `at`. */
  build: (at: number) => Decision,
): Decision {
  const seconds = Math.max(1, Math.ceil((known.until - now) / 1000));
  let template = templates.get(specs);
  if (!template || template.entry !== known.entry || template.until !== known.until) {
    const built = build(known.until - PLACEHOLDER_SECONDS * 1000);
    const parts = decisionJson(built).split(String(PLACEHOLDER_SECONDS));
    // Should the placeholder not show where expected, answer without a template.
    if (parts.length < 2) return build(now);
    template = { entry: known.entry, until: known.until, parts, seconds: 0, last: built };
    templates.set(specs, template);
  }
  if (template.seconds !== seconds) {
    template.last = decisionFromJson(template.parts.join(String(seconds)));
    template.seconds = seconds;
  }
  return template.last;
}
