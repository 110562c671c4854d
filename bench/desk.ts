// npm run bench:desk — the desk's API on 1,000,000 tickets: a fresh database (SQLite file, or PostgreSQL with
// BENCH_DATABASE_URL=postgresql://…) is migrated and seeded with tickets spread over two years, twenty groups,
// fifty communities and the seven first-level categories; the built service (as npm start runs it) serves it;
// each call is timed from here over HTTP, sequentially, after warm-up, and p50 / p95 are printed against the
// goal (p95 ≤ 200 ms for a list page, ≤ 1 s for a month's figures). Tickets older than 60 days are closed
// but for one in 33 (left open: stale and overdue); newer ones are in every state. The baseline in the same run: a deep
// page fetched by OFFSET (what keyset paging replaced) against the same page by cursor, timed in SQL.
//   npm run bench:desk [-- --tickets 1000000 --samples 30]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { startProcess } from "./start-process.ts";
import { parseDatabaseUrl } from "../src/infra/db/database-url.ts";
import { migrate } from "../src/infra/db/migrate.ts";
import { productionCommand } from "../support/production-command.ts";

const { values } = parseArgs({
  options: { tickets: { type: "string", default: "1000000" }, samples: { type: "string", default: "30" } },
});
const TICKETS = Number(values.tickets);
const SAMPLES = Number(values.samples);
const TOKEN = "bench-desk-admin-token-0123456789";
const GROUPS = 20;
const START = Date.UTC(2024, 11, 1); // two years of tickets, up to the end of November 2026
const SPAN_MS = 730 * 86_400_000;
const LEVEL1 = ["城乡建设", "环境保护", "交通运输", "劳动和社会保障", "卫生计生", "教育文体", "商贸旅游"];
const STATUSES = ["received", "assigned", "in_progress", "replied", "closed", "closed", "closed", "reopened"];
/** Tickets older than this are closed, but for one in 33 left open (stale, overdue): like a committee that closes ~97%. */
const SETTLED_MS = 60 * 86_400_000;
const END = START + SPAN_MS;
const statusOf = (i: number, at: number) =>
  END - at > SETTLED_MS && i % 33 !== 0 ? "closed" : STATUSES[i % STATUSES.length]!;

