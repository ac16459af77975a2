import { accessSync, constants } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startChildService } from "../../support/validation-api-process";
import { documentedConfig, type GatewayAddresses } from "./gateway-config";

export type Gateway = { url: string; stop(): Promise<void> };
export type StartGateway = (addresses: GatewayAddresses) => Promise<Gateway>;

/** Absolute path of an installed binary, or an error that says how to install it. */
export function requireBinary(name: string): string {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin"].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new Error(
    `${name} is not installed, so the ${name} gateway test cannot run: apt-get install -y ${name} (.ci/run installs it)`,
  );
}

/** True once something accepts TCP connections on the port (no HTTP request: it would be checked). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function startGatewayProcess(
  name: string,
  addresses: GatewayAddresses,
  launch: (dir: string) => Promise<{ command: string; args: string[]; env?: NodeJS.ProcessEnv }>,
): Promise<Gateway> {
  const dir = await mkdtemp(path.join(tmpdir(), `sluice-${name}-`));
  try {
    const { command, args, env } = await launch(dir);
    const service = await startChildService({
      name,
      command,
      args,
      env,
      ready: () => listening(addresses.gatewayPort),
    });
    return {
      url: `http://127.0.0.1:${addresses.gatewayPort}`,
      stop: async () => {
        await service.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** `caddy run` on docs/gateways/Caddyfile; its data and config dirs live in a temp dir. */
export const startCaddy: StartGateway = (addresses) => {
  const caddy = requireBinary("caddy");
  return startGatewayProcess("caddy", addresses, async (dir) => {
    const file = path.join(dir, "Caddyfile");
    await writeFile(file, documentedConfig("Caddyfile", addresses));
    const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
    return { command: caddy, args: ["run", "--config", file, "--adapter", "caddyfile"], env };
  });
};

/** nginx on docs/gateways/nginx.conf with its prefix (pid, logs, temp files) in a temp dir. */
export const startNginx: StartGateway = (addresses) => {
  const nginx = requireBinary("nginx");
  return startGatewayProcess("nginx", addresses, async (dir) => {
    // Run as root, nginx's workers drop to `nobody`: they must be able to enter the prefix.
    await chmod(dir, 0o755);
    await mkdir(path.join(dir, "logs"));
    await mkdir(path.join(dir, "temp"));
    const file = path.join(dir, "nginx.conf");
    await writeFile(file, documentedConfig("nginx.conf", addresses));
    return { command: nginx, args: ["-p", `${dir}/`, "-c", file, "-e", "stderr", "-g", "daemon off;"] };
  });
};
