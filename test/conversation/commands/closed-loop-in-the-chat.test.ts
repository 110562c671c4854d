// The closed loop driven from the group chat through really signed WeCom callbacks: every command and
// transition, checked in the database (ticket, audit trail) and in the messages the platform received.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say, ticketNumberIn } from "../../support/group-chat.ts";
import { DEPUTY, STAFF, startTestService, type TestService } from "../../support/start-test-service.ts";
import { loopFigures } from "../../../src/tickets/loop-figures.ts";
import { describeEachDatabase } from "../../support/test-database.ts";

describeEachDatabase("a matter goes round the closed loop in the group", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind);
  });
  afterAll(async () => t.close());

  const ticket = (number: string) =>
    t.service.db.ticket.findUniqueOrThrow({ where: { number }, include: { events: { orderBy: { id: "asc" } } } });

  it("is reported, claimed, progressed, answered, closed and rated, with every step in the audit trail", async () => {
    const n = ticketNumberIn((await say(t, "li.ayi", "幸福小区3栋门口的路灯坏了一个星期，晚上很黑")).answer);
    expect(await ticket(n)).toMatchObject({ status: "received", slaTier: "ordinary" });

    expect((await say(t, DEPUTY.userId, `认领 #${n}`)).answer).toContain(`工单 #${n} 已由张代表认领`);
    expect(await ticket(n)).toMatchObject({ status: "assigned", assigneeId: DEPUTY.userId, assigneeName: "张代表" });

    expect((await say(t, DEPUTY.userId, `进展 #${n} 已联系市政，下周更换灯杆`)).answer).toContain(
      "张代表：已联系市政，下周更换灯杆",
    );
    expect((await ticket(n)).status).toBe("in_progress");

    const answered = (await say(t, DEPUTY.userId, `答复 #${n} 市政已排期，周三更换灯杆`)).answer;
    expect(answered).toContain("<@li.ayi>"); // the reporter is told
    expect((await ticket(n)).status).toBe("replied");

    const closed = (await say(t, DEPUTY.userId, `办结 #${n} 路灯已修复`)).answer;
    expect(closed).toContain("<@li.ayi>");
    expect(closed).toContain("已解决");
    expect(closed).toContain(`评价 #${n} 满意 / 基本满意 / 不满意`);
    expect(await ticket(n)).toMatchObject({ status: "closed", closeReason: "fixed" });

    expect((await say(t, "li.ayi", `评价 #${n} 已解决，满意`)).answer).toContain("感谢您的评价");
    const done = await ticket(n);
    expect(done).toMatchObject({ status: "closed", rating: "满意", resolved: true });
    expect(done.events.map((e) => [e.kind, e.actorId, e.actorRole, e.toStatus])).toEqual([
      ["created", "li.ayi", "resident", "received"],
      ["assigned", DEPUTY.userId, "deputy", "assigned"],
      ["progress", DEPUTY.userId, "deputy", "in_progress"],
      ["replied", DEPUTY.userId, "deputy", "replied"],
      ["closed", DEPUTY.userId, "deputy", "closed"],
      ["rated", "li.ayi", "resident", null],
    ]);
    expect(done.events.every((e) => e.inboxMessageId !== null && e.sourceKey.startsWith("chat:"))).toBe(true);
  });

  it("answers 查询 with the status, the handler and the latest steps", async () => {
    const n = (await t.service.db.ticket.findFirstOrThrow({ where: { reporterId: "li.ayi" } })).number;
    const card = (await say(t, "passer.by", `查询 #${n}`)).answer;
    expect(card).toContain("状态：已办结（已解决），承办：张代表");
    expect(card).toContain("张代表：认领");
    expect(card).toContain("居民评价：满意");
  });

  it("keeps the deputy's contact book and the group's figures", async () => {
    const book = (await say(t, DEPUTY.userId, "联系册")).answer;
    expect(book).toContain("张代表的联系册");
    expect(book).toContain("认领 1，办理进展 1，答复 1，办结 1");
    const stats = (await say(t, STAFF.userId, "统计")).answer;
    expect(stats).toContain(
      "累计：受理 1 件，办结 1 件，办结率 100%；解决率 100%（1 人答复），满意率 100%（1 人评价）",
    );
  });

  it("lists a resident's own tickets and a deputy's open ones under 我的工单", async () => {
    const n = ticketNumberIn((await say(t, "qian.ayi", "幸福小区5号楼下水道堵了，污水漫到路上")).answer);
    await say(t, DEPUTY.userId, `认领 #${n}`);
    expect((await say(t, "qian.ayi", "我的工单")).answer).toContain(`#${n} 已认领`);
    const mine = (await say(t, DEPUTY.userId, "我的工单")).answer;
    expect(mine).toContain(`您承办的未办结工单（1）`);
    expect(mine).toContain(`#${n}`);
  });

  it("reopens a ticket whose reporter is not satisfied, with deadlines counted again, and counts the rating", async () => {
    const n = ticketNumberIn((await say(t, "sun.shifu", "幸福小区7栋电梯经常困人，很危险")).answer);
    await say(t, DEPUTY.userId, `办结 #${n} 已请维保单位检修`);
    const before = await ticket(n);
    expect((await say(t, "sun.shifu", `评价 #${n} 未解决 不满意`)).answer).toContain(`工单 #${n} 已重新办理`);
    const after = await ticket(n);
    expect(after).toMatchObject({
      status: "reopened",
      rating: "不满意",
      resolved: false,
      closeReason: null,
      closedAt: null,
    });
    // Deadlines count again from the reopening (the same working day here, so not earlier than before).
    expect(after.feedbackDueAt!.getTime()).toBeGreaterThanOrEqual(before.feedbackDueAt!.getTime());
    expect(after.feedbackNudgedAt).toBeNull();
    expect(after.events.slice(-2).map((e) => e.kind)).toEqual(["rated", "reopened"]);
    // Closed again and rated again: the latest answer counts.
    await say(t, DEPUTY.userId, `办结 #${n} 已更换电梯主板`);
    await say(t, "sun.shifu", `评价 #${n} 基本满意`);
    expect(await ticket(n)).toMatchObject({ status: "closed", rating: "基本满意", resolved: false });
  });

  it("lets a resident who reported the same matter rate it too, and reopens it when it is not fixed for them", async () => {
    const n = ticketNumberIn((await say(t, "he.ayi", "幸福小区9栋1单元楼道灯坏了好几天")).answer);
    expect((await say(t, "lu.shushu", "幸福小区9栋1单元楼道的灯也不亮，晚上摔了一跤")).answer).toContain(
      `已有同类问题 #${n}`,
    );
    const closed = (await say(t, DEPUTY.userId, `办结 #${n} 已更换灯泡`)).answer;
    expect(closed).toContain("<@lu.shushu>");
    const rated = (await say(t, "lu.shushu", `评价 #${n} 不满意，我们1单元的还是不亮`)).answer;
    expect(rated).toContain(`工单 #${n} 已重新办理`);
    const after = await ticket(n);
    expect(after).toMatchObject({ status: "reopened", rating: null }); // the figures count the reporter's rating
    expect(after.events.slice(-2).map((e) => [e.kind, e.actorId])).toEqual([
      ["rated", "lu.shushu"],
      ["reopened", "lu.shushu"],
    ]);
    await say(t, DEPUTY.userId, `办结 #${n} 1单元的灯也换好了`);
    expect((await say(t, "lu.shushu", `评价 #${n} 满意`)).answer).toContain("感谢您的评价");
    expect(await ticket(n)).toMatchObject({ status: "closed", rating: null });
    // Each affected resident's rating counts once, their latest: the follower's 不满意 was replaced by 满意.
    expect((await say(t, "he.ayi", `评价 #${n} 已解决 基本满意`)).answer).toContain("感谢您的评价");
    const only = await t.service.db.ticket.findUniqueOrThrow({
      where: { number: n },
      select: { id: true, createdAt: true },
    });
    const figures = await loopFigures(
      t.service.db,
      { from: only.createdAt, to: new Date(only.createdAt.getTime() + 1) },
      new Date(),
    );
    expect(figures).toMatchObject({ ratings: 2, satisfied: 2, resolutionAnswers: 1, resolved: 1 });
  });

  it("lets the reporter withdraw, and staff reopen a closed ticket", async () => {
    const n = ticketNumberIn((await say(t, "zhou.xiansheng", "幸福小区东门的健身器材坏了")).answer);
    expect((await say(t, "zhou.xiansheng", `撤回 #${n}`)).answer).toContain("已按您的意愿撤回");
    expect(await ticket(n)).toMatchObject({ status: "closed", closeReason: "withdrawn" });
    expect((await say(t, STAFF.userId, `重办 #${n} 居民又来电反映`)).answer).toContain(
      `工单 #${n} 已重新办理：居民又来电反映`,
    );
    expect((await ticket(n)).status).toBe("reopened");
  });
});
