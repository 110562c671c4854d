// npm run bench:startup — how fast the service answers /healthz after it is started, and how much memory it
// holds once idle, for the production process (package.json's start script without npm in front: node
// dist/main.js, compiled by npm run build, with the environment the script sets) against the
// development one (node --import tsx src/main.ts), in the same run on the same machine. Each starts on a
// fresh SQLite file (so migrations run, as on a first start), three times; the medians are printed with the
// ratio. Idle RSS is read from /proc after the service has answered and rested for two seconds.
//   npm run bench:startup [-- --rounds 3]
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { productionCommand } from "../support/production-command.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" } } });
const ROUNDS = Number(values.rounds);
if (!existsSync("dist/main.js")) throw new Error("dist/main.js is missing: run npm run build first");

interface Sample {
  healthzMs: number;
  rssMb: number;
}

/** A port free right now (the kernel's pick), so a busy fixed port never makes a start fail. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function once(args: string[], env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "minyi-startup-"));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATABASE_URL: `file:${join(dir, "m.db")}`,
    },
    stdio: "ignore",
  });
  const exited = new Promise((r) => child.once("exit", r));
  try {
    let healthzMs = NaN;
    for (let i = 0; i < 3000 && child.exitCode === null; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        healthzMs = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    if (Number.isNaN(healthzMs))
      throw new Error(`${args.join(" ")} did not answer /healthz (exit code ${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 2000));
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { healthzMs, rssMb: rssKb / 1024 };
  } finally {
    child.kill("SIGKILL");
    await exited; // listened for from the start: a child that died early has already fired it
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(label: string, args: string[], env: Record<string, string> = {}) {
  const samples: Sample[] = [];
  for (let r = 0; r < ROUNDS; r++) samples.push(await once(args, env));
  const result = { healthzMs: median(samples.map((s) => s.healthzMs)), rssMb: median(samples.map((s) => s.rssMb)) };
  console.log(
    `${label.padEnd(52)} /healthz after ${result.healthzMs.toFixed(0)} ms, idle RSS ${result.rssMb.toFixed(0)} MB`,
  );
  return result;
}

const production = productionCommand();
const built = await measure(
  `built (${[...Object.entries(production.env).map(([k, v]) => `${k}=${v}`), ...production.command].join(" ")})`,
  production.command.slice(1),
  production.env,
);
const dev = await measure("development (node --import tsx)", ["--import", "tsx", "src/main.ts"]);
console.log(
  JSON.stringify({
    builtHealthzMs: Math.round(built.healthzMs),
    builtRssMb: Math.round(built.rssMb),
    devHealthzMs: Math.round(dev.healthzMs),
    devRssMb: Math.round(dev.rssMb),
    healthzRatio: Number((dev.healthzMs / built.healthzMs).toFixed(2)),
    rssRatio: Number((dev.rssMb / built.rssMb).toFixed(2)),
  }),
);
