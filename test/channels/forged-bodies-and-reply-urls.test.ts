// A captured DingTalk (timestamp, sign) pair cannot carry another message, and no callback can make the
// service call a URL off the platforms' origins (SSRF): such requests are refused at intake with a reason,
// nothing is stored, and the URL is never called — also for a route that reached the outbox some other way.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  dingtalkRequest,
  dingtalkText,
  send,
  wecomBotRequest,
  wecomBotText,
  type SignedRequest,
} from "../../support/platform-client.ts";
import {
  DINGTALK_GROUP,
  eventually,
  startTestService,
  WECOM_GROUP,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("forged DingTalk bodies and reply URLs", (kind) => {
  let t: TestService;
  let internal: Server;
  let internalHits = 0;
  let internalUrl = "";
  beforeAll(async () => {
    t = await startTestService(kind);
    internal = createServer((_req, res) => {
      internalHits++;
      res.end("{}");
    });
    await new Promise<void>((r) => internal.listen(0, "127.0.0.1", r));
    internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}/internal`;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => internal.close(r));
  });

  const ding = (msgId: string, sessionWebhook = `${t.fake.url}/dingtalk/session/${msgId}`) =>
    dingtalkText({
      msgId,
      conversationId: DINGTALK_GROUP,
      senderStaffId: `u-${msgId}`,
      senderNick: "居民",
      content: "小区门口路灯坏了",
      sessionWebhook,
    });

  async function expectRefused(req: SignedRequest, status: number, code: string) {
    const before = await t.service.db.inboxMessage.count();
    const res = await send(t.url, req);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.text)).toMatchObject({ error: code });
    expect(await t.service.db.inboxMessage.count()).toBe(before);
  }

  it("refuses a second message carried under a (timestamp, sign) pair another message already used", async () => {
    const genuine = dingtalkRequest(t.dingtalkSecret, ding("genuine-1"));
    expect((await send(t.url, genuine)).status).toBe(200);
    const forged = { ...genuine, body: JSON.stringify(ding("forged-1")) }; // the captured headers, another body
    await expectRefused(forged, 401, "replayed_signature");
    expect((await send(t.url, genuine)).status).toBe(200); // the same message again is a harmless redelivery
    expect(await t.service.db.inboxMessage.count({ where: { channel: "dingtalk" } })).toBe(1);
  });

  it("refuses a timestamp more than five minutes ahead of the server's clock", async () => {
    await expectRefused(
      dingtalkRequest(t.dingtalkSecret, ding("future-1"), new Date(Date.now() + 10 * 60_000)),
      401,
      "stale_timestamp",
    );
  });

  it("refuses a sessionWebhook or response_url off the platforms' origins, and never calls it", async () => {
    await expectRefused(dingtalkRequest(t.dingtalkSecret, ding("ssrf-1", internalUrl)), 400, "forbidden_reply_url");
    for (const url of [internalUrl, "file:///etc/passwd", "https://qyapi.weixin.qq.com.evil.example/x"]) {
      const msg = wecomBotText({
        msgId: `ssrf-w-${url.length}`,
        chatId: WECOM_GROUP,
        from: "u1",
        content: "路灯坏了",
        responseUrl: url,
      });
      const res = await send(t.url, wecomBotRequest(t.botKeys, msg));
      expect([400]).toContain(res.status);
      expect(JSON.parse(res.text).error).toMatch(/forbidden_reply_url|malformed_body/);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(internalHits).toBe(0);
  });

  it("parks, without calling it, an outbox message whose route points off the allowed origins", async () => {
    const row = await t.service.db.outboxMessage.create({
      data: {
        dedupeKey: "ssrf-outbox-1",
        route: JSON.stringify({ kind: "wecom-group-webhook", url: internalUrl }),
        destination: "x",
        body: JSON.stringify({ title: "t", markdown: "m" }),
      },
    });
    const parked = await eventually(async () => {
      const r = await t.service.db.outboxMessage.findUnique({ where: { id: row.id } });
      return r?.status === "parked" ? r : null;
    });
    expect(parked.lastError).toContain("MINYI_REPLY_ORIGINS");
    expect(internalHits).toBe(0);
  });
});
