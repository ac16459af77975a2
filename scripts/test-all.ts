// `npm test`: typecheck, lint, vitest, next build, Playwright e2e; then ONE final line "N passed, N failed"
// (CI greps it). Every step runs even after a failure so the summary is complete; only e2e needs the build.
//   npm test -- --only=static|unit|e2e[,...]  [files...]   (files go to vitest, or to playwright if *.spec.ts / e2e/)
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createTestDatabase, randomSecret, type TestDatabase } from "../tests/setup/database";

const GROUPS = ["static", "unit", "e2e"] as const;
type Group = (typeof GROUPS)[number];
interface Result {
  step: string;
  passed: number;
  failed: number;
  seconds: number;
  note?: string;
}

const RESULTS_DIR = "test-results";
const VITEST_JSON = `${RESULTS_DIR}/vitest.json`;
const PLAYWRIGHT_JSON = `${RESULTS_DIR}/playwright.json`;
// .ci/run re-prints this when npm appends its own error lines after a failing script.
const SUMMARY_FILE = process.env.TEST_SUMMARY_FILE ?? `${RESULTS_DIR}/summary.txt`;
const bin = (name: string): string => `node_modules/.bin/${name}`;
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // offline machines; also keeps the notice out of logs

function parseArgs(argv: string[]): { groups: Set<Group>; unitFiles: string[]; e2eFiles: string[] } {
  const groups = new Set<Group>();
  const files: string[] = [];
  for (const arg of argv) {
    const only = /^--only=(.+)$/.exec(arg);
    if (!only) {
      files.push(arg);
      continue;
    }
    for (const g of only[1].split(",")) {
      if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`--only expects ${GROUPS.join("|")}`);
      groups.add(g as Group);
    }
  }
  const isE2e = (f: string): boolean => f.includes(".spec.") || /^(\.\/)?e2e\//.test(f);
  const unitFiles = files.filter((f) => !isE2e(f));
  const e2eFiles = files.filter(isE2e);
  if (!groups.size) {
    // Files without --only: run just the suites they belong to; nothing given: run everything.
    if (!files.length) for (const g of GROUPS) groups.add(g);
    if (unitFiles.length) groups.add("unit");
    if (e2eFiles.length) groups.add("e2e");
  }
  return { groups, unitFiles, e2eFiles };
}

/** Runs a command with inherited stdio (output streams live) and resolves with its exit code. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  console.log(`\n\x1b[1m▶ ${[cmd, ...args].join(" ")}\x1b[0m`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("error", (err) => {
      console.error(err);
      resolve(127);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** A non-zero exit must show up as a failure even when the report has none (crash, missing report). */
function atLeastOneFailure(counts: { passed: number; failed: number }, code: number) {
  return { passed: counts.passed, failed: code !== 0 && counts.failed === 0 ? 1 : counts.failed };
}

function vitestCounts(code: number): { passed: number; failed: number } {
  const report = readJson(VITEST_JSON) as
    | {
        numPassedTests: number;
        numFailedTests: number;
        testResults: { status: string; assertionResults: { status: string }[] }[];
      }
    | undefined;
  if (!report) return { passed: 0, failed: 1 };
  // A file that fails to load has no failed tests but status "failed": count it once.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
  ).length;
  return atLeastOneFailure(
    { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles },
    code,
  );
}

function playwrightCounts(code: number): { passed: number; failed: number } {
  const report = readJson(PLAYWRIGHT_JSON) as
    | { stats: { expected: number; unexpected: number; flaky: number }; errors?: unknown[] }
    | undefined;
  if (!report) return { passed: 0, failed: 1 };
  // Global errors (webServer never came up, config threw) fail the run without failing a test.
  const globalErrors = report.errors?.length ? 1 : 0;
  return atLeastOneFailure(
    {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected + (report.stats.unexpected ? 0 : globalErrors),
    },
    code,
  );
}

async function timed(step: string, body: () => Promise<Omit<Result, "step" | "seconds">>): Promise<Result> {
  const start = Date.now();
  const result = await body();
  return { step, ...result, seconds: (Date.now() - start) / 1000 };
}

const single = (code: number) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });

let e2eDatabase: TestDatabase | undefined;
async function dropE2eDatabase(): Promise<void> {
  const database = e2eDatabase;
  e2eDatabase = undefined;
  await database?.drop().catch((err: unknown) => console.error(`Could not drop ${database.name}:`, err));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void dropE2eDatabase().finally(() => process.exit(130)));
}

async function main(): Promise<number> {
  const { groups, unitFiles, e2eFiles } = parseArgs(process.argv.slice(2));
  mkdirSync(RESULTS_DIR, { recursive: true });
  rmSync(SUMMARY_FILE, { force: true });
  const results: Result[] = [];

  if (groups.has("static")) {
    results.push(await timed("typecheck", async () => single(await run(bin("tsc"), ["--noEmit"]))));
    results.push(await timed("lint", async () => single(await run(bin("biome"), ["check", "."]))));
  }

  if (groups.has("unit")) {
    results.push(
      await timed("vitest", async () => {
        rmSync(VITEST_JSON, { force: true });
        const args = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`];
        return vitestCounts(await run(bin("vitest"), [...args, ...unitFiles]));
      }),
    );
  }

  if (groups.has("e2e")) {
    // The build itself is not a test; a failed build is one failure, and e2e (not run) is another.
    const build = await timed("build", async () => {
      const code = await run(bin("next"), ["build"]);
      return { passed: 0, failed: code === 0 ? 0 : 1 };
    });
    results.push(build);
    results.push(
      await timed("e2e", async () => {
        if (build.failed) return { passed: 0, failed: 1, note: "skipped: build failed" };
        try {
          e2eDatabase = await createTestDatabase("sluice_e2e");
        } catch (err) {
          console.error(err);
          return { passed: 0, failed: 1, note: "skipped: no e2e database" };
        }
        rmSync(PLAYWRIGHT_JSON, { force: true });
        const env = {
          ...process.env,
          E2E_DATABASE_URL: e2eDatabase.url,
          DATABASE_URL: e2eDatabase.url,
          E2E_AUTH_SECRET: randomSecret(),
          E2E_JSON_FILE: PLAYWRIGHT_JSON,
        };
        try {
          return playwrightCounts(await run(bin("playwright"), ["test", ...e2eFiles], env));
        } finally {
          await dropE2eDatabase();
        }
      }),
    );
  }

  console.log("\n\x1b[1m── summary ──\x1b[0m");
  for (const r of results) {
    const note = r.note ? `  (${r.note})` : "";
    console.log(
      `${r.step.padEnd(10)} ${r.passed} passed, ${r.failed} failed  ${r.seconds.toFixed(1)}s${note}`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const line = `${passed} passed, ${failed} failed`;
  writeFileSync(SUMMARY_FILE, `${line}\n`);
  console.log(line);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Harness bug or bad arguments: still end with a parseable line.
    console.error(err);
    const line = "0 passed, 1 failed";
    try {
      writeFileSync(SUMMARY_FILE, `${line}\n`);
    } catch {}
    console.log(line);
    process.exit(1);
  },
);
