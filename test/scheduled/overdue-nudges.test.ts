// 催办 with an injected clock: past the assignment deadline the group's staff are nudged, past the
// feedback deadline the assignee is; each once, through the group's staff route (the internal group's
// WeCom 消息推送 robot, or one-to-one DingTalk OpenAPI messages), never through the residents' group.
// Two workers running the job at once still nudge once; a ticket is nudged at most MINYI_MAX_NUDGES times.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";
import { nudgeOverdue } from "../../src/scheduled/nudge-overdue.ts";
import { parseQuietHours } from "../../src/infra/quiet-hours.ts";
import { createLogger } from "../../src/infra/create-logger.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { dingtalkRequest, dingtalkText, send } from "../../support/platform-client.ts";
import { DINGTALK_ROBOT_CODE, WECOM_STAFF_WEBHOOK_KEY, WECOM_WEBHOOK_KEY } from "../../support/fake-platform.ts";
import {
  DEPUTY,
  DINGTALK_GROUP,
  DINGTALK_STAFF,
  eventually,
  STAFF,
  startTestService,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const HOUR = 3600_000;

/** Clock-hour deadlines, so the test does not depend on today's weekday or holidays. */
function hourlySlaFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), "minyi-sla-")), "sla.json");
  const tier = { assignWithin: { hours: 2 }, feedbackWithin: { hours: 48 } };
  writeFileSync(path, JSON.stringify({ tiers: { urgent: tier, ordinary: tier, complex: tier } }));
  return path;
}

describeEachDatabase("overdue tickets are nudged in their group", (kind) => {
  let t: TestService;
  let offset = 0;
  const shifted = () => new Date(Date.now() + offset);
  beforeAll(async () => {
    // On the real (shifted) clock: quiet hours off, so the time of day the suite runs at does not matter.
    t = await startTestService(kind, {
      now: shifted,
      env: { MINYI_SLA_FILE: hourlySlaFile(), MINYI_QUIET_HOURS: "off" },
    });
  });
  afterAll(async () => t.close());

  // Only the nudges: on a real (shifted) clock a weekly digest may fall due during the test too.
  const isNudge = (r: { body: Record<string, unknown> }) => JSON.stringify(r.body).includes("催办");
  const webhookPosts = () =>
    t.fake.received.filter(
      (r) => r.path.startsWith(`/cgi-bin/webhook/send?key=${WECOM_STAFF_WEBHOOK_KEY}`) && isNudge(r),
    );
  const residentsGroupPosts = () =>
    t.fake.received.filter((r) => r.path.startsWith(`/cgi-bin/webhook/send?key=${WECOM_WEBHOOK_KEY}`) && isNudge(r));
  const settle = () => new Promise((r) => setTimeout(r, 400)); // several job periods (50 ms each)

  it("nudges the group's staff once when nobody claims a ticket in time, then the assignee once when no answer comes", async () => {
    const n = ticketNumberIn((await say(t, "li.ayi", "幸福小区3栋门口的路灯坏了", shifted())).answer);
    await settle();
    expect(webhookPosts()).toHaveLength(0); // not due yet

    offset = 3 * HOUR;
    const [assignNudge] = await eventually(async () => (webhookPosts().length > 0 ? webhookPosts() : null));
    const content = (assignNudge!.body as { markdown: { content: string } }).markdown.content;
    expect(content).toContain(`<@${STAFF.userId}>`);
    expect(content).toContain(`工单 #${n} 已超过认领期限`);
    await settle();
    expect(webhookPosts()).toHaveLength(1);

    await say(t, DEPUTY.userId, `认领 #${n}`, shifted());
    offset = 50 * HOUR;
    await eventually(async () => webhookPosts().length === 2);
    const feedback = (webhookPosts()[1]!.body as { markdown: { content: string } }).markdown.content;
    expect(feedback).toContain(`<@${DEPUTY.userId}>`);
    expect(feedback).toContain("已超过答复期限");
    await settle();
    expect(webhookPosts()).toHaveLength(2);
    const nudges = await t.service.db.ticketEvent.findMany({
      where: { kind: "nudged" },
      select: { note: true, actorRole: true },
    });
    expect(nudges).toEqual([
      { note: "assign", actorRole: "system" },
      { note: "feedback", actorRole: "system" },
    ]);
    expect(residentsGroupPosts()).toEqual([]); // the residents' group saw none of it
  });

  it("keeps nudging when a group's reception rule cannot be read", async () => {
    const group = await t.service.db.group.findFirstOrThrow({ where: { platform: "wecom" } });
    await t.service.db.receptionRule.create({
      data: { groupId: group.id, pattern: "{not json", startTime: "09:00", endTime: "11:30", place: "联络站" },
    });
    const n = ticketNumberIn((await say(t, "zhou.ayi", "幸福小区5栋的楼道灯坏了", shifted())).answer);
    offset += 3 * HOUR;
    await eventually(async () => webhookPosts().some((p) => JSON.stringify(p.body).includes(`#${n}`)));
    // Log lines are written asynchronously: wait for it rather than race the post.
    await eventually(async () => t.logs.some((l) => l.msg === "job failed; the others go on" && l.job === "schedules"));
    await t.service.db.receptionRule.deleteMany({ where: { groupId: group.id } });
  });

  it("nudges a DingTalk group's staff one to one through the OpenAPI, not in the group", async () => {
    const report = dingtalkText({
      msgId: "ding-late",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "ding-resident",
      senderNick: "钱女士",
      content: "和平路的下水道堵了，污水漫出来",
      sessionWebhook: `${t.fake.url}/dingtalk/session/ding-late`,
      at: shifted(),
    });
    await send(t.url, dingtalkRequest(t.dingtalkSecret, report, shifted()));
    await eventually(async () => t.fake.received.some((r) => r.path === "/dingtalk/session/ding-late"));
    offset += 3 * HOUR;
    const post = await eventually(async () =>
      t.fake.received.find((r) => r.path === "/v1.0/robot/oToMessages/batchSend" && isNudge(r)),
    );
    const param = JSON.parse(String(post.body.msgParam)) as { text: string };
    expect(param.text).toContain("已超过认领期限");
    expect(post.body.userIds).toEqual([DINGTALK_STAFF.userId]); // the group's members, from the groups file
    expect(post.body.robotCode).toBe(DINGTALK_ROBOT_CODE);
    expect(t.fake.received.filter((r) => r.path.startsWith("/robot/send") && isNudge(r))).toEqual([]);
  });
});