/** Seeding is plain SQL in one statement per table (PostgreSQL) or one prepared insert per row in one transaction (SQLite). */
async function seed(url: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  await migrate(target);
  if (target.kind === "postgres") {
    const PG_STATUS = `(CASE WHEN ${END} - (${START} + (i::bigint * ${SPAN_MS}) / ${TICKETS}) > ${SETTLED_MS} AND i % 33 <> 0
      THEN 'closed' ELSE (ARRAY[${STATUSES.map((x) => `'${x}'`).join(",")}])[1 + i % ${STATUSES.length}] END)`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`INSERT INTO "Group" ("platform","platformGroupId","name","createdAt")
      SELECT 'wecom', 'wrkBench' || g, '第' || g || '联络群', now() FROM generate_series(1, ${GROUPS}) g`);
    await c.query(`INSERT INTO "InboxMessage" ("channel","platformMessageId","payload","status","receivedAt")
      SELECT 'wecom-bot', 'm' || i, '{}', 'done', now() FROM generate_series(1, ${TICKETS}) i`);
    await c.query(`INSERT INTO "Ticket" ("number","status","categoryL1","categoryL2","confidence","decidedBy","urgency",
        "place","community","text","reporterId","reporterRole","platform","groupId","inboxMessageId","createdAt",
        "feedbackDueAt","closedAt","closeReason","assigneeId","assigneeName")
      SELECT 'B-' || lpad(i::text, 7, '0'),
        ${PG_STATUS},
        (ARRAY[${LEVEL1.map((s) => `'${s}'`).join(",")}])[1 + i % ${LEVEL1.length}], '道路维修', 0.8, 'offline',
        CASE WHEN i % 50 = 0 THEN 'immediate' ELSE 'normal' END,
        '第' || (i % 50) || '小区', '第' || (i % 50) || '小区', '第' || (i % 50) || '小区路灯不亮，晚上很黑 ' || i,
        'user' || (i % 5000), 'resident', 'wecom', 1 + i % ${GROUPS}, i,
        to_timestamp((${START} + (i::bigint * ${SPAN_MS}) / ${TICKETS}) / 1000.0) AT TIME ZONE 'UTC',
        to_timestamp((${START} + (i::bigint * ${SPAN_MS}) / ${TICKETS} + 7 * 86400000) / 1000.0) AT TIME ZONE 'UTC',
        CASE WHEN ${PG_STATUS} = 'closed'
          THEN to_timestamp((${START} + (i::bigint * ${SPAN_MS}) / ${TICKETS} + 3 * 86400000) / 1000.0) AT TIME ZONE 'UTC' END,
        CASE WHEN ${PG_STATUS} = 'closed' THEN 'fixed' END,
        'deputy' || (i % 30), '代表' || (i % 30)
      FROM generate_series(1, ${TICKETS}) i`);
    await c.query(`ANALYZE`);
    await c.end();
    return;
  }
  const db = new Database(target.file);
  db.pragma("journal_mode = WAL");
  const ts = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const now = ts(Date.now());
  const group = db.prepare(
    `INSERT INTO "Group" ("platform","platformGroupId","name","createdAt") VALUES ('wecom', ?, ?, ?)`,
  );
  const inbox = db.prepare(
    `INSERT INTO "InboxMessage" ("id","channel","platformMessageId","payload","status","receivedAt") VALUES (?, 'wecom-bot', ?, '{}', 'done', ?)`,
  );
  const ticket = db.prepare(`INSERT INTO "Ticket" ("number","status","categoryL1","categoryL2","confidence","decidedBy",
    "urgency","place","community","text","reporterId","reporterRole","platform","groupId","inboxMessageId","createdAt",
    "feedbackDueAt","closedAt","closeReason","assigneeId","assigneeName","slaTier","needsReview","nudgeCount","affectedCount")
    VALUES (?, ?, ?, '道路维修', 0.8, 'offline', ?, ?, ?, ?, ?, 'resident', 'wecom', ?, ?, ?, ?, ?, ?, ?, ?, 'ordinary', 0, 0, 1)`);
  db.transaction(() => {
    for (let g = 1; g <= GROUPS; g++) group.run(`wrkBench${g}`, `第${g}联络群`, now);
    for (let i = 1; i <= TICKETS; i++) {
      const at = START + Math.floor((i * SPAN_MS) / TICKETS);
      const status = statusOf(i, at);
      const place = `第${i % 50}小区`;
      inbox.run(i, `m${i}`, now);
      ticket.run(
        `B-${String(i).padStart(7, "0")}`,
        status,
        LEVEL1[i % LEVEL1.length],
        i % 50 === 0 ? "immediate" : "normal",
        place,
        place,
        `${place}路灯不亮，晚上很黑 ${i}`,
        `user${i % 5000}`,
        1 + (i % GROUPS),
        i,
        ts(at),
        ts(at + 7 * 86_400_000),
        status === "closed" ? ts(at + 3 * 86_400_000) : null,
        status === "closed" ? "fixed" : null,
        `deputy${i % 30}`,
        `代表${i % 30}`,
      );
    }
  })();
  db.exec("ANALYZE");
  db.close();
}

