// Who may do what, what an unknown or malformed command gets, and that a command delivered three
// times acts once and answers once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say, ticketNumberIn } from "../../support/group-chat.ts";
import { dingtalkRequest, dingtalkText, send } from "../../../support/platform-client.ts";
import {
  DEPUTY,
  DINGTALK_GROUP,
  DINGTALK_STAFF,
  eventually,
  STAFF,
  startTestService,
  type TestService,
} from "../../support/start-test-service.ts";
import { describeEachDatabase } from "../../support/test-database.ts";

describeEachDatabase("commands are checked against the sender's role", (kind) => {
  let t: TestService;
  let n: string;
  beforeAll(async () => {
    t = await startTestService(kind);
    n = ticketNumberIn((await say(t, "li.ayi", "幸福小区3栋门口的路灯坏了")).answer);
  });
  afterAll(async () => t.close());

  const events = () => t.service.db.ticketEvent.count({ where: { ticket: { number: n }, kind: { not: "created" } } });

  it("politely refuses a resident who tries a deputy's command, and changes nothing", async () => {
    expect((await say(t, "wang.shushu", `认领 #${n}`)).answer).toContain("“认领”需要由本群的人大代表或工作人员操作");
    expect((await say(t, "wang.shushu", `办结 #${n} 修好了`)).answer).toContain("需要由本群的人大代表或工作人员操作");
    expect(await t.service.db.ticket.findUniqueOrThrow({ where: { number: n } })).toMatchObject({
      status: "received",
      assigneeId: null,
    });
    expect(await events()).toBe(0);
  });

  it("keeps re-categorising and merging for staff, even against a deputy", async () => {
    expect((await say(t, DEPUTY.userId, `改类 #${n} 停车管理`)).answer).toContain("需要由街道人大工委工作人员操作");
    expect((await say(t, DEPUTY.userId, `合并 #${n} 到 #2026-0099`)).answer).toContain(
      "需要由街道人大工委工作人员操作",
    );
    expect(await events()).toBe(0);
  });

  it("lets only the reporter rate or withdraw", async () => {
    expect((await say(t, "wang.shushu", `撤回 #${n}`)).answer).toContain("只有反映该问题的居民本人可以撤回");
    expect((await say(t, STAFF.userId, `评价 #${n} 满意`)).answer).toContain("只有反映该问题的居民可以评价");
    expect((await say(t, "li.ayi", `评价 #${n} 满意`)).answer).toContain("还在办理中，办结后再请您评价");
    expect(await events()).toBe(0);
  });

  it("answers a malformed command with its usage and an unknown one with the help text", async () => {
    expect((await say(t, DEPUTY.userId, "认领")).answer).toContain("指令格式不太对，请参考：\n\n认领 #2026-0007");
    expect((await say(t, DEPUTY.userId, `进展 #${n}`)).answer).toContain("进展 #2026-0007 已联系市政");
    expect((await say(t, STAFF.userId, `改类 #${n} 不存在的分类`)).answer).toContain("没有名为“不存在的分类”的分类");
    expect((await say(t, DEPUTY.userId, `/撤单 #${n}`)).answer).toContain("抱歉，没有识别出这条指令");
    expect((await say(t, "li.ayi", "帮助")).answer).toContain("评价 #编号 满意");
    expect((await say(t, DEPUTY.userId, "认领 #2026-9999")).answer).toContain("未找到工单 #2026-9999");
    expect(await events()).toBe(0);
  });

  it("acts once and answers once when the platform delivers the same command three times", async () => {
    const claim = await say(t, DEPUTY.userId, `认领 #${n}`);
    const [a, b] = await Promise.all([send(t.url, claim.request), send(t.url, claim.request)]);
    const c = await send(t.url, claim.request);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    await new Promise((r) => setTimeout(r, 300)); // time for a wrongly queued second answer to show up
    expect(t.fake.received.filter((r) => r.path === claim.path)).toHaveLength(1);
    expect(await t.service.db.ticketEvent.count({ where: { ticket: { number: n }, kind: "assigned" } })).toBe(1);
  });

  it("works the same on DingTalk: staff close a ticket and the answer goes through the sessionWebhook", async () => {
    const report = dingtalkText({
      msgId: "ding-report",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "ding-resident",
      senderNick: "钱女士",
      content: "和平路菜市场门口的井盖丢了，很危险",
      sessionWebhook: `${t.fake.url}/dingtalk/session/ding-report`,
    });
    await send(t.url, dingtalkRequest(t.dingtalkSecret, report));
    const ack = await eventually(async () => t.fake.received.find((r) => r.path === "/dingtalk/session/ding-report"));
    const number = ticketNumberIn((ack.body as { markdown: { text: string } }).markdown.text);
    const close = dingtalkText({
      msgId: "ding-close",
      conversationId: DINGTALK_GROUP,
      senderStaffId: DINGTALK_STAFF.userId,
      senderNick: "王主任",
      content: `办结 #${number} 井盖已补装`,
      sessionWebhook: `${t.fake.url}/dingtalk/session/ding-close`,
    });
    await send(t.url, dingtalkRequest(t.dingtalkSecret, close));
    const posted = await eventually(async () => t.fake.received.find((r) => r.path === "/dingtalk/session/ding-close"));
    const body = posted.body as { markdown: { text: string }; at: { atUserIds: string[] } };
    expect(body.markdown.text).toContain(`工单 #${number} 已办结`);
    expect(body.at.atUserIds).toEqual(["ding-resident"]);
    expect(await t.service.db.ticket.findUniqueOrThrow({ where: { number } })).toMatchObject({
      status: "closed",
      assigneeId: DINGTALK_STAFF.userId,
      assigneeName: "王主任",
    });
  });
});
