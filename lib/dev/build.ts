import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// What goes into the Next build. Anything newer than .next/BUILD_ID means a rebuild; a miss
// costs a ~20 s build, serving stale code costs confusion, so err on the side of rebuilding.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "emails",
  "public",
  "generated",
  "auth.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
];

/** Why `next build` must run, or null when .next is newer than every input. */
export function buildNeeded(): string | null {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const newer = findNewer(input, builtAt);
    if (newer) return `${newer} changed`;
  }
  return null;
}

function findNewer(target: string, than: number): string | null {
  if (!existsSync(target)) return null;
  const stat = statSync(target);
  // A directory's own mtime moves when a file in it is added, removed or renamed.
  if (stat.mtimeMs > than) return target;
  if (!stat.isDirectory()) return null;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const newer = findNewer(path.join(target, entry.name), than);
    if (newer) return newer;
  }
  return null;
}
