// The replay contract (npm run -s replay): a script of chat lines runs through the real service on the
// script's clock against a fake platform; out come the bot's posts, one JSON line each in time order, and
// the tickets as they stand at the end. The month in demo/ is the example the README shows.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const G = "wrkXingfuResidents";

interface Post {
  at: string;
  chat: string;
  mentions: string[];
  text: string;
}

it("prints the bot's posts in time order with their chats, then the tickets with followers and raters", () => {
  const dir = mkdtempSync(join(tmpdir(), "minyi-replay-test-"));
  const script = join(dir, "script.jsonl");
  const line = (at: string, from: string, text: string, extra: Record<string, string> = {}) =>
    JSON.stringify({ at, group: G, from, name: from, text, ...extra });
  writeFileSync(
    script,
    [
      line("2026-12-01T09:00:00+08:00", "zhang.ayi", "幸福小区3号楼家里停水两天了"),
      line("2026-12-01T09:10:00+08:00", "li.shushu", "燃气味很重，是不是漏气了？幸福小区9栋"),
      line("2026-12-01T09:20:00+08:00", "sun.ayi", "我也是，3号楼2单元也没水", {
        quote: "张阿姨：幸福小区3号楼家里停水两天了",
      }),
      line("2026-12-01T10:00:00+08:00", "chen.daibiao", "办结 #2 燃气公司已关阀维修"),
      line("2026-12-01T10:30:00+08:00", "li.shushu", "评价 #2 已解决 满意"),
      line("2026-12-01T20:00:00+08:00", "zhou.ayi", "今天晚上有人一起去公园跳广场舞吗？"),
    ].join("\n"),
  );
  const out = execFileSync(
    "npx",
    ["tsx", "scripts/replay.ts", "--groups", "demo/month-groups.json", script, "--until", "2026-12-03T10:00:00+08:00"],
    { cwd: root, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } },
  )
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const posts = out.filter((l) => "at" in l) as unknown as Post[];
  const { tickets } = out.find((l) => "tickets" in l) as { tickets: Array<Record<string, unknown>> };
  const { ledger } = out.find((l) => "ledger" in l) as { ledger: Array<{ name: string; total: number }> };
  const { hotspots } = out.find((l) => "hotspots" in l) as { hotspots: Array<Record<string, unknown>> };
  expect(out.slice(posts.length).map((l) => Object.keys(l)[0])).toEqual(["tickets", "ledger", "hotspots", "proposals"]);

  expect(posts.map((p) => p.at)).toEqual([...posts.map((p) => p.at)].sort());
  for (const p of posts) expect(Object.keys(p)).toEqual(["at", "chat", "mentions", "text"]);
  // The gas leak: the resident is advised in the group, the deputies and staff alerted on their own route.
  const alert = posts.find((p) => p.chat === `staff:${G}` && p.text.includes("紧急事项"));
  expect(alert?.at).toBe("2026-12-01T09:10:00+08:00");
  expect(alert?.mentions).toEqual(expect.arrayContaining(["wang.daibiao", "chen.daibiao", "liu.gongwei"]));
  // Overdue nudges reach the staff route only, and not in quiet hours.
  const nudges = posts.filter((p) => p.text.includes("催办"));
  expect(nudges.length).toBeGreaterThan(0);
  for (const n of nudges) {
    expect(n.chat).toBe(`staff:${G}`);
    const hour = Number(n.at.slice(11, 13));
    expect(hour >= 8 && hour < 21).toBe(true);
  }
  // Square dancing is chat: answered, no ticket.
  expect(posts.find((p) => p.mentions.includes("zhou.ayi"))?.text).not.toContain("工单编号");

  expect(tickets).toHaveLength(2);
  expect(tickets[0]).toMatchObject({
    number: "2026-0001",
    level2: "供水供电供气",
    urgent: false,
    reporterRole: "resident",
    followers: ["zhang.ayi", "sun.ayi"],
  });
  expect(tickets[1]).toMatchObject({
    number: "2026-0002",
    status: "closed",
    urgent: true,
    place: "幸福小区9栋",
    raters: [{ id: "li.shushu", rating: "满意", resolved: true }],
  });
  // The month's ledger (陈代表 closed one, rated 满意: 2 + 1) and its one hotspot: water and gas at 幸福小区.
  expect(ledger.find((l) => l.name === "陈代表")?.total).toBe(3);
  expect(hotspots).toEqual([
    expect.objectContaining({ level2: "供水供电供气", place: "幸福小区", tickets: 2, residents: 3 }),
  ]);
}, 60_000);
