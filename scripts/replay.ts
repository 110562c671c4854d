// npm run -s replay -- --groups <groups.json> <script.jsonl> [--until <ISO time>]
// Runs a conversation through the real service (real HTTP server, real SQLite file, real workers, really
// signed callbacks) against a fake platform, on a clock that moves only as the script says: each line
// {"at","group","from","name","text","quote"?} is delivered at its time ("group" absent: a one-to-one chat
// through the WeCom app); between lines the clock advances hour by hour and the scheduled jobs (reception
// notices, digests, overdue nudges) run at each hour, as they would. Prints one JSON line per post the bot
// made, {"at","chat","mentions","text"}, in time order, then {"tickets":[…]}, then for the month of the clock's
// end {"ledger":[…]} (the deputies' duty points), {"hotspots":[…]} and {"proposals":[…]} (drafts made in the
// chat with 建议草稿). A fresh database every run;
// MINYI_* settings from the environment apply (quiet hours, SLA file, thresholds), so a committee can try
// its configuration before going live.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createLogger } from "../src/infra/create-logger.ts";
import { loadConfig } from "../src/infra/load-config.ts";
import { startService } from "../src/main.ts";
import { shanghaiDate } from "../src/infra/shanghai-time.ts";
import { parseLedgerPeriod } from "../src/ledger/ledger-period.ts";
import { pointsLedger } from "../src/ledger/points-ledger.ts";
import { DEFAULT_POINTS_FILE, readPointsRules } from "../src/ledger/points-rules.ts";
import { findHotspots } from "../src/proposals/find-hotspots.ts";
import { DINGTALK_APP_KEY, DINGTALK_OPENAPI_SECRET, startFakePlatform } from "../support/fake-platform.ts";
import { randomKeys, send } from "../support/platform-client.ts";
import { postOf } from "./replay/posts-of.ts";
import { redirectGroups, type GroupEntry } from "./replay/redirect-routes.ts";
import { signedCallback, type ScriptLine } from "./replay/signed-callback.ts";
import { ticketsOf } from "./replay/tickets-of.ts";

const HOUR = 3600_000;
const LineSchema = z.object({
  at: z.string().datetime({ offset: true }),
  group: z.string().min(1).optional(),
  from: z.string().min(1),
  name: z.string().optional(),
  text: z.string(),
  quote: z.string().optional(),
});

