// 改类: staff correct a category; the ticket changes, the audit trail says from what to what, and the
// example joins this deployment's training data, so the next identical report is understood correctly.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say, ticketNumberIn } from "../../support/group-chat.ts";
import { eventually, STAFF, startTestService, type TestService } from "../../support/start-test-service.ts";
import { describeEachDatabase } from "../../support/test-database.ts";

const TEXT = "楼下空地被人圈起来收费了";

describeEachDatabase("staff re-categorise a ticket", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind);
  });
  afterAll(async () => t.close());

  it("corrects the ticket, records the change, and learns the example", async () => {
    const n = ticketNumberIn((await say(t, "li.ayi", TEXT)).answer);
    const before = await t.service.db.ticket.findUniqueOrThrow({ where: { number: n } });
    expect(before.categoryL2).not.toBe("停车管理"); // the shipped model gets this one wrong

    expect((await say(t, STAFF.userId, `改类 #${n} 停车`)).answer).toContain(
      `由“${before.categoryL2}”调整为“停车管理”`,
    );
    const after = await t.service.db.ticket.findUniqueOrThrow({ where: { number: n }, include: { events: true } });
    expect(after).toMatchObject({ categoryL1: "交通运输", categoryL2: "停车管理", needsReview: false });
    expect(after.events.find((e) => e.kind === "recategorized")?.note).toBe(
      `${before.categoryL1}/${before.categoryL2} → 交通运输/停车管理`,
    );
    expect(
      await t.service.db.trainingExample.findMany({ select: { text: true, label: true, correctedBy: true } }),
    ).toEqual([{ text: TEXT, label: "停车管理", correctedBy: STAFF.userId }]);

    await eventually(async () =>
      t.logs.some((l) => l.msg === "classifier retrained with staff corrections" && l.corrections === 1),
    );
    // Another resident reports the same words: now understood as 停车管理, so it joins the ticket.
    expect((await say(t, "wang.shushu", TEXT)).answer).toContain(`已有同类问题 #${n}`);
  });
});
