// CPU time a process has used (user + system), read from Linux's /proc/<pid>/stat. The ingest bench divides it
// by the requests answered, to show where a ratio's ceiling is when the load generator shares the cores.
// Returns null where /proc is not there (the bench then prints no CPU columns' figures).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/** Seconds of CPU used so far by `pid` (its threads included), or null when it cannot be read. */
export function cpuSeconds(pid: number | "self"): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime (fields 14 and 15)
}
