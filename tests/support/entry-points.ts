import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every server action and route handler in app/, as "relative/file.ts#exportName". */
export function listEntryPoints(): string[] {
  const found: string[] = [];
  for (const file of walk(path.join(ROOT, "app"))) {
    const rel = path.relative(ROOT, file);
    const source = readFileSync(file, "utf8");
    if (/^["']use server["']/m.test(source)) {
      for (const m of source.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g))
        found.push(`${rel}#${m[1]}`);
    }
    if (/\/route\.tsx?$/.test(rel)) {
      for (const m of source.matchAll(
        /export\s+(?:async\s+function|const|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g,
      )) {
        found.push(`${rel}#${m[1]}`);
      }
      for (const m of source.matchAll(/export\s+const\s+\{([^}]+)\}/g)) {
        for (const name of m[1].split(",").map((s) => s.trim())) found.push(`${rel}#${name}`);
      }
    }
  }
  return found.sort();
}
