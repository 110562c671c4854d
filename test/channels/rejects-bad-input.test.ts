// Every class of bad input gets a 4xx with a reason and one log line, stores nothing, and leaves the
// process serving.
import { afterAll, beforeAll, expect, it } from "vitest";
import { computeDingtalkSign } from "../../src/channels/dingtalk/dingtalk-signature.ts";
import { computeSignature, encryptMessage } from "../../src/channels/wecom/wecom-crypto.ts";
import {
  dingtalkRequest,
  dingtalkText,
  randomKeys,
  send,
  wecomBotRequest,
  wecomBotText,
  type SignedRequest,
} from "../../support/platform-client.ts";
import { DINGTALK_GROUP, startTestService, WECOM_GROUP, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("bad input is refused with a reason and nothing is stored", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind);
  });
  afterAll(async () => t.close());

  const botMessage = (msgId: string, chatId = WECOM_GROUP) =>
    wecomBotText({
      msgId,
      chatId,
      from: "resident1",
      content: "路灯坏了",
      responseUrl: `${t.fake.url}/wecom/response/${msgId}`,
    });

  async function expectRefused(req: SignedRequest, status: number, code: string) {
    const before = t.logs.length;
    const res = await send(t.url, req);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.text)).toMatchObject({ error: code });
    expect(t.logs.slice(before).filter((l) => l.msg === "request rejected" && l.code === code)).toHaveLength(1);
    expect(await t.service.db.inboxMessage.count()).toBe(0);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  }

  it("answers 401 to a WeCom callback signed with the wrong token", async () => {
    const req = wecomBotRequest({ ...t.botKeys, token: "wrong-token" }, botMessage("bad-sig-1"));
    await expectRefused(req, 401, "invalid_signature");
  });

  it("answers 401 to a WeCom callback whose timestamp is two hours old", async () => {
    const req = wecomBotRequest(t.botKeys, botMessage("stale-1"), new Date(Date.now() - 2 * 3600_000));
    await expectRefused(req, 401, "stale_timestamp");
  });

  it("answers 400 to a correctly signed WeCom callback encrypted with another key", async () => {
    const other = randomKeys();
    const encrypted = encryptMessage(other.encodingAesKey, JSON.stringify(botMessage("wrong-key-1")), "");
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = computeSignature(t.botKeys.token, ts, "n1", encrypted);
    const req = {
      path: `/wecom/bot/callback?msg_signature=${sig}&timestamp=${ts}&nonce=n1`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ encrypt: encrypted }),
    };
    await expectRefused(req, 400, "malformed_body");
  });

  it("answers 400 to a body that is not JSON", async () => {
    const req = wecomBotRequest(t.botKeys, botMessage("x"));
    await expectRefused({ ...req, body: "{not json" }, 400, "malformed_body");
  });

  it("answers 400 to a signed, decryptable message that lacks the documented fields", async () => {
    const req = wecomBotRequest(t.botKeys, { msgid: "no-shape-1", msgtype: "text" });
    await expectRefused(req, 400, "malformed_body");
  });

  it("answers 400 when the query parameters are missing", async () => {
    const req = wecomBotRequest(t.botKeys, botMessage("noq-1"));
    await expectRefused({ ...req, path: "/wecom/bot/callback" }, 400, "missing_parameter");
  });

  it("answers 413 to a body over 1 MiB", async () => {
    const req = wecomBotRequest(t.botKeys, botMessage("big-1"));
    await expectRefused({ ...req, body: JSON.stringify({ encrypt: "A".repeat(1_100_000) }) }, 413, "body_too_large");
  });

  it("answers 403 to a correctly signed message from a group nobody registered", async () => {
    await expectRefused(
      wecomBotRequest(t.botKeys, botMessage("unknown-group-1", "wrkUnknownGroup")),
      403,
      "unknown_group",
    );
    const ding = dingtalkText({
      msgId: "d-unknown-1",
      conversationId: "cidUnknown",
      senderStaffId: "u1",
      senderNick: "张三",
      content: "路灯坏了",
      sessionWebhook: `${t.fake.url}/dingtalk/session/x`,
    });
    await expectRefused(dingtalkRequest(t.dingtalkSecret, ding), 403, "unknown_group");
  });

  it("answers 401 to a DingTalk callback signed with another secret, and to one an hour and a half old", async () => {
    const ding = dingtalkText({
      msgId: "d-bad-1",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "u1",
      senderNick: "张三",
      content: "路灯坏了",
      sessionWebhook: `${t.fake.url}/dingtalk/session/x`,
    });
    await expectRefused(dingtalkRequest("SECwrong", ding), 401, "invalid_signature");
    const old = new Date(Date.now() - 90 * 60_000);
    const req = dingtalkRequest(t.dingtalkSecret, ding, old);
    expect(req.headers.sign).toBe(computeDingtalkSign(req.headers.timestamp!, t.dingtalkSecret));
    await expectRefused(req, 401, "stale_timestamp");
  });

  it("answers 400 to a DingTalk callback without its signature headers", async () => {
    await expectRefused(
      { path: "/dingtalk/callback", headers: { "content-type": "application/json" }, body: "{}" },
      400,
      "missing_parameter",
    );
  });
});
