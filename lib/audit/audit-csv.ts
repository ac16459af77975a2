import type { AuditEvent } from "@/generated/prisma/client";

const COLUMNS = [
  "seq",
  "createdAt",
  "actorEmail",
  "actorId",
  "action",
  "targetType",
  "targetId",
  "before",
  "after",
  "ip",
  "userAgent",
  "requestId",
  "hash",
] as const;

/** RFC 4180 quoting, and a leading quote on formula-like cells so spreadsheets do not run them. */
function cell(value: unknown): string {
  let text =
    value == null
      ? ""
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return `${COLUMNS.join(",")}\r\n`;
}

export function auditCsvRow(event: AuditEvent): string {
  return `${COLUMNS.map((c) => cell(event[c])).join(",")}\r\n`;
}
