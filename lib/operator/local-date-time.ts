const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant a form's date-time means. A `datetime-local` input sends wall-clock time without
 * a zone ("2026-03-15T14:30"), so the form also sends the browser's `getTimezoneOffset()` in
 * minutes; the server must not read it in its own zone. Strings with a zone ("…Z", "…+02:00")
 * are taken as they are. Returns an Invalid Date for anything unreadable, undefined for blank.
 */
export function instantFromForm(value: unknown, timezoneOffset: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.trim();
  if (HAS_ZONE.test(text)) return new Date(text);
  const parts = LOCAL.exec(text);
  if (!parts) return new Date(Number.NaN);
  const [year, month, day, hour, minute, second = "0", ms = "0"] = parts.slice(1);
  const wallClockAsUtc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(ms.padEnd(3, "0")),
  );
  const offset = Number(timezoneOffset);
  // getTimezoneOffset() is UTC minus local time, in minutes (e.g. -120 in UTC+2).
  const minutes = Number.isFinite(offset) && Math.abs(offset) <= 14 * 60 ? offset : 0;
  return new Date(wallClockAsUtc + minutes * 60_000);
}
