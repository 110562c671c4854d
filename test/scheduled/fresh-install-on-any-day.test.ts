// A fresh install (or a group added to a running system) posts no report on a period that ended before
// the group was first seen, whatever the day it starts on; a group that existed in the period still gets
// its report once. The service runs on an injected clock with a fresh database each time.
import { afterEach, expect, it } from "vitest";
import { upsertGroups, type GroupSeed } from "../../src/groups/seed-groups.ts";
import { WECOM_WEBHOOK_KEY } from "../../support/fake-platform.ts";
import { DEPUTY, STAFF, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const members = [
  { ...DEPUTY, role: "deputy" },
  { ...STAFF, role: "staff" },
];
const reception = {
  pattern: { days: [10] },
  time: "09:00-11:30",
  place: "幸福社区代表联络站",
  holidayPolicy: "next_working_day",
  roster: [DEPUTY.userId],
};
const scheduledGroup = { members, reception, digest: { weekday: 1, time: "09:00" }, committee: true };

type Post = { path: string; body: Record<string, unknown> };
const content = (p: Post) => (p.body as { markdown: { content: string } }).markdown.content;
const settle = () => new Promise((r) => setTimeout(r, 400)); // several jobs-loop passes (50 ms each)

const cases = [
  {
    day: "a Monday morning, after the digest's time",
    start: "2026-11-30T09:30:00+08:00",
    next: "2026-12-07T09:00:30+08:00",
    report: "民意周报（11月30日—12月6日）",
  },
  {
    day: "the 1st of a month, after the monthly digest's time",
    start: "2026-12-01T09:30:00+08:00",
    next: "2027-01-01T09:00:30+08:00",
    report: "月度民意通报（2026年12月）",
  },
  {
    day: "New Year's Day",
    start: "2027-01-01T09:30:00+08:00",
    next: "2027-01-04T09:00:30+08:00",
    report: "民意周报（12月28日—1月3日）",
  },
  {
    day: "late on a Sunday",
    start: "2026-11-29T23:30:00+08:00",
    next: "2026-11-30T09:00:30+08:00",
    report: "民意周报（11月23日—11月29日）",
  },
];

describeEachDatabase("a fresh install", (kind) => {
  let t: TestService | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  for (const c of cases) {
    it(`started on ${c.day} posts no report on the period before it, and the next one once`, async () => {
      let clock = new Date(c.start);
      t = await startTestService(kind, { now: () => clock, wecomGroup: scheduledGroup });
      const reports = () =>
        t!.fake.received.filter(
          (r) => r.path.startsWith("/cgi-bin/webhook/send") && /民意周报|月度民意通报/.test(content(r)),
        );
      await settle();
      expect(reports()).toHaveLength(0);
      expect(await t.service.db.scheduledRun.count({ where: { job: { not: "reception-reminder" } } })).toBe(0);

      clock = new Date(c.next);
      await t.fake.waitFor(1);
      await settle();
      const texts = reports().map(content);
      expect(texts.filter((x) => x.includes(c.report))).toHaveLength(1);
      expect(texts).toHaveLength(1);
    });
  }

  it("gives a group added to the running service no digest of the week before it, and its first one the Monday after", async () => {
    let clock = new Date("2026-12-06T20:00:00+08:00");
    t = await startTestService(kind, { now: () => clock });
    clock = new Date("2026-12-07T09:30:00+08:00"); // Monday: the digest of last week is within its grace window
    const added: GroupSeed = {
      platform: "wecom",
      platformGroupId: "wrk-added-later",
      name: "新加入的联络群",
      members: [],
      push: { kind: "wecom-group-webhook", url: `${t.fake.url}/cgi-bin/webhook/send?key=${WECOM_WEBHOOK_KEY}` },
      digest: { weekday: 1, time: "09:00" },
      committee: false,
      places: [],
    };
    await upsertGroups(t.service.db, [added], clock);
    await settle();
    expect(await t.service.db.scheduledRun.count()).toBe(0);

    clock = new Date("2026-12-14T09:00:30+08:00");
    await t.fake.waitFor(1);
    await settle();
    const runs = await t.service.db.scheduledRun.findMany();
    expect(runs.map((r) => r.key)).toEqual([expect.stringMatching(/^digest:\d+:2026-W50$/)]);
  });

  it("notices no reception day already past when a rule is added, and the coming one at its time", async () => {
    let clock = new Date("2026-12-10T12:00:00+08:00"); // the 10th's reception (09:00–11:30) is over
    t = await startTestService(kind, { now: () => clock, wecomGroup: { members, reception } });
    const notices = () =>
      t!.fake.received.filter((r) => r.path.startsWith("/cgi-bin/webhook/send") && content(r).includes("接待日"));
    await settle();
    expect(notices()).toHaveLength(0);

    clock = new Date("2027-01-08T09:00:30+08:00"); // T-3 of Monday 11 January (the 10th is a Sunday)
    await t.fake.waitFor(1);
    await settle();
    expect(notices()).toHaveLength(1);
    expect(content(notices()[0]!)).toContain("1月11日");
  });
});
