import type { Adjustment } from "@/generated/prisma/client";

/** What an audit event records of an adjustment. */
export const adjustmentView = (a: Adjustment) => ({
  id: a.id,
  kind: a.multiplier > 1 ? "boost" : "penalty",
  multiplier: a.multiplier,
  reason: a.reason,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
});
