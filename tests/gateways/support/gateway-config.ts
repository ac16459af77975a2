import { readFileSync } from "node:fs";
import path from "node:path";

const DOCS = path.resolve(import.meta.dirname, "../../../docs/gateways");

export type GatewayAddresses = { gatewayPort: number; sluicePort: number; appPort: number };

/**
 * The documented configuration (docs/gateways/<file>) with its three loopback addresses swapped
 * for the test's ports, so the file the README shows is the file that is tested.
 */
export function documentedConfig(file: "Caddyfile" | "nginx.conf", addresses: GatewayAddresses): string {
  const swaps: [string, number][] = [
    ["127.0.0.1:8080", addresses.gatewayPort],
    ["127.0.0.1:8787", addresses.sluicePort],
    ["127.0.0.1:3000", addresses.appPort],
  ];
  let config = readFileSync(path.join(DOCS, file), "utf8");
  for (const [documented, port] of swaps) {
    if (!config.includes(documented)) throw new Error(`docs/gateways/${file} no longer uses ${documented}`);
    config = config.replaceAll(documented, `127.0.0.1:${port}`);
  }
  return config;
}
