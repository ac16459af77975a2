#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary, which the
// Prisma CLI downloads from binaries.prisma.sh (unreachable offline).
// Implements the CLI <-> engine stdio JSON-RPC protocol on top of the
// official @prisma/schema-engine-wasm build + @prisma/adapter-pg.
// Use:  PRISMA_SCHEMA_ENGINE_BINARY=./scripts/prisma-schema-engine.mjs npx prisma migrate deploy
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

import pg from "pg";

const require = createRequire(import.meta.url);

// @prisma/adapter-pg 7.x has no mapping for Postgres' internal `"char"` type
// (OID 18, e.g. pg_constraint.contype) and throws; the schema engine's
// introspection needs it as ColumnType.Character (6). Let pg parse it as TEXT
// (OID 25), remember which columns were "char", and fix columnTypes afterwards.
const CHARACTER = 6;
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID === 18) { f.dataTypeID = 25; f.__wasChar = true; }
  return addFields.call(this, fields);
};
const charCols = new WeakMap();
let patched = false;
function patchQueryable(adapter) {
  if (patched) return;
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)); // PgQueryable.prototype
  if (typeof proto?.queryRaw !== "function" || typeof proto?.performIO !== "function") return;
  const performIO = proto.performIO;
  proto.performIO = async function (query) {
    const res = await performIO.call(this, query);
    const idx = (res.fields ?? []).flatMap((f, i) => (f.__wasChar ? [i] : []));
    if (idx.length) charCols.set(query, idx);
    return res;
  };
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function (query) {
    const res = await queryRaw.call(this, query);
    for (const i of charCols.get(query) ?? []) res.columnTypes[i] = CHARACTER;
    charCols.delete(query);
    return res;
  };
  patched = true;
}
// @prisma/adapter-pg splits scripts on every ";", which breaks dollar-quoted bodies
// (plpgsql functions, triggers). Send the script whole, as the native engine does:
// pg's simple query protocol runs several statements in one call.
function patchExecuteScript(adapter) {
  adapter.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}
const VERSION = "schema-engine-cli wasm-shim d1b3f377ca835d73fd50954a5e22128b9ebdd6b8";

// ---- args -----------------------------------------------------------------
const argv = process.argv.slice(2);
if (argv.includes("--version") || argv.includes("-V")) {
  process.stdout.write(VERSION + "\n");
  process.exit(0);
}
const datamodelPaths = [];
let datasource = {};
let cliCommand = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--datamodels" || a === "-d") datamodelPaths.push(argv[++i]);
  else if (a === "--datasource") datasource = JSON.parse(argv[++i]);
  else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
  else if (a === "cli") cliCommand = argv[++i];
}

function logError(message, code) {
  // The CLI parses stderr lines as JSON tracing events.
  process.stderr.write(
    JSON.stringify({
      level: "ERROR",
      target: "schema_engine::logger",
      fields: { message, ...(code ? { error_code: code } : {}) },
    }) + "\n",
  );
}

// ---- wasm engine ------------------------------------------------------------
// wasm-bindgen panic hook reports through this global (the Prisma CLI defines it too)
let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) { lastPanic = `RuntimeError: ${m}`; } };
async function loadWasm() {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
}

function pgConfig(url) {
  // Discrete fields, NOT connectionString: PrismaPg.connectToShadowDb() spreads
  // {...config, database} and pg lets connectionString override `database`,
  // which would point the "shadow" database at the real one.
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ...(u.searchParams.get("host") ? { host: u.searchParams.get("host") } : {}),
  };
}

