// The walking path end to end: a really signed callback → inbox → ticket → reply on the fake platform.
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  dingtalkRequest,
  dingtalkText,
  send,
  wecomAppRequest,
  wecomAppTextXml,
  wecomBotRequest,
  wecomBotText,
  wecomVerifyPath,
} from "../../support/platform-client.ts";
import {
  CORP_ID,
  DEPUTY,
  DINGTALK_GROUP,
  eventually,
  startTestService,
  WECOM_GROUP,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";
import { shanghaiYear } from "../../src/tickets/next-ticket-number.ts";

describeEachDatabase("a resident's message becomes a ticket and a reply in the group", (kind) => {
  let t: TestService;
  const year = shanghaiYear(new Date());
  beforeAll(async () => {
    t = await startTestService(kind);
  });
  afterAll(async () => t.close());

  const posted = (prefix: string) => t.fake.received.filter((r) => r.path.startsWith(prefix));

  it("answers the WeCom AI bot URL check with the decrypted echostr", async () => {
    const res = await fetch(t.url + wecomVerifyPath("/wecom/bot/callback", t.botKeys, "", "echo-7788"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("echo-7788");
  });

  it("answers the WeCom app URL check only for its own CorpID", async () => {
    const ok = await fetch(t.url + wecomVerifyPath("/wecom/app/callback", t.appKeys, CORP_ID, "echo-app"));
    expect(await ok.text()).toBe("echo-app");
    const other = await fetch(t.url + wecomVerifyPath("/wecom/app/callback", t.appKeys, "wwOtherCorp", "echo-app"));
    expect(other.status).toBe(400);
  });

  it("opens a ticket for a WeCom group message and replies through response_url with its number", async () => {
    const msg = wecomBotText({
      msgId: "bot-1",
      chatId: WECOM_GROUP,
      from: "li.ayi",
      content: "幸福小区3栋门口的路灯坏了一个星期，晚上很黑",
      responseUrl: `${t.fake.url}/wecom/response/bot-1`,
    });
    const res = await send(t.url, wecomBotRequest(t.botKeys, msg));
    expect(res).toEqual({ status: 200, text: "" });

    const ticket = await eventually(() =>
      t.service.db.ticket.findFirst({ where: { reporterId: "li.ayi" }, include: { group: true } }),
    );
    expect(ticket).toMatchObject({
      status: "received",
      categoryL1: "城乡建设",
      categoryL2: "路灯照明",
      reporterRole: "resident",
      platform: "wecom",
    });
    expect(ticket.number).toMatch(new RegExp(`^${year}-\\d{4}$`));
    expect(ticket.group?.platformGroupId).toBe(WECOM_GROUP);

    await eventually(async () => posted("/wecom/response/bot-1").length === 1);
    const body = posted("/wecom/response/bot-1")[0]!.body as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content).toContain(`#${ticket.number}`);
    expect(body.markdown.content).toContain("<@li.ayi>");
    expect(body.markdown.content).toContain("路灯照明");
  });

  it("opens a ticket for a DingTalk group message and replies through the sessionWebhook, mentioning the sender", async () => {
    const msg = dingtalkText({
      msgId: "ding-1",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "staff-wang",
      senderNick: "王先生",
      content: "小区车位太少，每天晚上都停不下车",
      sessionWebhook: `${t.fake.url}/dingtalk/session/ding-1`,
    });
    expect((await send(t.url, dingtalkRequest(t.dingtalkSecret, msg))).status).toBe(200);
    const ticket = await eventually(() => t.service.db.ticket.findFirst({ where: { reporterId: "staff-wang" } }));
    expect(ticket).toMatchObject({ categoryL2: "停车管理", reporterName: "王先生", platform: "dingtalk" });
    await eventually(async () => posted("/dingtalk/session/ding-1").length === 1);
    const body = posted("/dingtalk/session/ding-1")[0]!.body as {
      markdown: { text: string };
      at: { atUserIds: string[] };
    };
    expect(body.markdown.text).toContain(`#${ticket.number}`);
    expect(body.at.atUserIds).toEqual(["staff-wang"]);
  });

  it("records a message a deputy forwards to the WeCom app as reported on behalf of a resident, and answers the deputy", async () => {
    const xml = wecomAppTextXml({
      corpId: CORP_ID,
      from: DEPUTY.userId,
      content: "居民反映：和平路雨水井堵了，一下雨就积水",
      msgId: "7459035031717794886",
    });
    const res = await send(t.url, wecomAppRequest(t.appKeys, CORP_ID, xml));
    expect(res).toEqual({ status: 200, text: "success" });
    const ticket = await eventually(() => t.service.db.ticket.findFirst({ where: { reporterId: DEPUTY.userId } }));
    expect(ticket).toMatchObject({ reporterRole: "deputy_on_behalf", categoryL2: "排水管网", groupId: null });
    const inbox = await t.service.db.inboxMessage.findFirstOrThrow({ where: { channel: "wecom-app" } });
    expect(inbox.platformMessageId).toBe("7459035031717794886"); // 64-bit MsgId kept exactly
    await eventually(async () => posted("/cgi-bin/message/send").length === 1);
    const body = posted("/cgi-bin/message/send")[0]!.body as { touser: string; markdown: { content: string } };
    expect(body.touser).toBe(DEPUTY.userId);
    expect(body.markdown.content).toContain(`#${ticket.number}`);
    expect(body.markdown.content).toContain("代居民");
  });

  it("records a message from someone who is no deputy, written to the WeCom app, as a resident's own", async () => {
    const xml = wecomAppTextXml({
      corpId: CORP_ID,
      from: "not.a.member",
      content: "转：小区门口路灯坏了",
      msgId: "7459035031717794887",
    });
    expect((await send(t.url, wecomAppRequest(t.appKeys, CORP_ID, xml))).status).toBe(200);
    const ticket = await eventually(() => t.service.db.ticket.findFirst({ where: { reporterId: "not.a.member" } }));
    expect(ticket.reporterRole).toBe("resident");
  });

  it("opens no ticket for a thank-you, but answers it politely", async () => {
    const msg = wecomBotText({
      msgId: "bot-thanks",
      chatId: WECOM_GROUP,
      from: "li.ayi",
      content: "谢谢代表，路灯已经修好了！",
      responseUrl: `${t.fake.url}/wecom/response/bot-thanks`,
    });
    await send(t.url, wecomBotRequest(t.botKeys, msg));
    await eventually(async () => posted("/wecom/response/bot-thanks").length === 1);
    const body = posted("/wecom/response/bot-thanks")[0]!.body as { markdown: { content: string } };
    expect(body.markdown.content).toContain("不客气");
    const inbox = await t.service.db.inboxMessage.findFirstOrThrow({
      where: { platformMessageId: "bot-thanks" },
      include: { ticket: true },
    });
    expect(inbox.status).toBe("done");
    expect(inbox.ticket).toBeNull();
  });

  it("records the place, the urgency and the resident's phone number, and masks the number in the group", async () => {
    const msg = wecomBotText({
      msgId: "bot-urgent",
      chatId: WECOM_GROUP,
      from: "qian.ayi",
      content: "阳光花园5号楼楼道里电线裸露还漏电，孩子经常在这玩，我电话13812345678",
      responseUrl: `${t.fake.url}/wecom/response/bot-urgent`,
    });
    await send(t.url, wecomBotRequest(t.botKeys, msg));
    const ticket = await eventually(() => t.service.db.ticket.findFirst({ where: { reporterId: "qian.ayi" } }));
    expect(ticket).toMatchObject({
      urgency: "immediate",
      urgencySignals: "漏电、电线或火花,孩子",
      place: "阳光花园5号楼楼道",
      contact: "13812345678",
    });
    expect(ticket.text).toContain("13812345678"); // the original stays, for staff
    await eventually(async () => posted("/wecom/response/bot-urgent").length === 1);
    const content = (posted("/wecom/response/bot-urgent")[0]!.body as { markdown: { content: string } }).markdown
      .content;
    expect(content).toContain("即时转办");
    expect(content).toContain("地点：阳光花园5号楼楼道");
    expect(content).toContain("95598"); // the advice for an electrical danger
    expect(content).toContain("我电话138****5678"); // the echoed matter is masked
    expect(content).not.toContain("13812345678");
  });

  it("numbers tickets sequentially within the year", async () => {
    const numbers = (await t.service.db.ticket.findMany({ orderBy: { id: "asc" } })).map((x) => x.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => `${year}-${String(n).padStart(4, "0")}`)); // the five above
  });

  it("opens one ticket and sends one reply when the platform delivers the same callback three times", async () => {
    const msg = wecomBotText({
      msgId: "bot-triple",
      chatId: WECOM_GROUP,
      from: "sun.shifu",
      content: "楼下污水井冒水，味道很大",
      responseUrl: `${t.fake.url}/wecom/response/bot-triple`,
    });
    const req = wecomBotRequest(t.botKeys, msg);
    const [a, b] = await Promise.all([send(t.url, req), send(t.url, req)]); // two at once, as a retry storm would
    const c = await send(t.url, wecomBotRequest(t.botKeys, msg)); // and a later, freshly signed redelivery
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    await eventually(async () => posted("/wecom/response/bot-triple").length === 1);
    const ding = dingtalkText({
      msgId: "ding-triple",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "s2",
      senderNick: "钱女士",
      content: "菜市场拆了以后买菜太不方便",
      sessionWebhook: `${t.fake.url}/dingtalk/session/ding-triple`,
    });
    for (let i = 0; i < 3; i++) await send(t.url, dingtalkRequest(t.dingtalkSecret, ding));
    await eventually(async () => posted("/dingtalk/session/ding-triple").length === 1);
    await new Promise((r) => setTimeout(r, 300)); // give a wrongly queued duplicate time to show up
    expect(
      await t.service.db.inboxMessage.count({ where: { platformMessageId: { in: ["bot-triple", "ding-triple"] } } }),
    ).toBe(2);
    expect(await t.service.db.ticket.count({ where: { reporterId: { in: ["sun.shifu", "s2"] } } })).toBe(2);
    expect(posted("/wecom/response/bot-triple")).toHaveLength(1);
    expect(posted("/dingtalk/session/ding-triple")).toHaveLength(1);
    expect(t.logs.filter((l) => l.outcome === "duplicate")).toHaveLength(4);
  });
});
