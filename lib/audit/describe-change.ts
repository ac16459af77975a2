/** One field of an audit event's change, as the audit page shows it. */
export type ChangeLine =
  | { field: string; kind: "added"; to: string }
  | { field: string; kind: "removed"; from: string }
  | { field: string; kind: "changed"; from: string; to: string }
  /** Present before and after with the same value: context (which member, which counter). */
  | { field: string; kind: "same"; value: string };

const MAX_VALUE_LENGTH = 120;

/** A value as one short line: strings bare, nested values as compact JSON, cut when long. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Field by field, what an event's `before` and `after` say: created fields, removed ones, old →
 * new values, and the unchanged ones that identify the target. Fields keep their recorded order,
 * `before`'s first. A side that is not an object is shown as one field named "value".
 */
export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  const from = toRecord(before);
  const to = toRecord(after);
  const fields = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])];
  return fields.map((field): ChangeLine => {
    const inBefore = from !== null && field in from;
    const inAfter = to !== null && field in to;
    if (!inBefore) return { field, kind: "added", to: showValue(to?.[field]) };
    if (!inAfter) return { field, kind: "removed", from: showValue(from?.[field]) };
    const old = JSON.stringify(from?.[field]);
    const now = JSON.stringify(to?.[field]);
    return old === now
      ? { field, kind: "same", value: showValue(to?.[field]) }
      : { field, kind: "changed", from: showValue(from?.[field]), to: showValue(to?.[field]) };
  });
}

function toRecord(side: unknown): Record<string, unknown> | null {
  if (side === null || side === undefined) return null;
  return isRecord(side) ? side : { value: side };
}