function makeAdapter(url) {
  if (!url) throw new Error("datasource url missing (set datasource.url in prisma.config.ts)");
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const main = new PrismaPg(pgConfig(url), { schema });
  // Own shadow-db handling: PrismaPg.connectToShadowDb() drops the temp DB
  // *before* closing its pool ("database ... is being accessed by other users").
  async function connectToShadowDb() {
    if (datasource.shadowDatabaseUrl) {
      return new PrismaPg(pgConfig(datasource.shadowDatabaseUrl), { schema }).connect();
    }
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    const admin = await main.connect();
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    await admin.dispose();
    const shadow = await new PrismaPg({ ...pgConfig(url), database: name }, { schema }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const c = await main.connect();
      await c.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.dispose();
    };
    return shadow;
  }
  const factory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => { const a = await main.connect(); patchQueryable(a); patchExecuteScript(a); return a; },
    connectToShadowDb: async () => { const a = await connectToShadowDb(); patchQueryable(a); patchExecuteScript(a); return a; },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

// ---- `schema-engine cli <cmd>` one-shot mode (used by migrate dev) ----------
if (cliCommand) {
  // The CLI drops the first stderr line and JSON-parses the rest.
  process.stderr.write(JSON.stringify({ level: "INFO", target: "schema_engine::logger", fields: { message: "wasm shim cli" } }) + "\n");
  const pg = await import("pg");
  const Client = pg.default.Client;
  const target = new URL(datasource.url);
  const dbName = decodeURIComponent(target.pathname.slice(1)) || "postgres";
  try {
    if (cliCommand === "can-connect-to-database") {
      const c = new Client({ connectionString: datasource.url });
      await c.connect();
      await c.end();
    } else if (cliCommand === "create-database") {
      const admin = new URL(datasource.url);
      admin.pathname = "/postgres";
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      const r = await c.query("select 1 from pg_database where datname=$1", [dbName]);
      if (r.rowCount === 0) await c.query(`create database "${dbName.replace(/"/g, '""')}"`);
      await c.end();
    } else if (cliCommand === "drop-database") {
      const admin = new URL(datasource.url);
      admin.pathname = "/postgres";
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists "${dbName.replace(/"/g, '""')}"`);
      await c.end();
    } else {
      throw new Error(`unsupported cli command ${cliCommand}`);
    }
    process.exit(0);
  } catch (e) {
    const code = e?.code === "3D000" ? "P1003" : e?.code === "ECONNREFUSED" ? "P1001" : undefined;
    logError(String(e?.message ?? e), code);
    process.exit(1);
  }
}

// ---- JSON-RPC server over stdio ---------------------------------------------
await loadWasm();
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(path.resolve(p), "utf8")]);
let engine;
async function getEngine() {
  engine ??= await bg.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    (msg) => process.stderr.write(JSON.stringify({ level: "INFO", target: "wasm", fields: { message: String(msg) } }) + "\n"),
    makeAdapter(datasource.url),
  );
  return engine;
}

const METHOD_MAP = { getDatabaseVersion: "version" };

async function handle(req) {
  const name = METHOD_MAP[req.method] ?? req.method;
  const e = await getEngine();
  if (typeof e[name] !== "function") throw Object.assign(new Error(`Method ${req.method} not supported by wasm shim`), { rpcCode: -32601 });
  if (name === "evaluateDataLoss" && process.env.SHIM_PRIME !== "0") {
    // wasm engine only has a shadow DB after an operation that opted into one
    await e.diagnoseMigrationHistory({
      migrationsList: req.params.migrationsList,
      optInToShadowDatabase: true,
      filters: req.params.filters ?? { externalTables: [], externalEnums: [] },
    });
  }
  const result = await e[name](req.params ?? (name === "version" ? null : {}));
  if (name === "diff" && result && typeof result.stdout === "string") {
    // native engine prints via a "print" request to the CLI; wasm returns stdout
    if (result.stdout) {
      process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: `print-${req.id}`, method: "print", params: { content: result.stdout } }) + "\n");
    }
    return { exitCode: result.exitCode };
  }
  return result === undefined ? null : result;
}

// A wasm trap ("unreachable") or wasm-bindgen throw escapes as an uncaught
// exception. Answer the in-flight request with a panic error so the CLI fails
// loudly (non-zero exit) instead of silently, then exit: the instance is poisoned.
let current = null;
process.on("uncaughtException", (err) => {
  const text = String(err?.message ?? err) + (lastPanic ? `\n${lastPanic}` : "");
  logError(text);
  if (current !== null) {
    process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: current, error: { code: 4466, message: text, data: { is_panic: true, message: text } } }) + "\n");
  }
  setTimeout(() => process.exit(101), 100);
});

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let pending = Promise.resolve();
rl.on("line", (line) => {
  if (!line.trim()) return;
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    return;
  }
  if (req.id === undefined || !req.method) return; // notification, or the CLI's reply to our "print"
  // serialize requests like the native engine does
  pending = pending.then(async () => {
    let msg;
    current = req.id;
    try {
      const result = await handle(req);
      msg = { jsonrpc: "2.0", id: req.id, result };
    } catch (err) {
      const text = String(err?.message ?? err) + (lastPanic ? `\n${lastPanic}` : "");
      lastPanic = null;
      // wasm errors carry a JSON-ish payload; try to surface Prisma error codes
      let code;
      const m = /\b(P\d{4})\b/.exec(text);
      if (m) code = m[1];
      msg = {
        jsonrpc: "2.0",
        id: req.id,
        error: {
          code: err?.rpcCode ?? 4466,
          message: "An error happened. Check the data field for details.",
          data: { is_panic: false, message: text, ...(code ? { error_code: code } : {}) },
        },
      };
    }
    current = null;
    process.stdout.write(JSON.stringify(msg) + "\n");
  });
});
rl.on("close", async () => {
  await pending;
  process.exit(0);
});
