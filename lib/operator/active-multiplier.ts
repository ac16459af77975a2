type Multiplying = { multiplier: number; startsAt: Date; endsAt: Date };

/**
 * The product of the boosts and penalties active at `now`, and incident mode's multiplier when
 * it is on: the same rule the validation API applies (startsAt <= now < endsAt).
 */
export function activeMultiplier(
  adjustments: readonly Multiplying[],
  incident: { multiplier: number } | null,
  now: Date,
): number {
  let product = incident?.multiplier ?? 1;
  for (const a of adjustments) {
    if (a.startsAt <= now && now < a.endsAt) product *= a.multiplier;
  }
  return product;
}
