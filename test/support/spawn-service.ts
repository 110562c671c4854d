// Runs the service as a separate OS process (`node --import tsx src/main.ts`), so a test can kill -9 it.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `opts.cwd` / `opts.args`: another tree to run from and the node arguments (default: this checkout, tsx). */
export async function spawnService(
  env: Record<string, string>,
  timeoutMs = 20_000,
  opts: { cwd?: string; args?: string[] } = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, opts.args ?? ["--import", "tsx", "src/main.ts"], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  process.once("exit", () => child.kill("SIGKILL")); // never leave a service behind a crashed test run
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${out}`)), timeoutMs);
    child.stdout!.on("data", () => {
      const line = out.split("\n").find((l) => l.includes('"minyi started"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once("exit", (code) => reject(new Error(`service exited with ${code}:\n${out}`)));
  });
  return { child, url, output: () => out };
}

export function killHard(p: ServiceProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.child.once("exit", () => resolve());
    p.child.kill("SIGKILL");
  });
}