const production = productionCommand(); // as npm start runs it, without npm in front
const startService = (url: string) =>
  startProcess(production.command.slice(1), {
    ...production.env,
    DATABASE_URL: url,
    PORT: "0",
    HOST: "127.0.0.1",
    MINYI_ADMIN_TOKEN: TOKEN,
    MINYI_ROLE: "web",
    LOG_LEVEL: "info",
  });

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function time(base: string, path: string): Promise<{ p50: number; p95: number; items: number }> {
  const call = async () => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = (await res.json()) as { items?: unknown[]; error?: string };
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.error}`);
    return { ms: performance.now() - started, items: body.items?.length ?? 0 };
  };
  for (let i = 0; i < 3; i++) await call();
  const runs: number[] = [];
  let items = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const r = await call();
    runs.push(r.ms);
    items = r.items;
  }
  runs.sort((a, b) => a - b);
  return { p50: quantile(runs, 0.5), p95: quantile(runs, 0.95), items };
}

/** The same deep page by OFFSET and by cursor, in SQL: the baseline keyset paging is compared with. */
async function offsetBaseline(url: string): Promise<{ offsetMs: number; keysetMs: number }> {
  const depth = Math.floor(TICKETS / 2);
  const target = parseDatabaseUrl(url);
  const measure = async (run: () => Promise<unknown>) => {
    await run();
    const started = performance.now();
    for (let i = 0; i < 5; i++) await run();
    return (performance.now() - started) / 5;
  };
  if (target.kind === "postgres") {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const offsetMs = await measure(() => c.query(`SELECT * FROM "Ticket" ORDER BY id DESC LIMIT 50 OFFSET ${depth}`));
    const keysetMs = await measure(() =>
      c.query(`SELECT * FROM "Ticket" WHERE id < ${TICKETS - depth + 1} ORDER BY id DESC LIMIT 50`),
    );
    await c.end();
    return { offsetMs, keysetMs };
  }
  const db = new Database(target.file, { readonly: true });
  const offset = db.prepare(`SELECT * FROM "Ticket" ORDER BY id DESC LIMIT 50 OFFSET ${depth}`);
  const keyset = db.prepare(`SELECT * FROM "Ticket" WHERE id < ? ORDER BY id DESC LIMIT 50`);
  const offsetMs = await measure(async () => offset.all());
  const keysetMs = await measure(async () => keyset.all(TICKETS - depth + 1));
  db.close();
  return { offsetMs, keysetMs };
}

async function main(): Promise<void> {
  const pgUrl = process.env.BENCH_DATABASE_URL;
  let url: string;
  let cleanup: () => Promise<void>;
  if (pgUrl) {
    const name = `minyi_bench_desk_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "minyi-bench-desk-"));
    url = `file:${join(dir, "desk.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const kind = parseDatabaseUrl(url).kind;
  try {
    const seeding = performance.now();
    await seed(url);
    console.log(
      `${kind}: seeded ${TICKETS.toLocaleString("en")} tickets in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const service = await startService(url);
    try {
      const deep = TICKETS - Math.floor(TICKETS / 2) + 1;
      const cases: Array<[string, string, number]> = [
        ["list: newest page", "/api/v1/tickets?limit=50", 200],
        ["list: status=received", "/api/v1/tickets?status=received&limit=50", 200],
        ["list: group + level1", `/api/v1/tickets?group=7&level1=${encodeURIComponent("环境保护")}&limit=50`, 200],
        ["list: community", `/api/v1/tickets?community=${encodeURIComponent("第7小区")}&limit=50`, 200],
        ["list: overdue", "/api/v1/tickets?overdue=true&limit=50", 200],
        ["list: page at the middle (cursor)", `/api/v1/tickets?cursor=${deep}&limit=50`, 200],
        ["list: a month by date", "/api/v1/tickets?from=2026-10-01&to=2026-10-31&limit=50", 200],
        [
          "list: free text q (a phrase)",
          `/api/v1/tickets?q=${encodeURIComponent("路灯不亮，晚上很黑 4242")}&limit=50`,
          200,
        ],
        [
          "list: free text q (two characters, no match)",
          `/api/v1/tickets?q=${encodeURIComponent("井盖")}&limit=50`,
          200,
        ],
        ["list: free text q (one character, no match)", `/api/v1/tickets?q=${encodeURIComponent("鳄")}&limit=50`, 200],
        [
          "list: free text q (two characters, in every ticket)",
          `/api/v1/tickets?q=${encodeURIComponent("路灯")}&limit=50`,
          200,
        ],
        [
          "list: free text q (two characters, one ticket in ten)",
          `/api/v1/tickets?q=${encodeURIComponent("7小")}&limit=50`,
          200,
        ],
        ["figures: one month, all groups", "/api/v1/figures?from=2026-10-01&to=2026-10-31", 1000],
        ["figures: one month, one group", "/api/v1/figures?from=2026-10-01&to=2026-10-31&group=7", 1000],
      ];
      console.log(
        `\n| Call (${kind}, ${TICKETS.toLocaleString("en")} tickets) | p50 ms | p95 ms | goal ms | p95 ÷ goal |`,
      );
      console.log("|---|---|---|---|---|");
      for (const [name, path, goal] of cases) {
        const r = await time(service.url, path);
        console.log(`| ${name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${goal} | ${(r.p95 / goal).toFixed(2)} |`);
      }
      const b = await offsetBaseline(url);
      console.log(
        `\nbaseline, the page at the middle in SQL: OFFSET ${b.offsetMs.toFixed(1)} ms, cursor ${b.keysetMs.toFixed(2)} ms; ratio offset ÷ cursor ${(b.offsetMs / b.keysetMs).toFixed(0)}`,
      );
    } finally {
      service.kill();
    }
  } finally {
    await cleanup();
  }
}

await main();