const { values, positionals } = parseArgs({
  options: { groups: { type: "string" }, until: { type: "string" } },
  allowPositionals: true,
});
if (!values.groups || positionals.length !== 1) {
  console.error("usage: npm run -s replay -- --groups <groups.json> <script.jsonl> [--until <ISO time>]");
  process.exit(2);
}
const lines: ScriptLine[] = readFileSync(positionals[0]!, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l, i) => {
    const parsed = LineSchema.safeParse(JSON.parse(l));
    if (!parsed.success) throw new Error(`${positionals[0]}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
lines.forEach((l, i) => {
  if (i > 0 && new Date(l.at) < new Date(lines[i - 1]!.at))
    throw new Error(`${positionals[0]}:${i + 1}: lines must be in time order`);
});
if (lines.length === 0) throw new Error(`${positionals[0]}: no lines`);

let clock = new Date(lines[0]!.at);
const dir = mkdtempSync(join(tmpdir(), "minyi-replay-"));
const fake = await startFakePlatform(() => clock);
const groups = JSON.parse(readFileSync(values.groups, "utf8")) as GroupEntry[];
const groupsFile = join(dir, "groups.json");
writeFileSync(groupsFile, JSON.stringify(redirectGroups(groups, fake.url)));
const keys = {
  bot: randomKeys(),
  app: randomKeys(),
  corpId: "wwReplayCorp",
  dingtalkSecret: DINGTALK_OPENAPI_SECRET,
  fakeUrl: fake.url,
};
const settings = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("MINYI_")));
const config = loadConfig({
  ...settings,
  PORT: "0",
  HOST: "127.0.0.1",
  DATABASE_URL: `file:${join(dir, "replay.db")}`,
  MINYI_GROUPS_FILE: groupsFile,
  MINYI_POLL_MS: "10",
  MINYI_JOBS_POLL_MS: String(24 * HOUR), // the replay runs the jobs itself, at each hour of its clock
  MINYI_REPLY_ORIGINS: fake.url,
  WECOM_BOT_TOKEN: keys.bot.token,
  WECOM_BOT_ENCODING_AES_KEY: keys.bot.encodingAesKey,
  WECOM_APP_TOKEN: keys.app.token,
  WECOM_APP_ENCODING_AES_KEY: keys.app.encodingAesKey,
  WECOM_CORP_ID: keys.corpId,
  WECOM_APP_SECRET: "replay-secret",
  WECOM_APP_AGENT_ID: "1000002",
  WECOM_API_BASE_URL: fake.url,
  DINGTALK_APP_SECRET: keys.dingtalkSecret,
  DINGTALK_APP_KEY,
  DINGTALK_API_BASE_URL: fake.url,
});
const service = await startService(config, { log: createLogger("error"), now: () => clock });
const db = service.db;

/** Waits (real time, bounded) until nothing the clock allows is left to send. */
async function drained(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const waiting = await db.outboxMessage.count({
      where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: clock } },
    });
    const inbox = await db.inboxMessage.count({ where: { status: { in: ["pending", "processing"] } } });
    if (waiting === 0 && inbox === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Moves the clock to `target`, running the scheduled jobs at every hour on the way. */
async function advanceTo(target: Date): Promise<void> {
  while (clock < target) {
    const nextHour = new Date(Math.floor(clock.getTime() / HOUR) * HOUR + HOUR);
    clock = nextHour < target ? nextHour : target;
    if (clock.getTime() % HOUR === 0) {
      await service.runJobs();
      await drained();
    }
  }
}

const platformOf = (id: string) =>
  groups.find((g) => g.platformGroupId === id)?.platform as "wecom" | "dingtalk" | undefined;
const replyChats = new Map<string, string>();
for (const [i, line] of lines.entries()) {
  await advanceTo(new Date(line.at));
  const { request, replyPath } = signedCallback(line, `replay-${i + 1}`, platformOf, keys);
  if (replyPath) replyChats.set(replyPath, line.group!);
  const res = await send(service.url!, request);
  if (res.status !== 200) console.error(`line ${i + 1}: the service answered ${res.status}: ${res.text}`);
  await drained();
}
if (values.until) await advanceTo(new Date(values.until));

for (const r of fake.received) console.log(JSON.stringify(postOf(r, replyChats)));
console.log(JSON.stringify({ tickets: await ticketsOf(db) }));
const month = shanghaiDate(clock).slice(0, 7);
const rules = readPointsRules(config.dutyPointsFile ?? DEFAULT_POINTS_FILE);
const ledger = await pointsLedger(db, rules, parseLedgerPeriod(month)!, clock, service.calendar);
console.log(
  JSON.stringify({
    ledger: ledger.map((l) => ({
      name: l.name,
      total: l.total,
      rank: l.rank,
      breakdown: l.breakdown.map((b) => `${b.label} ${b.count} 次 ${b.points} 分`),
      monthsWithoutOpinion: l.monthsWithoutOpinion,
    })),
  }),
);
const hotspots = await findHotspots(db, { from: `${month}-01`, to: shanghaiDate(clock), groupIds: null });
console.log(JSON.stringify({ hotspots: hotspots.map(({ groupIds: _, ...h }) => h) }));
const proposals = await db.proposal.findMany({ orderBy: { id: "asc" } });
console.log(
  JSON.stringify({
    proposals: proposals.map((p) => ({
      number: p.number,
      title: p.title,
      draftedBy: p.draftedBy,
      ...JSON.parse(p.sections),
    })),
  }),
);
await service.stop();
await fake.close();
rmSync(dir, { recursive: true, force: true });
