// What is acknowledged can be processed (impossible platform timestamps are replaced, not stored as
// poison), ids are bounded (400 beyond 256 characters, on both databases), bodies must be UTF-8, a slow
// client is cut off with 408, and the unknown-group cache cannot grow without bound.
import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createIntake, GROUP_CACHE_SIZE } from "../../src/inbox/create-intake.ts";
import {
  dingtalkRequest,
  dingtalkText,
  send,
  wecomAppRequest,
  wecomAppTextXml,
  wecomBotRequest,
  wecomBotText,
} from "../../support/platform-client.ts";
import {
  CORP_ID,
  DINGTALK_GROUP,
  eventually,
  startTestService,
  WECOM_GROUP,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("poison input and limits", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind, { env: { MINYI_REQUEST_TIMEOUT_MS: "400" } });
  });
  afterAll(async () => t.close());

  it("processes messages whose platform timestamps are impossible, instead of failing them after the 200", async () => {
    const bot = (id: string, create_time: number) => ({
      ...wecomBotText({
        msgId: id,
        chatId: WECOM_GROUP,
        from: `u-${id}`,
        content: "小区门口路灯坏了一个星期",
        responseUrl: `${t.fake.url}/wecom/response/${id}`,
      }),
      create_time,
    });
    const requests = [
      wecomBotRequest(t.botKeys, bot("poison-w1", 3e11)),
      wecomBotRequest(t.botKeys, bot("poison-w2", -1e11)),
      wecomAppRequest(
        t.appKeys,
        CORP_ID,
        wecomAppTextXml({
          corpId: CORP_ID,
          from: "deputy.x",
          content: "居民反映楼道灯不亮",
          msgId: "900000000000000001",
        }).replace(/<CreateTime>\d+/, "<CreateTime>300000000000"),
      ),
      dingtalkRequest(t.dingtalkSecret, {
        ...dingtalkText({
          msgId: "poison-d1",
          conversationId: DINGTALK_GROUP,
          senderStaffId: "d1",
          senderNick: "王",
          content: "垃圾好几天没人清运",
          sessionWebhook: `${t.fake.url}/dingtalk/session/poison-d1`,
        }),
        createAt: 3e14,
      }),
    ];
    for (const req of requests) expect((await send(t.url, req)).status).toBe(200);
    await eventually(
      async () => (await t.service.db.inboxMessage.count({ where: { status: "done" } })) === requests.length,
    );
    expect(await t.service.db.inboxMessage.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it("refuses a message id over 256 characters with 400 naming the field, and logs it cut short", async () => {
    const long = "m".repeat(3000);
    const before = t.logs.length;
    const res = await send(
      t.url,
      wecomBotRequest(
        t.botKeys,
        wecomBotText({
          msgId: long,
          chatId: WECOM_GROUP,
          from: "u1",
          content: "路灯坏了",
          responseUrl: `${t.fake.url}/wecom/response/x`,
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).message).toContain("msgid");
    const res2 = await send(
      t.url,
      wecomBotRequest(
        t.botKeys,
        wecomBotText({
          msgId: "ok-id",
          chatId: "g".repeat(200_000),
          from: "u1",
          content: "路灯坏了",
          responseUrl: `${t.fake.url}/wecom/response/x`,
        }),
      ),
    );
    expect(res2.status).toBe(400);
    expect(JSON.parse(res2.text).message).toContain("chatid");
    const lines = t.logs.slice(before).map((l) => JSON.stringify(l));
    expect(lines.every((l) => l.length < 2_000)).toBe(true);
  });

  it("refuses a DingTalk body that is not valid UTF-8", async () => {
    const req = dingtalkRequest(
      t.dingtalkSecret,
      dingtalkText({
        msgId: "utf8-1",
        conversationId: DINGTALK_GROUP,
        senderStaffId: "d2",
        senderNick: "赵",
        content: "路灯坏了",
        sessionWebhook: `${t.fake.url}/dingtalk/session/utf8-1`,
      }),
    );
    const body = Buffer.concat([Buffer.from(req.body.slice(0, -2)), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const res = await fetch(t.url + req.path, { method: "POST", headers: req.headers, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "malformed_body", message: "body is not valid UTF-8" });
    expect(await t.service.db.inboxMessage.count({ where: { platformMessageId: "utf8-1" } })).toBe(0);
  });

  it("answers 408 to a client that sends its body too slowly, and logs it", async () => {
    const { hostname, port } = new URL(t.url);
    const signed = dingtalkRequest(
      t.dingtalkSecret,
      dingtalkText({
        msgId: "slow-1",
        conversationId: DINGTALK_GROUP,
        senderStaffId: "d3",
        senderNick: "钱",
        content: "路灯坏了",
        sessionWebhook: `${t.fake.url}/dingtalk/session/slow-1`,
      }),
    );
    const head = `POST /dingtalk/callback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\ntimestamp: ${signed.headers.timestamp}\r\nsign: ${signed.headers.sign}\r\nContent-Length: ${Buffer.byteLength(signed.body)}\r\n\r\n`;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(head + signed.body.slice(0, 10))); // and nothing more
      let data = "";
      socket.on("data", (d) => (data += d));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
      setTimeout(() => reject(new Error("the connection was held open")), 5_000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(t.logs.some((l) => l.code === "request_timeout")).toBe(true);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it("keeps at most GROUP_CACHE_SIZE group ids in memory whatever the number of unknown groups asked for", async () => {
    const intake = createIntake(t.service.db, { insert: async () => "stored", close: async () => {} });
    for (let i = 0; i < GROUP_CACHE_SIZE * 2; i++)
      expect(await intake.isKnownGroup("wecom", `wrk-unknown-${i}`)).toBe(false);
    expect(intake.cachedGroups()).toBeLessThanOrEqual(GROUP_CACHE_SIZE);
    expect(await intake.isKnownGroup("wecom", WECOM_GROUP)).toBe(true);
  });
});