describeEachDatabase("two workers checking for overdue tickets at the same moment", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind, { env: { MINYI_ROLE: "web" } }); // no jobs loop of its own
  });
  afterAll(async () => t.close());

  it("queue one nudge", async () => {
    await t.service.db.ticket.create({
      data: {
        number: "2026-0900",
        categoryL1: "城乡建设",
        categoryL2: "路灯照明",
        confidence: 1,
        decidedBy: "test",
        text: "路灯坏了",
        reporterId: "r1",
        reporterRole: "resident",
        platform: "wecom",
        assignDueAt: new Date(Date.now() - HOUR),
        feedbackDueAt: new Date(Date.now() + HOUR),
        inboxMessage: {
          create: { channel: "wecom-bot", platformMessageId: "overdue-1", payload: "{}", status: "done" },
        },
      },
    });
    // Two clients stand for two replicas (SQLite serves one process, so there both share one).
    const second = kind === "postgres" ? createDatabase(parseDatabaseUrl(t.database.url)) : t.service.db;
    const log = createLogger("silent");
    const counts = await Promise.all([
      nudgeOverdue(t.service.db, new Date(), log),
      nudgeOverdue(second, new Date(), log),
    ]);
    if (second !== t.service.db) await second.$disconnect();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await t.service.db.outboxMessage.count({ where: { dedupeKey: { startsWith: "nudge:" } } })).toBe(1);
    const parked = await t.service.db.outboxMessage.findFirstOrThrow({
      where: { dedupeKey: { startsWith: "nudge:" } },
    });
    expect(JSON.parse(parked.route)).toEqual({ kind: "none", why: "工单不属于任何群，无法主动推送" });
  });
});

