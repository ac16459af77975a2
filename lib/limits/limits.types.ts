import { z } from "zod";
import { idField } from "@/lib/validation";

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const METHODS = ["*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** "/v1/items/:id", "/v1/reports/*": segments of letters, digits and -._~, ":name" params, "*" last. */
export const pathPatternField = z
  .string()
  .trim()
  .min(1, "Enter a path, e.g. /api/v1/items/:id")
  .max(200, "Use at most 200 characters")
  .refine((p) => p.startsWith("/"), "Start the path with /")
  .refine((p) => !/[?#\s]/.test(p), "Leave out the query string and spaces")
  .refine(
    (p) =>
      p
        .split("/")
        .slice(1)
        .every((seg, i, all) =>
          seg === "*" ? i === all.length - 1 : /^(:[A-Za-z_]\w*|[\w.~-]*)$/.test(seg),
        ),
    "Use plain segments, :name for a parameter and * only at the end",
  );

const costField = z.coerce
  .number("Enter a cost from 1 to 10")
  .int("Enter a whole number")
  .min(1, "The cost is 1 to 10 points")
  .max(10, "The cost is 1 to 10 points");
const optionalLimit = (label: string) =>
  z.preprocess(
    blank,
    z.coerce
      .number(`Enter ${label} as a whole number`)
      .int(`Enter ${label} as a whole number`)
      .min(1, `${label} must be at least 1`)
      .max(1_000_000, "That is more than any plan allows")
      .optional(),
  );
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const endpointRuleSchema = z.object({
  method: z.enum(METHODS, "Choose a method"),
  pathPattern: pathPatternField,
  cost: costField,
  perMinute: optionalLimit("The own limit"),
  exempt: checkbox,
});

export const updateEndpointRuleSchema = endpointRuleSchema.extend({ ruleId: idField });
export const deleteEndpointRuleSchema = z.object({ ruleId: idField });
export const ipLimitSchema = z.object({ ipPerMinute: optionalLimit("The IP limit") });
const FAILURE_MODES = ["OPEN", "CLOSED"] as const;
export const failureModeSchema = z.object({
  failureMode: z.enum(FAILURE_MODES, "Choose fail open or fail closed"),
});
export const keyLimitsSchema = z.object({
  keyId: idField,
  perMinute: optionalLimit("Requests per minute"),
  perHour: optionalLimit("Requests per hour"),
  burst: optionalLimit("Burst"),
});
export const simulateSchema = z.object({
  keyId: idField,
  method: z.enum(METHODS.filter((m) => m !== "*") as [string, ...string[]], "Choose a method"),
  path: z
    .string()
    .trim()
    .min(1, "Enter a path")
    .max(2048)
    .refine((p) => p.startsWith("/"), "Start the path with /"),
});

export type EndpointRuleInput = z.infer<typeof endpointRuleSchema>;
