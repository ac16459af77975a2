import type { LoadResult } from "./load";

export type Measurement = LoadResult & {
  /** CPU of the server's processes, of Redis and of the load generator, per answered request, in µs. */
  serverCpuUs: number;
  redisCpuUs: number;
  generatorCpuUs: number;
  /** Share of the machine busy with anything else (kernel networking, other processes), in %. */
  otherBusyPercent: number;
};

export const SCENARIOS = {
  bare: "bare node:http, fixed JSON",
  rlf: "node:http + rate-limiter-flexible (4 consume)",
  floor: "node:http + one EVALSHA of our script, no more",
  ours: "Sluice /v1/check, 1 process",
  ours2: "Sluice /v1/check, VALIDATION_WORKERS=2",
  over: "Sluice, 1 process, 90 % over limit",
  over2: "Sluice, VALIDATION_WORKERS=2, 90 % over limit",
  half: "Sluice, 1 process, about half max rps, paced",
  halfFloor: "one EVALSHA, no more, paced at the same rate",
  halfBare: "bare node:http, paced at the same rate",
} as const;

export type ScenarioId = keyof typeof SCENARIOS;
export type Round = Partial<Record<ScenarioId, Measurement>>;

/** A measurement with more of the machine than this going to other work counts as disturbed. */
const QUIET_PERCENT = 10;

const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const thousands = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–";

type Ratio = {
  label: string;
  uses: ScenarioId[];
  value: (r: Round) => number;
  unit: string;
  target?: number;
};

const rpsRatio = (label: string, a: ScenarioId, b: ScenarioId, target?: number): Ratio => ({
  label,
  uses: [a, b],
  value: (r) => (r[a]?.rps ?? Number.NaN) / (r[b]?.rps ?? Number.NaN),
  unit: "x",
  target,
});

const RATIOS: Ratio[] = [
  rpsRatio("ours / bare", "ours", "bare", 0.4),
  rpsRatio("one EVALSHA, no more / bare (the premise of 0.4)", "floor", "bare"),
  rpsRatio("ours / one EVALSHA, no more", "ours", "floor"),
  rpsRatio("ours / rate-limiter-flexible", "ours", "rlf", 2),
  rpsRatio("90 % over limit / all admitted", "over", "ours", 1.5),
  rpsRatio("the same with 2 workers (both rows)", "over2", "ours2", 1.5),
  {
    label: "p99 at about half max rps, paced (ms)",
    uses: ["half"],
    value: (r) => r.half?.p99 ?? Number.NaN,
    unit: "",
    target: 5,
  },
  {
    label: "p99 of one EVALSHA, no more, same pacing (ms)",
    uses: ["halfFloor"],
    value: (r) => r.halfFloor?.p99 ?? Number.NaN,
    unit: "",
  },
  {
    label: "p99 of bare node:http, same pacing (ms)",
    uses: ["halfBare"],
    value: (r) => r.halfBare?.p99 ?? Number.NaN,
    unit: "",
  },
  rpsRatio("ours, 2 workers / bare", "ours2", "bare"),
  rpsRatio("ours, 2 workers / 1 process", "ours2", "ours"),
];

/**
 * A ratio with two decimals, rounded away from its target's side (throughput ratios down,
 * latencies up), so a value just short of a target never prints as reaching it (1.997x: 1.99x).
 */
const shown = (ratio: Ratio, value: number) => {
  // 1e-9: a value exact in decimal (2.37 ms) must not move a step through floating-point error.
  const rounded =
    ratio.unit === "" ? Math.ceil(value * 100 - 1e-9) / 100 : Math.floor(value * 100 + 1e-9) / 100;
  return `${fixed(rounded, 2)}${ratio.unit}`;
};

/** Latency targets are ceilings, throughput ratios floors. */
const verdict = (ratio: Ratio, value: number) => {
  if (ratio.target === undefined || !Number.isFinite(value)) return "";
  const met = ratio.unit === "" ? value <= ratio.target : value >= ratio.target;
  return `${ratio.unit === "" ? "≤" : "≥"} ${ratio.target}${ratio.unit} ${met ? "met" : "MISSED"}`;
};

/**
 * The table: medians over rounds; each ratio taken within a round (drift cancels), then the
 * median over all rounds and over the quiet ones (the rounds whose measurements it uses had the
 * machine to themselves).
 */
export function formatReport(rounds: Round[], header: string): string {
  const lines = [header, ""];
  const row = (cells: string[], widths: number[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join("  ");
  const widths = [50, 7, 7, 7, 9, 8, 10, 6, 6];
  const titles = [
    "scenario",
    "rps",
    "p50 ms",
    "p99 ms",
    "server µs",
    "Redis µs",
    "loadgen µs",
    "other",
    "errors",
  ];
  lines.push(row(titles, widths));
  for (const [id, label] of Object.entries(SCENARIOS) as [ScenarioId, string][]) {
    const runs = rounds.map((r) => r[id]).filter((m): m is Measurement => m !== undefined);
    if (runs.length === 0) continue;
    const med = (pick: (m: Measurement) => number) => median(runs.map(pick));
    const errors = runs.reduce((sum, m) => sum + m.errors + m.non2xx, 0);
    lines.push(
      row(
        [
          label,
          thousands(med((m) => m.rps)),
          fixed(
            med((m) => m.p50),
            2,
          ),
          fixed(
            med((m) => m.p99),
            2,
          ),
          fixed(
            med((m) => m.serverCpuUs),
            0,
          ),
          fixed(
            med((m) => m.redisCpuUs),
            0,
          ),
          fixed(
            med((m) => m.generatorCpuUs),
            0,
          ),
          `${fixed(
            med((m) => m.otherBusyPercent),
            0,
          )} %`,
          String(errors),
        ],
        widths,
      ),
    );
  }
  lines.push("  (µs: CPU per answered request; other: share of the machine busy with none of the three)");

  const ratioWidths = [50, 10, 16, 16];
  lines.push(
    "",
    row(["ratio (median of per-round ratios)", "all rounds", "quiet rounds", "target"], ratioWidths),
  );
  for (const ratio of RATIOS) {
    const quietRounds = rounds.filter((r) =>
      ratio.uses.every((id) => (r[id]?.otherBusyPercent ?? 100) < QUIET_PERCENT),
    );
    const all = median(rounds.map(ratio.value));
    const quiet = median(quietRounds.map(ratio.value));
    const judged = quietRounds.length ? quiet : all;
    lines.push(
      row(
        [
          ratio.label,
          shown(ratio, all),
          `${shown(ratio, quiet)} (${quietRounds.length}/${rounds.length})`,
          verdict(ratio, judged),
        ],
        ratioWidths,
      ),
    );
  }
  const disturbed = rounds
    .flatMap((r) => Object.values(r))
    .filter((m) => m.otherBusyPercent >= QUIET_PERCENT);
  if (disturbed.length) {
    lines.push(
      `  ${disturbed.length} measurements had over ${QUIET_PERCENT} % of the machine going to other work: the verdicts`,
      "  use the quiet rounds when there are any. Run it again on a quiet machine for firmer figures.",
    );
  }
  return lines.join("\n");
}