describeEachDatabase("nudges on a busy evening", (kind) => {
  let t: TestService;
  const reported = new Date("2026-12-02T18:00:00+08:00"); // a Wednesday; deadlines are clock hours here
  beforeAll(async () => {
    t = await startTestService(kind, { now: () => reported, env: { MINYI_SLA_FILE: hourlySlaFile() } });
  });
  afterAll(async () => t.close());

  it("wait out the quiet hours, then come as one post listing the tickets, without the residents' words", async () => {
    const a = ticketNumberIn((await say(t, "li.ayi", "幸福小区3栋门口的路灯坏了", reported)).answer);
    const b = ticketNumberIn((await say(t, "wang.shushu", "阳光花园5栋楼道的灯一直闪", reported)).answer);
    const log = createLogger("silent");
    const quietHours = parseQuietHours("21:00-08:00");
    const nudges = () => t.service.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "nudge:" } } });

    expect(await nudgeOverdue(t.service.db, new Date("2026-12-02T22:30:00+08:00"), log, { quietHours })).toBe(0);
    expect(await nudges()).toHaveLength(0);

    expect(await nudgeOverdue(t.service.db, new Date("2026-12-03T08:00:00+08:00"), log, { quietHours })).toBe(2);
    const posts = await nudges();
    expect(posts).toHaveLength(1);
    const body = JSON.parse(posts[0]!.body) as { markdown: string; mentionUserIds: string[] };
    expect(body.markdown).toContain("共 2 件");
    expect(body.markdown).toContain(`工单 #${a} 已超过认领期限`);
    expect(body.markdown).toContain(`工单 #${b} 已超过认领期限`);
    expect(body.markdown).not.toContain("路灯坏了");
    expect(body.markdown).not.toContain("一直闪");
    expect(body.mentionUserIds).toEqual([STAFF.userId]);

    expect(await nudgeOverdue(t.service.db, new Date("2026-12-03T09:00:00+08:00"), log, { quietHours })).toBe(0);
  });
});

describeEachDatabase("nudges where a group has no staff route, and how many a ticket gets", (kind) => {
  let t: TestService;
  const reported = new Date("2026-12-02T10:00:00+08:00");
  beforeAll(async () => {
    t = await startTestService(kind, {
      now: () => reported,
      env: { MINYI_SLA_FILE: hourlySlaFile(), MINYI_MAX_NUDGES: "1" }, // its clock stays before every deadline
      wecomGroup: { staff: undefined }, // only the residents' group's robot
    });
  });
  afterAll(async () => t.close());

  it("parks the nudge with the reason instead of posting it to the residents' group", async () => {
    const n = ticketNumberIn((await say(t, "li.ayi", "幸福小区3栋门口的路灯坏了", reported)).answer);
    const log = createLogger("silent");
    expect(await nudgeOverdue(t.service.db, new Date("2026-12-02T13:00:00+08:00"), log, { maxNudges: 1 })).toBe(1);
    const post = await t.service.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: "nudge:" } } });
    expect(JSON.parse(post.route)).toEqual({
      kind: "none",
      why: "该群未配置代表和工作人员的通道（groups 文件中的 staff），催办和紧急提醒不发到居民群",
    });
    expect(JSON.parse(post.body).markdown).toContain(`#${n}`);
  });

  it("nudges a ticket no more than the cap, however many deadlines it misses", async () => {
    const log = createLogger("silent");
    const [ticket] = await t.service.db.ticket.findMany({ orderBy: { id: "asc" } });
    await t.service.db.ticket.update({
      where: { id: ticket!.id },
      data: { assigneeId: DEPUTY.userId, status: "assigned" },
    });
    // Past the feedback deadline too: a second deadline, but the cap (1) is reached.
    expect(await nudgeOverdue(t.service.db, new Date("2026-12-05T10:00:00+08:00"), log, { maxNudges: 1 })).toBe(0);
    expect(await nudgeOverdue(t.service.db, new Date("2026-12-05T10:00:00+08:00"), log, { maxNudges: 2 })).toBe(1);
    expect(await t.service.db.outboxMessage.count({ where: { dedupeKey: { startsWith: "nudge:" } } })).toBe(2);
  });
});
