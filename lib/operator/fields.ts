import { z } from "zod";
import { idField } from "@/lib/validation";

/** Field rules shared by the operator's forms and services. */
export const tenantIdField = idField;

export const reasonField = z
  .string("Give a reason: it is recorded in the audit log")
  .trim()
  .min(1, "Give a reason: it is recorded in the audit log")
  .max(500, "Use at most 500 characters");

/** Forms send "" for an empty field: treat it as absent, so "required" is what gets reported. */
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
