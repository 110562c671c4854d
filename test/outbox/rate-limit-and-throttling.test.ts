// The outbound path for proactive posts, against a fake platform that enforces the platforms' 20
// messages a minute per robot (45009 / 130101 beyond it) on an injected clock: our own limit keeps every
// robot within it, a robot the platform blocks waits out the block while others go on, and the DingTalk
// OpenAPI group sender speaks its protocol.
import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueue } from "../../src/outbox/enqueue.ts";
import type { ReplyRoute } from "../../src/outbox/reply-route.ts";
import {
  DINGTALK_APP_KEY,
  DINGTALK_ROBOT_SECRET,
  DINGTALK_ROBOT_TOKEN,
  WECOM_WEBHOOK_KEY,
} from "../../support/fake-platform.ts";
import { eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("rate-limited delivery", (kind) => {
  let t: TestService;
  let clock = new Date("2026-12-03T10:00:00+08:00");
  const now = () => clock;
  beforeAll(async () => {
    t = await startTestService(kind, { now });
  });
  afterAll(async () => t.close());

  const wecomPush = (): ReplyRoute => ({
    kind: "wecom-group-webhook",
    url: `${t.fake.url}/cgi-bin/webhook/send?key=${WECOM_WEBHOOK_KEY}`,
  });
  const dingPush = (): ReplyRoute => ({
    kind: "dingtalk-robot-webhook",
    url: `${t.fake.url}/robot/send?access_token=${DINGTALK_ROBOT_TOKEN}`,
    secret: DINGTALK_ROBOT_SECRET,
  });
  async function queue(prefix: string, n: number, route: ReplyRoute, destination: string) {
    await t.service.db.$transaction(async (tx) => {
      for (let i = 1; i <= n; i++) {
        await enqueue(
          tx,
          {
            dedupeKey: `${prefix}-${i}`,
            route,
            destination,
            body: { title: `${prefix} ${i}`, markdown: `${prefix} 第 ${i} 条`, mentionUserIds: [] },
          },
          clock,
        );
      }
    });
  }
  const status = async (prefix: string) => {
    const rows = await t.service.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `${prefix}-` } } });
    return {
      sent: rows.filter((r) => r.status === "sent").length,
      pending: rows.filter((r) => r.status === "pending").length,
      rows,
    };
  };
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it("sends at most 20 messages a minute to one robot and the rest when the minute has passed", async () => {
    await queue("burst", 25, wecomPush(), "push:group:burst");
    await eventually(async () => (await status("burst")).sent === 20);
    await settle();
    const held = await status("burst");
    expect(held).toMatchObject({ sent: 20, pending: 5 });
    expect(held.rows.every((r) => r.attempts <= 1)).toBe(true);
    expect(t.fake.overLimit).toEqual([]); // the platform never had to refuse one

    clock = new Date(clock.getTime() + 61_000);
    await eventually(async () => (await status("burst")).sent === 25);
  });

  it("waits out the 10 minutes DingTalk blocks a robot for (130101), while other robots go on", async () => {
    t.fake.failNext("/robot/send", 1, { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" });
    await queue("ding", 2, dingPush(), "push:group:ding");
    await eventually(
      async () =>
        (await t.service.db.outboundDestination.findUnique({ where: { key: "push:group:ding" } }))?.blockedUntil,
    );
    const block = await t.service.db.outboundDestination.findUniqueOrThrow({ where: { key: "push:group:ding" } });
    expect(block.blockedUntil!.getTime() - clock.getTime()).toBe(10 * 60_000);
    expect(block.reason).toContain("130101");

    await queue("other", 1, wecomPush(), "push:group:other");
    await eventually(async () => (await status("other")).sent === 1);
    await settle();
    const waiting = await status("ding");
    expect(waiting).toMatchObject({ sent: 0, pending: 2 });
    expect(
      waiting.rows.every((r) => r.attempts === 0 && r.nextAttemptAt.getTime() === block.blockedUntil!.getTime()),
    ).toBe(true);

    clock = new Date(block.blockedUntil!.getTime() + 1_000);
    await eventually(async () => (await status("ding")).sent === 2);
  });

  it("posts through the DingTalk OpenAPI with the app's token, robot code and markdown", async () => {
    const route: ReplyRoute = {
      kind: "dingtalk-openapi-group",
      openConversationId: "cidOpenApiGroup==",
      robotCode: DINGTALK_APP_KEY,
    };
    await queue("openapi", 1, route, "push:group:openapi");
    const post = await eventually(async () => t.fake.received.find((r) => r.path === "/v1.0/robot/groupMessages/send"));
    expect(post.body).toMatchObject({
      msgKey: "sampleMarkdown",
      openConversationId: "cidOpenApiGroup==",
      robotCode: DINGTALK_APP_KEY,
    });
    expect(JSON.parse(post.body.msgParam as string)).toEqual({ title: "openapi 1", text: "openapi 第 1 条" });
    await eventually(async () => (await status("openapi")).sent === 1);
  });
});
