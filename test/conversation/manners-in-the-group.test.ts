// How the bot behaves in a group, through really signed callbacks: it answers what it knows from its own
// data (the reception day, how to use it) without a ticket, understands commands in the words people use,
// says what happened in plain Chinese, and counts a resident quoting a neighbour as a resident.
import { afterAll, beforeAll, expect, it } from "vitest";
import { send, wecomBotRequest } from "../../support/platform-client.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import {
  DEPUTY,
  eventually,
  STAFF,
  startTestService,
  WECOM_GROUP,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const CHEN = { userId: "chen.daibiao", name: "陈代表" };

const reception = {
  pattern: { days: [10] },
  time: "09:00-11:30",
  place: "幸福社区代表联络站（幸福路 18 号一楼）",
  holidayPolicy: "next_working_day",
  roster: [DEPUTY.userId],
};

describeEachDatabase("manners in the group", (kind) => {
  let t: TestService;
  const clock = new Date("2026-12-02T10:00:00+08:00");
  beforeAll(async () => {
    t = await startTestService(kind, {
      now: () => clock,
      wecomGroup: {
        members: [
          { ...DEPUTY, role: "deputy" },
          { ...CHEN, role: "deputy" },
          { ...STAFF, role: "staff" },
        ],
        reception,
      },
    });
  });
  afterAll(async () => t.close());

  it("answers a question about the reception day from the group's rule, without a ticket", async () => {
    const before = await t.service.db.ticket.count();
    const { answer } = await say(t, "he.ayi", "请问这个月代表接待日是哪天？在哪里？", clock);
    expect(answer).toContain("12月10日（周四） 09:00—11:30");
    expect(answer).toContain("幸福社区代表联络站");
    expect(answer).toContain(`值班代表：${DEPUTY.name}`);
    expect(await t.service.db.ticket.count()).toBe(before);
  });

  it("answers who the group's deputies are from the groups file, without a ticket", async () => {
    const before = await t.service.db.ticket.count();
    const { answer } = await say(t, "he.ayi", "请问我们群的代表是谁？", clock);
    expect(answer).toContain(`本群的人大代表：${DEPUTY.name}、${CHEN.name}`);
    expect(await t.service.db.ticket.count()).toBe(before);
  });

  it("answers how the sender's own matters stand, and takes a new problem told with the question as a matter", async () => {
    const n = ticketNumberIn((await say(t, "kong.ayi", "幸福小区7栋门口的井盖松了，踩上去晃", clock)).answer);
    const before = await t.service.db.ticket.count();
    const status = await say(t, "kong.ayi", "我反映的问题怎么样了？", clock);
    expect(status.answer).toContain(`#${n}`);
    expect(await t.service.db.ticket.count()).toBe(before);
    const more = await say(t, "kong.ayi", "我反映的问题怎么样了？另外8栋的路灯也不亮了", clock);
    expect(more.answer).not.toContain("您反映或关注的工单");
  });

  it("answers how to use it with the help text", async () => {
    expect((await say(t, "he.ayi", "这个助手怎么用？", clock)).answer).toContain("反映问题：@我");
  });

  it("reads commands written the way people write them: trailing words, a short number", async () => {
    const n = ticketNumberIn((await say(t, "he.ayi", "幸福小区2栋门口的路灯坏了", clock)).answer);
    expect((await say(t, STAFF.userId, "统计一下本月情况", clock)).answer).toContain("本月");
    const card = (await say(t, "he.ayi", `查询 #${Number(n.slice(5))}`, clock)).answer;
    expect(card).toContain(`工单 #${n}`);
  });

  it("says a close and an unchanged category in Chinese, without codes", async () => {
    const n = ticketNumberIn((await say(t, "gu.shu", "幸福小区6栋楼道灯不亮", clock)).answer);
    const ticket = await t.service.db.ticket.findUniqueOrThrow({ where: { number: n } });
    expect((await say(t, STAFF.userId, `改类 #${n} ${ticket.categoryL2}`, clock)).answer).toContain("分类未变");
    await say(t, DEPUTY.userId, `办结 #${n} 灯已换好`, clock);
    const card = (await say(t, "gu.shu", `查询 #${n}`, clock)).answer;
    expect(card).toContain("办结 已解决：灯已换好");
    expect(card).not.toMatch(/fixed|offline-tfidf-svm/);
    expect(card).not.toContain(`认领 ${DEPUTY.name}`);
  });

  it("counts a resident quoting a neighbour as a resident, not as a deputy relaying", async () => {
    const quoted = await say(t, "zheng.ayi", "「张阿姨：5栋楼道灯坏了」我也是这个问题，幸福小区8栋", clock);
    const ticket = await t.service.db.ticket.findFirstOrThrow({ where: { reporterId: "zheng.ayi" } });
    expect(quoted.answer).not.toContain("代居民");
    expect(ticket.reporterRole).toBe("resident");
  });

  it("makes a resident who quotes a neighbour's report with 我也 a follower of that ticket, not a second reporter", async () => {
    const n = ticketNumberIn((await say(t, "zhang.ayi", "幸福小区11栋2单元楼道灯坏了一个星期了", clock)).answer);
    const before = await t.service.db.ticket.count();
    const quoted = await say(
      t,
      "sun.ayi",
      "「张阿姨：幸福小区11栋2单元楼道灯坏了一个星期了」我们家也是这个问题",
      clock,
    );
    expect(quoted.answer).toContain(`#${n}`);
    expect(quoted.answer).not.toContain("代居民");
    expect(await t.service.db.ticket.count()).toBe(before);
    const ticket = await t.service.db.ticket.findFirstOrThrow({ where: { number: n }, include: { followers: true } });
    expect(ticket.reporterId).toBe("zhang.ayi");
    expect(ticket.followers.map((f) => f.platformUserId)).toContain("sun.ayi");
  });

  it("asks where when a report names no place, and puts the reporter's answer on that ticket", async () => {
    const asked = await say(t, "wu.shushu", "楼道里的灯坏了好几天了，晚上黑乎乎的", clock);
    expect(asked.answer).toContain("请问具体在哪个小区、几号楼");
    const n = ticketNumberIn(asked.answer);
    const before = await t.service.db.ticket.count();
    const answered = await say(t, "wu.shushu", "在幸福小区3栋", new Date(clock.getTime() + 5 * 60_000));
    expect(answered.answer).toContain(`地点“幸福小区3栋”已补充到工单 #${n}`);
    expect(await t.service.db.ticket.count()).toBe(before);
    expect((await t.service.db.ticket.findFirstOrThrow({ where: { number: n } })).place).toBe("幸福小区3栋");
    // The place is known now: another matter with a place is a matter of its own.
    const other = await say(
      t,
      "wu.shushu",
      "幸福小区北门外的垃圾桶满了三天没人收",
      new Date(clock.getTime() + 6 * 60_000),
    );
    expect(ticketNumberIn(other.answer)).not.toBe(n);
  });

  it("takes a short message about another matter as that matter, not as the answer to where", async () => {
    const asked = await say(t, "feng.ayi", "路灯不亮了，晚上出门很不方便", clock);
    expect(asked.answer).toContain("请问具体在哪个小区、几号楼");
    const n = ticketNumberIn(asked.answer);
    const other = await say(t, "feng.ayi", "幸福小区6栋电梯坏了", new Date(clock.getTime() + 2 * 60_000));
    expect(ticketNumberIn(other.answer)).not.toBe(n);
    expect((await t.service.db.ticket.findFirstOrThrow({ where: { number: n } })).place).toBeNull();
  });

  it("does not ask where about a matter that needs no place", async () => {
    expect((await say(t, "zhou.ayi", "退休金什么时候调整，能不能帮忙问问", clock)).answer).not.toContain(
      "请问具体在哪",
    );
  });

  it("asks for words when it gets an image alone, and notes a later image on the sender's fresh ticket", async () => {
    const image = async (msgId: string, from: string) => {
      const msg = {
        msgid: msgId,
        aibotid: "AIBOT-minyi",
        chatid: WECOM_GROUP,
        chattype: "group",
        from: { userid: from },
        response_url: `${t.fake.url}/wecom/response/${msgId}`,
        msgtype: "image",
        image: { url: "https://example.invalid/encrypted" },
      };
      expect((await send(t.url, wecomBotRequest(t.botKeys, msg, clock))).status).toBe(200);
      const post = await eventually(async () => t.fake.received.find((r) => r.path === `/wecom/response/${msgId}`));
      return (post.body as { markdown: { content: string } }).markdown.content;
    };
    expect(await image("img-1", "lu.ayi")).toContain("请用一两句话说明");
    const n = ticketNumberIn((await say(t, "lu.ayi", "幸福小区7栋门口的井盖松了", clock)).answer);
    expect(await image("img-2", "lu.ayi")).toContain(`已记入工单 #${n}`);
    const events = await t.service.db.ticketEvent.findMany({ where: { ticket: { number: n }, kind: "follow_up" } });
    expect(events.map((e) => e.note)).toEqual(["［图片，仅作参考］"]);
  });

  it("does not let a second claim take a ticket over: the holder releases it or staff transfer it, and both are told", async () => {
    const n = ticketNumberIn((await say(t, "ma.ayi", "幸福小区4栋门口路灯不亮", clock)).answer);
    await say(t, DEPUTY.userId, `认领 #${n}`, clock);
    const second = await say(t, CHEN.userId, `认领 #${n}`, clock);
    expect(second.answer).toContain(`已由${DEPUTY.name}认领办理`);
    expect(second.answer).toContain(`<@${DEPUTY.userId}>`);
    expect((await t.service.db.ticket.findUniqueOrThrow({ where: { number: n } })).assigneeId).toBe(DEPUTY.userId);
    const moved = await say(t, STAFF.userId, `转办 #${n} 给${CHEN.name}`, clock);
    expect(moved.answer).toContain(`已由${DEPUTY.name}转交${CHEN.name}办理`);
    expect(moved.answer).toContain(`<@${DEPUTY.userId}>`);
    expect(moved.answer).toContain(`<@${CHEN.userId}>`);
    expect((await t.service.db.ticket.findUniqueOrThrow({ where: { number: n } })).assigneeId).toBe(CHEN.userId);
    expect((await say(t, CHEN.userId, `释放 #${n}`, clock)).answer).toContain("可以由其他代表或工作人员认领");
    expect((await say(t, DEPUTY.userId, `认领 #${n}`, clock)).answer).toContain(`已由${DEPUTY.name}认领`);
  });
});
