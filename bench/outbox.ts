// npm run bench:outbox — throughput of the outbox worker (real SQLite file, real HTTP) draining replies
// to N destinations, against a local platform that answers each post after a latency. Three runs in the
// same process, same machine, same messages:
//   all fast         every destination answers in FAST_MS
//   one slow         one destination answers only after SLOW_MS (beyond the send timeout: each of its
//                    posts times out)
//   one slow, sequential   the same with one send at a time (MINYI_SEND_CONCURRENCY=1, the old outbox)
// It prints messages/s for each and the ratios; the slow destination's own messages are not counted
// (they wait out their back-off by design).
//   npm run bench:outbox [-- --destinations 10 --per-destination 30]
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDatabase } from "../src/infra/db/create-database.ts";
import { migrate } from "../src/infra/db/migrate.ts";
import { createLogger } from "../src/infra/create-logger.ts";
import { CHANNELS } from "../src/channels/all-channels.ts";
import { loadConfig } from "../src/infra/load-config.ts";
import { withTimeout } from "../src/outbox/call-platform.ts";
import { createDeliverer } from "../src/outbox/create-deliverer.ts";
import { createOutboxWorker } from "../src/outbox/create-outbox-worker.ts";
import { LiveConnections } from "../src/channels/live-connections.ts";

const { values } = parseArgs({
  options: { destinations: { type: "string", default: "10" }, "per-destination": { type: "string", default: "30" } },
});
const DESTINATIONS = Number(values.destinations);
const PER_DESTINATION = Number(values["per-destination"]);
const FAST_MS = 50;
const SLOW_MS = 3_000;
const TIMEOUT_MS = 1_000;

const platform = createServer((req, res) => {
  req.resume();
  req.on("end", () =>
    setTimeout(() => res.end('{"errcode":0,"errmsg":"ok"}'), req.url?.startsWith("/slow/") ? SLOW_MS : FAST_MS),
  );
});
await new Promise<void>((r) => platform.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;

async function drain(concurrency: number, slow: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "minyi-bench-outbox-"));
  const target = { kind: "sqlite" as const, file: join(dir, "bench.db") };
  await migrate(target);
  const db = createDatabase(target);
  const now = () => new Date();
  const rows = [];
  for (let d = 0; d < DESTINATIONS; d++) {
    const prefix = slow && d === 0 ? "slow" : "fast";
    for (let i = 0; i < PER_DESTINATION; i++) {
      rows.push({
        dedupeKey: `${d}-${i}`,
        route: JSON.stringify({ kind: "wecom-response-url", url: `${origin}/${prefix}/${d}/${i}` }),
        destination: `dest-${d}`,
        body: JSON.stringify({ title: "回复", markdown: `第 ${i} 条回复` }),
      });
    }
  }
  await db.outboxMessage.createMany({ data: rows });
  const counted = { destination: slow ? { not: "dest-0" } : undefined, status: "sent" };
  const expected = slow ? rows.length - PER_DESTINATION : rows.length;
  const senderDeps = {
    config: loadConfig({}),
    now,
    live: new LiveConnections(),
    fetch: withTimeout(fetch, TIMEOUT_MS),
  };
  const deliverer = createDeliverer({
    senders: Object.assign({}, ...CHANNELS.map((c) => c.senders(senderDeps))),
    replyOrigins: [origin],
  });
  const worker = createOutboxWorker({
    db,
    deliverer,
    now,
    log: createLogger("silent"),
    leaseMs: 60_000,
    pollMs: 20,
    rateLimit: { perMinute: 20 },
    concurrency,
    giveUpMs: 3600_000,
  });
  const started = performance.now();
  worker.start();
  while ((await db.outboxMessage.count({ where: counted })) < expected) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
  return expected / seconds;
}

const allFast = await drain(8, false);
const oneSlow = await drain(8, true);
const sequential = await drain(1, true);
platform.close();

const f = (x: number) => x.toFixed(1);
console.log(
  `outbox: ${DESTINATIONS} destinations × ${PER_DESTINATION} replies, platform latency ${FAST_MS} ms, slow destination ${SLOW_MS} ms, send timeout ${TIMEOUT_MS} ms`,
);
console.log(`  all fast, concurrency 8:              ${f(allFast)} messages/s`);
console.log(`  one slow, concurrency 8:              ${f(oneSlow)} messages/s (to the fast destinations)`);
console.log(`  one slow, concurrency 1 (sequential): ${f(sequential)} messages/s (to the fast destinations)`);
console.log(
  `  ratio one slow / all fast: ${(oneSlow / allFast).toFixed(2)}; concurrent / sequential with one slow: ${(oneSlow / sequential).toFixed(2)}`,
);
console.log(
  JSON.stringify({
    allFast,
    oneSlow,
    sequential,
    slowOverFast: oneSlow / allFast,
    concurrentOverSequential: oneSlow / sequential,
  }),
);
