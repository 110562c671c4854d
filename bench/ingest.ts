// npm run bench:ingest — requests/s of the real ingest path (verify → decrypt → normalize → durable
// INSERT → 200), the built service as production runs it (package.json's start script, without npm in front),
// against a bare Koa server that only reads and parses the same bodies, in the same run; and, between the two,
// the service's own routes with an intake that stores nothing (bench/checks-only-server.ts), which splits the
// gap into the checks before the acknowledgement and the durable write.
// Each server runs in its own process; autocannon drives them from this one. Every request carries a
// new message id, so every one is a durable write, not a duplicate no-op.
// Bare, checks-only and ingest runs alternate for several rounds and the medians are compared, because a shared
// 2-core machine drifts by ±30% between runs.
// It also prints the CPU each server used per request, and the load generator's at the service: with all cores
// busy, no server can answer faster than cores / (its CPU per request + the load generator's), so
// "ceiling ratio" is that rate over bare Koa's, the most any scheduling change could bring at today's costs.
//   npm run bench:ingest [-- --seconds 5 --rounds 3 --pool 150000 --connections 10]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { cpuSeconds } from "./process-cpu.ts";
import { startProcess } from "./start-process.ts";
import { productionCommand } from "../support/production-command.ts";
import {
  dingtalkRequest,
  dingtalkText,
  randomKeys,
  wecomBotRequest,
  wecomBotText,
  type SignedRequest,
} from "../support/platform-client.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    pool: { type: "string", default: "150000" },
    connections: { type: "string", default: "10" },
  },
});
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const REQUESTS = Number(values.pool);
const CONNECTIONS = Number(values.connections);
const GROUP = "cidBench==";

/**
 * DingTalk signs only the timestamp, and the service refuses a sign another message used: every request gets
 * its own millisecond, counted up from 15 minutes ago (well inside the 1-hour window). Counting, not
 * "now minus i": requests built later would land on milliseconds already taken and the test client's
 * search for a free one grows with every request (it made building the requests take minutes).
 */
let nextSignAt = Date.now() - 15 * 60_000;

/** The i-th signed request of a kind: one sign per message, as DingTalk sends. */
function signedRequest(
  kind: "dingtalk" | "wecom-bot",
  secret: string,
  keys: ReturnType<typeof randomKeys>,
  i: number,
): SignedRequest {
  return kind === "dingtalk"
    ? dingtalkRequest(
        secret,
        dingtalkText({
          msgId: `bench-d-${i}`,
          conversationId: GROUP,
          senderStaffId: `u${i % 50}`,
          senderNick: "居民",
          content: "小区门口的路灯坏了一个星期，晚上很黑，请尽快修理",
          sessionWebhook: "http://127.0.0.1:9/never",
        }),
        new Date(nextSignAt++),
      )
    : wecomBotRequest(
        keys,
        wecomBotText({
          msgId: `bench-w-${i}`,
          chatId: GROUP,
          from: `u${i % 50}`,
          content: "小区门口的路灯坏了一个星期，晚上很黑，请尽快修理",
          responseUrl: "http://127.0.0.1:9/never",
        }),
      );
}

/** A pool of distinct signed requests, built before the clock starts (the baselines may wrap around it). */
function buildPool(
  kind: "dingtalk" | "wecom-bot",
  secret: string,
  keys: ReturnType<typeof randomKeys>,
  n: number,
): SignedRequest[] {
  return Array.from({ length: n }, (_, i) => signedRequest(kind, secret, keys, i));
}

/**
 * Requests never sent to the service before, so that every one is a durable write. More are built between
 * runs (never while the clock runs), as many as the next run could take: a fixed pool ran out on a fast day.
 */
class FreshRequests {
  private readonly built: SignedRequest[] = [];
  private sent = 0;
  constructor(private readonly make: (i: number) => SignedRequest) {}
  /** The unsent requests, at least `n` of them. */
  next(n: number): SignedRequest[] {
    while (this.built.length - this.sent < n) this.built.push(this.make(this.built.length));
    return this.built.slice(this.sent);
  }
  markSent(n: number): void {
    this.sent += n;
  }
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** Requests sent after the pool ran out (repeats; a repeat is a cheap duplicate for Minyi). */
  repeats: number;
  /** Requests taken from the pool (at most the pool's size counts as fresh). */
  taken: number;
  /** CPU the server process used per answered request, µs (null where /proc cannot be read). */
  serverCpuUs: number | null;
  /** CPU this process (the load generator) used per answered request, µs. */
  clientCpuUs: number | null;
}

