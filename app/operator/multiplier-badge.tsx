/** "×2" beside a limit that a boost, penalty or incident mode currently multiplies. */
export function MultiplierBadge({ multiplier }: { multiplier: number }) {
  if (multiplier === 1) return null;
  const boost = multiplier > 1;
  return (
    <span
      title={boost ? "Boosted" : "Penalized"}
      className={`ml-1 rounded-full px-1.5 py-0.5 text-xs font-medium ${boost ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}
    >
      ×{formatMultiplier(multiplier)}
    </span>
  );
}

export const formatMultiplier = (m: number) => String(Number(m.toFixed(2)));
