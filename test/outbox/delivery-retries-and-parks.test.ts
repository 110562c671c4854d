// The outbox against a fake platform that answers like the real ones (HTTP 200 + errcode):
// transient errcodes are retried with back-off, permanent ones park the message with its reason, and a
// failing destination does not hold up the others. The clock is injected; no test waits for back-off.
import { MAX_BACKOFF_MS } from "../../src/outbox/backoff.ts";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dingtalkRequest, dingtalkText, send, wecomBotRequest, wecomBotText } from "../../support/platform-client.ts";
import {
  DINGTALK_GROUP,
  eventually,
  startTestService,
  WECOM_GROUP,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("outbox delivery", (kind) => {
  let t: TestService;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  beforeAll(async () => {
    t = await startTestService(kind, { now });
  });
  afterAll(async () => t.close());

  const outboxFor = (msgId: string) =>
    t.service.db.outboxMessage.findFirst({ where: { route: { contains: `/${msgId}"` } } });

  async function report(msgId: string, content = "小区门口路灯不亮了") {
    const msg = wecomBotText({
      msgId,
      chatId: WECOM_GROUP,
      from: `u-${msgId}`,
      content,
      responseUrl: `${t.fake.url}/wecom/response/${msgId}`,
    });
    expect((await send(t.url, wecomBotRequest(t.botKeys, msg, now()))).status).toBe(200); // signed on the injected clock
  }

  it("retries a reply the platform refused as busy, and sends it once the back-off has passed", async () => {
    t.fake.failNext("/wecom/response/retry-1", 2, { errcode: -1, errmsg: "system busy" });
    await report("retry-1");
    const first = await eventually(async () => {
      const row = await outboxFor("retry-1");
      return row && row.attempts === 1 && row.status === "pending" ? row : null;
    });
    expect(first.lastError).toContain("errcode -1");
    expect(first.nextAttemptAt.getTime()).toBeGreaterThan(now().getTime());

    offsetMs += 15_000; // past the first back-off (≤ 2.5 s) …
    await eventually(async () => (await outboxFor("retry-1"))?.attempts === 2);
    offsetMs += 15_000; // … and the second (≤ 5 s)
    const sent = await eventually(async () => {
      const row = await outboxFor("retry-1");
      return row?.status === "sent" ? row : null;
    });
    expect(sent.attempts).toBe(3);
    expect(t.fake.received.filter((r) => r.path === "/wecom/response/retry-1")).toHaveLength(1);
  });

  it("parks a reply the platform refused with a permanent errcode, keeping the reason, without retrying", async () => {
    t.fake.failNext("/wecom/response/perm-1", 5, { errcode: 93000, errmsg: "invalid webhook url" });
    await report("perm-1");
    const parked = await eventually(async () => {
      const row = await outboxFor("perm-1");
      return row?.status === "parked" ? row : null;
    });
    expect(parked.attempts).toBe(1);
    expect(parked.lastError).toMatch(/^errcode 93000: invalid webhook url \(WeCom: invalid webhook URL/);
  });

  it("parks a DingTalk reply whose sessionWebhook has expired without calling it", async () => {
    const at = new Date(now().getTime() - 30 * 60_000);
    const ding = {
      ...dingtalkText({
        msgId: "expired-1",
        conversationId: DINGTALK_GROUP,
        senderStaffId: "s9",
        senderNick: "冯",
        content: "路面有个大坑",
        sessionWebhook: `${t.fake.url}/dingtalk/session/expired-1`,
        at,
      }),
      sessionWebhookExpiredTime: now().getTime() - 60_000,
    };
    expect((await send(t.url, dingtalkRequest(t.dingtalkSecret, ding, now()))).status).toBe(200);
    const parked = await eventually(async () => {
      const row = await outboxFor("expired-1");
      return row?.status === "parked" ? row : null;
    });
    expect(parked.lastError).toMatch(/sessionWebhook expired/);
    expect(t.fake.received.some((r) => r.path.includes("expired-1"))).toBe(false);
  });

  it("parks a message whose stored route cannot be read, with the reason, instead of claiming it again and again", async () => {
    const row = await t.service.db.outboxMessage.create({
      data: {
        dedupeKey: "bad-route-1",
        route: JSON.stringify({ kind: "carrier-pigeon" }),
        destination: "nowhere",
        body: JSON.stringify({ title: "t", markdown: "m" }),
        nextAttemptAt: now(),
      },
    });
    const parked = await eventually(async () => {
      const r = await t.service.db.outboxMessage.findUnique({ where: { id: row.id } });
      return r?.status === "parked" ? r : null;
    });
    expect(parked.attempts).toBe(1);
    expect(parked.lastError).toContain("carrier-pigeon");
  });

  it("retries a reply through an outage longer than a minute, until its response_url expires, then parks it", async () => {
    t.fake.failNext("/wecom/response/exhaust-1", 100, { errcode: -1, errmsg: "system busy" });
    await report("exhaust-1");
    const start = now().getTime();
    const row = await eventually(async () => {
      const r = await outboxFor("exhaust-1");
      if (r?.status === "pending" && r.nextAttemptAt > now())
        offsetMs += r.nextAttemptAt.getTime() - now().getTime() + 10; // skip the back-off
      return r?.status === "parked" ? r : null;
    }, 20_000);
    expect(row.attempts).toBeGreaterThan(6); // the old policy parked after 6 attempts, ~1 minute
    // Retried until one back-off (at most 1.25 × the cap, with jitter) would pass the expiry …
    expect(now().getTime() - start).toBeGreaterThan(3600_000 - 1.25 * MAX_BACKOFF_MS - 5_000);
    expect(row.expiresAt!.getTime() - start).toBeLessThanOrEqual(3600_000 + 5_000); // … the response_url is valid
    expect(row.lastError).toMatch(/system busy.*gave up: the reply route expires/);
  });

  it("delivers to other destinations while one keeps failing", async () => {
    t.fake.failNext("/wecom/response/failing-1", 100, { errcode: -1, errmsg: "system busy" });
    await report("failing-1");
    const ding = dingtalkText({
      msgId: "free-1",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "s8",
      senderNick: "韩",
      content: "楼下垃圾没人清运",
      sessionWebhook: `${t.fake.url}/dingtalk/session/free-1`,
      at: now(),
    });
    expect((await send(t.url, dingtalkRequest(t.dingtalkSecret, ding, now()))).status).toBe(200);
    await eventually(async () => (await outboxFor("free-1"))?.status === "sent");
    expect((await outboxFor("failing-1"))?.status).toBe("pending");
  });

  it("holds back a destination WeCom throttles (45009) for a minute, without spending attempts, then sends what waited", async () => {
    t.fake.failNext("/wecom/response/throttled-1", 1, { errcode: 45009, errmsg: "api freq out of limit" });
    await report("throttled-1");
    const held = await eventually(async () => {
      const row = await outboxFor("throttled-1");
      return row?.status === "pending" && row.lastError === null && row.nextAttemptAt > now() ? row : null;
    });
    expect(held.attempts).toBe(0);
    await report("throttled-2", "小区东门的井盖松动了");
    const second = await eventually(async () => {
      const row = await outboxFor("throttled-2");
      return row?.status === "pending" && row.attempts === 0 && row.nextAttemptAt > now() ? row : null;
    });
    expect(second.nextAttemptAt.getTime()).toBe(held.nextAttemptAt.getTime()); // the whole destination waits
    expect(t.fake.received.some((r) => r.path.includes("throttled-2"))).toBe(false);

    offsetMs += 61_000;
    await eventually(
      async () =>
        (await outboxFor("throttled-1"))?.status === "sent" && (await outboxFor("throttled-2"))?.status === "sent",
    );
  });
});