/** `rate`: requests per second in all (autocannon's overallRate); unset: as fast as the server answers. */
async function load(
  server: { url: string; pid: number },
  pool: SignedRequest[],
  seconds: number,
  rate?: number,
): Promise<Run> {
  let i = 0;
  const serverBefore = cpuSeconds(server.pid);
  const clientBefore = cpuSeconds("self");
  const r = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const r = pool[i++ % pool.length]!;
          return { ...req, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  const perRequestUs = (before: number | null, after: number | null) =>
    before === null || after === null || r.requests.total === 0
      ? null
      : Math.round(((after - before) * 1e6) / r.requests.total);
  return {
    serverCpuUs: perRequestUs(serverBefore, cpuSeconds(server.pid)),
    clientCpuUs: perRequestUs(clientBefore, cpuSeconds("self")),
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.non2xx + r.errors,
    repeats: Math.max(0, i - pool.length),
    taken: Math.min(i, pool.length),
  };
}

/** cores / (server + load generator CPU per request), over bare Koa's measured rate; "n/a" without /proc. */
function ceilingRatio(real: Run, base: Run): number | string {
  if (real.serverCpuUs === null || real.clientCpuUs === null) return "n/a";
  const ceiling = (availableParallelism() * 1e6) / (real.serverCpuUs + real.clientCpuUs);
  return Number((ceiling / base.rps).toFixed(2));
}

/** The run with the median throughput. */
function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), "minyi-bench-"));
const secret = "SECbench";
const keys = randomKeys();
writeFileSync(
  join(dir, "groups.json"),
  JSON.stringify([
    { platform: "dingtalk", platformGroupId: GROUP, name: "bench" },
    { platform: "wecom", platformGroupId: GROUP, name: "bench" },
  ]),
);

const bare = await startProcess(["bench/bare-koa-server.ts"], {});
if (!existsSync("dist/main.js")) throw new Error("dist/main.js is missing: run npm run build first");
const production = productionCommand(); // as npm start runs it, without npm in front
const serviceEnv = {
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "info", // the production default: one log line per accepted callback
  MINYI_REPLY_ORIGINS: "http://127.0.0.1:9", // the (never called) reply URLs of the bench messages
  MINYI_ROLE: "web", // intake only: the figure is the acknowledgement path; workers can run elsewhere
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${join(dir, "bench.db")}`,
  MINYI_GROUPS_FILE: join(dir, "groups.json"),
  DINGTALK_APP_SECRET: secret,
  WECOM_BOT_TOKEN: keys.token,
  WECOM_BOT_ENCODING_AES_KEY: keys.encodingAesKey,
};
const checksOnly = await startProcess(["bench/checks-only-server.ts"], serviceEnv).catch((err) => {
  bare.kill();
  throw err;
});
const minyi = await startProcess(production.command.slice(1), { ...production.env, ...serviceEnv }).catch((err) => {
  bare.kill();
  checksOnly.kill();
  throw err;
});

const rows: Array<Record<string, string | number>> = [];
try {
  for (const kind of ["dingtalk", "wecom-bot"] as const) {
    const warm = buildPool(kind, secret, keys, 3000).map((r) => ({ ...r, body: r.body.replace(/bench-/g, "warm-") }));
    const pool = buildPool(kind, secret, keys, REQUESTS);
    // Numbered after the pool, so DingTalk signs never repeat one of the pool's (a used sign is refused).
    const fresh = new FreshRequests((i) => signedRequest(kind, secret, keys, REQUESTS + i));
    /** Enough for a run at twice the fastest rate seen (the service is never faster than its checks alone). */
    const enough = (runs: Run[]) => Math.ceil(2 * SECONDS * Math.max(...runs.map((r) => r.rps)));
    await load(bare, warm, 2);
    await load(checksOnly, warm, 2);
    await load(minyi, warm, 2);
    const bases: Run[] = [];
    const checks: Run[] = [];
    const reals: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bases.push(await load(bare, pool, SECONDS));
      checks.push(await load(checksOnly, pool, SECONDS));
      const real = await load(minyi, fresh.next(enough(checks)), SECONDS); // never resend a stored message
      fresh.markSent(real.taken);
      reals.push(real);
    }
    const base = median(bases);
    const checked = median(checks);
    const real = median(reals);
    // The acknowledgement's latency at a steady 1,000 requests a second (the rate a busy sub-district never
    // reaches), on messages not sent before.
    const steady = await load(minyi, fresh.next(2 * 1000 * SECONDS), SECONDS, 1000);
    rows.push({
      callback: kind,
      "bare Koa req/s": Math.round(base.rps),
      "checks only req/s": Math.round(checked.rps),
      "checks only ratio": Number((checked.rps / base.rps).toFixed(2)),
      "Minyi ingest req/s": Math.round(real.rps),
      ratio: Number((real.rps / base.rps).toFixed(2)),
      "ingest p50 ms": real.p50,
      "ingest p99 ms": real.p99,
      "p99 ms at 1,000/s": steady.p99,
      "CPU µs/req: bare": base.serverCpuUs ?? "n/a",
      "checks only": checked.serverCpuUs ?? "n/a",
      Minyi: real.serverCpuUs ?? "n/a",
      "load generator at Minyi": real.clientCpuUs ?? "n/a",
      "ceiling ratio": ceilingRatio(real, base),
      "non-2xx/errors": real.failed,
      "repeated requests": real.repeats,
    });
  }
} finally {
  bare.kill();
  checksOnly.kill();
  minyi.kill();
}
console.table(rows);
console.log(
  `median of ${ROUNDS} alternating rounds of ${SECONDS} s, a pool of ${REQUESTS} distinct signed requests, ${CONNECTIONS} connections, database ${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "SQLite (WAL)"}`,
);
console.log(JSON.stringify({ bench: "ingest", rows }));
await new Promise((r) => setTimeout(r, 300));
rmSync(dir, { recursive: true, force: true });
