// Starts a server as its own process for a benchmark and resolves with the URL it logs (the first line with
// "url"). `args`: a .ts file runs through tsx, a .js file (the built service) on node alone.
// BENCH_SERVICE_LOG=<file> keeps the server's log there (otherwise it is drained and dropped).
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";

export function startProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; pid: number; kill: () => void }> {
  const child = spawn(process.execPath, args[0]!.endsWith(".ts") ? ["--import", "tsx", ...args] : args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let started = false;
    if (process.env.BENCH_SERVICE_LOG)
      child.stdout.pipe(createWriteStream(process.env.BENCH_SERVICE_LOG, { flags: "a" }));
    child.stdout.on("data", (d) => {
      if (started) return; // keep draining the pipe, stop keeping it
      out += String(d);
      const line = out.split("\n").find((l) => l.includes('"url"'));
      if (line) {
        started = true;
        resolve({
          url: (JSON.parse(line) as { url: string }).url,
          pid: child.pid!,
          kill: () => child.kill("SIGTERM"),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${out}`)));
  });
}
