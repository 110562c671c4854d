// After a reception day, staff log it in the group through really signed callbacks: how many residents
// came and which deputies were there (their records count it), and each matter raised becomes a ticket
// marked with the day. Redelivery logs once; residents may not log.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say, ticketNumberIn } from "../../support/group-chat.ts";
import { send } from "../../../support/platform-client.ts";
import { DEPUTY, STAFF, startTestService, type TestService } from "../../support/start-test-service.ts";
import { describeEachDatabase } from "../../support/test-database.ts";

const LI = { userId: "li.daibiao", name: "李代表" };
const members = [
  { ...DEPUTY, role: "deputy" },
  { ...LI, role: "deputy" },
  { ...STAFF, role: "staff" },
];
const reception = {
  pattern: { days: [10] },
  time: "09:00-11:30",
  place: "幸福社区代表联络站",
  roster: [DEPUTY.userId, LI.userId],
};

describeEachDatabase("logging a reception day in the chat", (kind) => {
  let t: TestService;
  const clock = new Date("2026-12-11T10:00:00+08:00"); // the day after Thursday 2026-12-10
  beforeAll(async () => {
    t = await startTestService(kind, { now: () => clock, wecomGroup: { members, reception } });
  });
  afterAll(async () => t.close());

  it("refuses a date that has not come yet, and asks to confirm one that is not a reception day", async () => {
    const future = await say(t, STAFF.userId, "接待登记 12月30日 来访 3 人", clock);
    expect(future.answer).toContain("还没有到");
    const odd = await say(t, STAFF.userId, "接待登记 12月8日 来访 3 人", clock);
    expect(odd.answer).toContain("不是本群的接待日");
    expect(await t.service.db.receptionDay.count()).toBe(0);
    const confirmed = await say(t, STAFF.userId, "接待登记 12月8日 确认 来访 3 人", clock);
    expect(confirmed.answer).toContain("已登记 12月8日（周二） 接待日");
    await t.service.db.receptionDay.deleteMany({ where: { date: "2026-12-08" } });
  });

  it("records the visitors and the deputies present, once however often the platform delivers it", async () => {
    const said = await say(t, STAFF.userId, "接待登记 12月10日 来访 8 人 到场 张代表、李代表、王五", clock);
    expect(said.answer).toContain("已登记 12月10日（周四） 接待日");
    expect(said.answer).toContain("来访群众：8 人");
    expect(said.answer).toContain("到场代表：张代表、李代表");
    expect(said.answer).toContain("未在本群代表名单中找到：王五");
    await send(t.url, said.request);
    await send(t.url, said.request);
    await new Promise((r) => setTimeout(r, 300));
    const days = await t.service.db.receptionDay.findMany({ include: { attendance: true } });
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ date: "2026-12-10", visitors: 8, loggedById: STAFF.userId });
    expect(days[0]!.attendance.map((a) => a.platformUserId).sort()).toEqual([LI.userId, DEPUTY.userId].sort());
    expect(t.fake.received.filter((r) => r.path === said.path)).toHaveLength(1);
  });

  it("takes the group's latest reception day when no date is written", async () => {
    const said = await say(t, STAFF.userId, "接待登记 来访 9 人", clock);
    expect(said.answer).toContain("已登记 12月10日（周四） 接待日");
    expect(said.answer).toContain("来访群众：9 人");
    expect(await t.service.db.receptionDay.count()).toBe(1);
  });

  it("answers a date that does not exist with how to write one, and stores nothing", async () => {
    const said = await say(t, STAFF.userId, "接待登记 2月30日 来访 5 人", clock);
    expect(said.answer).toContain("没有看懂接待日的日期");
    expect(await t.service.db.receptionDay.count()).toBe(1);
  });

  it("opens a ticket for a matter raised on the day, marked with the day", async () => {
    const said = await say(t, STAFF.userId, "接待问题 12月10日 幸福路菜市场门口占道经营，早高峰堵得走不动", clock);
    const ticket = await t.service.db.ticket.findUniqueOrThrow({ where: { number: ticketNumberIn(said.answer) } });
    expect(ticket).toMatchObject({
      receptionDate: "2026-12-10",
      reporterRole: "reception",
      text: "幸福路菜市场门口占道经营，早高峰堵得走不动",
    });
  });

  it("counts the day in each deputy's contact book", async () => {
    const said = await say(t, DEPUTY.userId, "联系册", clock);
    expect(said.answer).toContain("接待日到场 1 次");
  });

  it("refuses a resident who tries to log a reception day", async () => {
    const said = await say(t, "resident.zhou", "接待登记 12月10日 来访 100 人", clock);
    expect(said.answer).toContain("登记接待日");
    expect((await t.service.db.receptionDay.findFirstOrThrow()).visitors).toBe(9);
  });
});
