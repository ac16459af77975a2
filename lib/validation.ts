import { z } from "zod";
import { AppError } from "./errors";

/** Field rules shared by forms and servers, so both say the same thing about a bad value. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like ada@example.com").max(254, "Email is too long"));

export const passwordField = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters");

export const nameField = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");

export const slugField = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters")
  .max(40, "Use at most 40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. acme-corp");

export const idField = z.string().trim().min(1, "Missing").max(64, "Too long");

export const roleField = z.enum(["OWNER", "ADMIN", "VIEWER"], "Choose owner, admin or viewer");

/**
 * Parses a service's input with its schema; the first problem becomes a BAD_REQUEST naming
 * its field, as a refused form would show it.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new AppError("BAD_REQUEST", issue.message, issue.path.join(".") || undefined);
}
