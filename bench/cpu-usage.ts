// CPU time used by a server under test and by Redis, to tell which of them was the limit.
import { readdirSync, readFileSync } from "node:fs";
import type { Redis } from "ioredis";

const MS_PER_TICK = 10; // USER_HZ is 100 on Linux (`getconf CLK_TCK`)

/** The fields of /proc/<pid>/stat after "(comm)": state ppid pgrp … (utime is [11]). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");

/** utime + stime, in ms, of every live process in the group (tsx + node, a cluster's workers). */
export function processGroupCpuMs(groupId: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const fields = statFields(stat); // [2] pgrp, [11] utime, [12] stime
    if (Number(fields[2]) !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * MS_PER_TICK;
}

/** Redis's own CPU time so far, in ms (INFO cpu). Other clients of a shared Redis add to it. */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const seconds = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
  return (seconds("used_cpu_user") + seconds("used_cpu_sys")) * 1000;
}

/** Busy time of the whole machine so far (all cores, kernel included), in ms, from /proc/stat. */
export function machineBusyMs(): number {
  const [, ...fields] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * MS_PER_TICK
  );
}

/**
 * The load generator's CPU time so far, in ms: this process and its finished children (each wrk
 * run). The servers are children too, but count only once stopped, after the last measurement.
 */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  const fields = statFields(readFileSync("/proc/self/stat", "utf8"));
  const childrenTicks = Number(fields[13]) + Number(fields[14]); // cutime, cstime
  return (user + system) / 1000 + childrenTicks * MS_PER_TICK;
}
