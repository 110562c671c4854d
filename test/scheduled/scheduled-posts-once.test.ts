// Reception-day notices and the weekly digest, through the real service on an injected clock: each is
// posted once at its time through the group's push robot, caught up after a restart within its grace
// window and never repeated, and recorded once when two workers on PostgreSQL find it due together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";
import { createBusinessCalendar } from "../../src/infra/business-calendar.ts";
import { createLogger } from "../../src/infra/create-logger.ts";
import { runDueSchedules } from "../../src/scheduled/run-due-schedules.ts";
import { say } from "../support/group-chat.ts";
import { DEPUTY, eventually, STAFF, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const LI = { userId: "li.daibiao", name: "李代表" };
const reception = {
  pattern: { days: [10] },
  time: "09:00-11:30",
  place: "幸福社区代表联络站（幸福路 18 号一楼）",
  holidayPolicy: "next_working_day",
  roster: [DEPUTY.userId, LI.userId],
  perDay: 1,
};
const members = [
  { ...DEPUTY, role: "deputy" },
  { ...LI, role: "deputy" },
  { ...STAFF, role: "staff" },
];

type Post = { path: string; body: Record<string, unknown> };
const content = (p: Post) => (p.body as { markdown: { content: string } }).markdown.content;
const settle = () => new Promise((r) => setTimeout(r, 400)); // several job periods (50 ms each)

describeEachDatabase("reception-day notices", (kind) => {
  let t: TestService;
  let clock = new Date("2026-12-07T09:00:30+08:00"); // T-3 for Thursday 2026-12-10, a minute late
  const now = () => clock;
  beforeAll(async () => {
    t = await startTestService(kind, { now, wecomGroup: { members, reception } });
  });
  afterAll(async () => t.close());

  const notices = () =>
    t.fake.received.filter((r) => r.path.startsWith("/cgi-bin/webhook/send") && content(r).includes("接待日"));

  it("posts the advance notice once, naming the time, the place and the deputy on duty, and mentioning them", async () => {
    await t.fake.waitFor(1);
    await settle();
    expect(notices()).toHaveLength(1);
    const text = content(notices()[0]!);
    expect(text).toContain("人大代表接待日预告");
    expect(text).toContain("12月10日（周四） 09:00—11:30");
    expect(text).toContain("幸福社区代表联络站（幸福路 18 号一楼）");
    const onDuty = [DEPUTY, LI].find((d) => text.includes(`<@${d.userId}>`))!;
    expect(onDuty).toBeDefined();
    expect(text).toContain(`值班代表：${onDuty.name}`);
    const runs = await t.service.db.scheduledRun.findMany();
    expect(runs.map((r) => r.key)).toEqual([expect.stringMatching(/^reminder:\d+:2026-12-10:T-3$/)]);
  });

  it("does not post it again after a restart within the grace window", async () => {
    clock = new Date("2026-12-07T15:00:00+08:00");
    await t.restart(now);
    await settle();
    expect(notices()).toHaveLength(1);
  });

  it("catches up the morning notice when the service comes back after its time, once, and skips one that is too late", async () => {
    await t.service.stop();
    clock = new Date("2026-12-10T08:40:00+08:00"); // down at 08:00, back before the reception starts
    await t.restart(now);
    await t.fake.waitFor(2);
    await settle();
    expect(notices()).toHaveLength(2);
    expect(content(notices()[1]!)).toContain("今天是人大代表接待日");

    clock = new Date("2027-01-11T09:30:00+08:00"); // Jan 10 is a Sunday: the day moved to Monday Jan 11, already begun
    await t.restart(now);
    await settle();
    expect(notices()).toHaveLength(2);
    const run = await t.service.db.scheduledRun.findFirst({ where: { key: { endsWith: "T-0" } } });
    expect(run!.ranAt.getTime() - run!.dueAt.getTime()).toBe(40 * 60_000); // recorded as a catch-up
  });
});

describeEachDatabase("the weekly digest", (kind) => {
  let t: TestService;
  let clock = new Date("2026-12-02T10:00:00+08:00"); // Wednesday of ISO week 49
  const now = () => clock;
  beforeAll(async () => {
    t = await startTestService(kind, { now, wecomGroup: { members, digest: { weekday: 1, time: "09:00" } } });
  });
  afterAll(async () => t.close());

  const digests = () =>
    t.fake.received.filter((r) => r.path.startsWith("/cgi-bin/webhook/send") && content(r).includes("民意周报"));

  it("posts the week's figures once on Monday morning, with residents' phone numbers masked", async () => {
    await say(t, "wang.ayi", "阳光小区3号楼门口的路灯坏了一个星期了，晚上很黑，我的电话13812345678", clock);
    await say(t, "zhao.shu", "阳光小区东门的路面塌了一个大坑，电动车很容易摔倒", clock);
    await settle();
    expect(digests()).toHaveLength(0);

    clock = new Date("2026-12-07T09:00:20+08:00");
    await eventually(async () => digests().length > 0); // a busy machine may take longer than a few job periods
    await settle();
    expect(digests()).toHaveLength(1);
    const text = content(digests()[0]!);
    expect(text).toContain("民意周报（11月30日—12月6日）");
    expect(text).toContain("新收 2 件（本群首周，暂无上周数据）");
    expect(text).toContain("阳光小区 2 件");
    expect(text).toContain("张代表：转交 0 件");
    expect(JSON.stringify(t.fake.received)).not.toContain("13812345678");
    const run = await t.service.db.scheduledRun.findFirst({ where: { job: "weekly-digest" } });
    expect(run!.key).toMatch(/^digest:\d+:2026-W49$/);

    clock = new Date("2026-12-07T18:00:00+08:00");
    await t.restart(now);
    await settle();
    expect(digests()).toHaveLength(1);
  });
});

describeEachDatabase("the committee's monthly digest", (kind) => {
  let t: TestService;
  let clock = new Date("2026-11-20T10:00:00+08:00");
  const now = () => clock;
  beforeAll(async () => {
    t = await startTestService(kind, { now, wecomGroup: { members, committee: true } });
  });
  afterAll(async () => t.close());

  const monthly = () =>
    t.fake.received.filter((r) => r.path.startsWith("/cgi-bin/webhook/send") && content(r).includes("月度民意通报"));

  it("posts every group's month, each deputy's tally against one opinion a month and the points ranking, once, on the 1st", async () => {
    await say(t, DEPUTY.userId, "接待问题 11月10日 幸福路菜市场门口占道经营，早高峰堵得走不动", clock);
    await say(t, STAFF.userId, "接待登记 11月10日 来访 6 人 到场 张代表", clock);

    clock = new Date("2026-12-01T09:00:30+08:00");
    await t.fake.waitFor(3);
    await settle();
    expect(monthly()).toHaveLength(1);
    const text = content(monthly()[0]!);
    expect(text).toContain("月度民意通报（2026年11月）");
    expect(text).toContain("1/2 位已达成");
    expect(text).toContain("张代表：反映 1 条 · 接待日到场 1 次");
    expect(text).toContain("李代表：反映 0 条 · 接待日到场 0 次（本月尚未反映）");
    expect(text).toMatch(/幸福社区代表联络群：新收 1 件 .* 接待日 1 次（来访 6 人）/);
    // The month's duty-points ranking (定期履职通报), over the sub-district and within the group.
    expect(text).toContain("履职积分排名");
    expect(text).toMatch(/1\. 张代表 [1-9]\d* 分\n2\. 李代表 0 分/);
    expect(text).toMatch(/- 幸福社区代表联络群：1\. 张代表 [1-9]\d* 分，2\. 李代表 0 分/);

    clock = new Date("2026-12-02T09:00:00+08:00");
    await t.restart(now);
    await settle();
    expect(monthly()).toHaveLength(1);
  });
});

describe("two workers on PostgreSQL", () => {
  const pg = process.env.TEST_POSTGRES_URL;
  it.skipIf(!pg)("record a due run once when both find it due at the same moment", async () => {
    const clock = new Date("2026-12-07T09:00:30+08:00");
    const t = await startTestService("postgres", {
      now: () => new Date("2026-12-03T12:00:00+08:00"),
      wecomGroup: { members, reception, digest: { weekday: 1, time: "09:00" } },
    });
    try {
      await t.service.stop(); // only the two workers below run the schedules
      const target = parseDatabaseUrl(t.env.DATABASE_URL!);
      const [a, b] = [createDatabase(target), createDatabase(target)];
      const deps = (db: typeof a) => ({ db, calendar: createBusinessCalendar(), log: createLogger("silent") });
      const [ranA, ranB] = await Promise.all([runDueSchedules(deps(a), clock), runDueSchedules(deps(b), clock)]);
      const runs = await a.scheduledRun.findMany();
      expect(runs.map((r) => r.key).sort()).toEqual([
        expect.stringMatching(/:2026-W49$/),
        expect.stringMatching(/:2026-12-10:T-3$/),
      ]);
      expect(ranA + ranB).toBe(2);
      expect(await a.outboxMessage.count({ where: { dedupeKey: { startsWith: "reminder:" } } })).toBe(1);
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    } finally {
      await t.close(); // stop() again is a no-op
    }
  });
});
