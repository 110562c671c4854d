// The WeCom AI bot's long connection against a local server speaking its WebSocket protocol: a pushed
// message is stored and answered on the same socket with its req_id; one pushed twice is handled once; a
// req_id WeCom no longer takes is answered by a post to the chat; with the connection down the answer goes
// to the message's response_url; unanswered heartbeats rebuild the connection; a takeover by another
// connection is logged and undone after a pause; proactive posts (a staff route) go through the socket.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeWecomAibot, type FakeWecomAibot } from "../../../support/fake-wecom-aibot.ts";
import { wecomBotText } from "../../../support/platform-client.ts";
import { eventually, startTestService, WECOM_GROUP, type TestService } from "../../support/start-test-service.ts";
import { describeEachDatabase } from "../../support/test-database.ts";

const BOT = { botId: "aibot-minyi-test", secret: "aibot-secret" };
const STAFF_CHAT = "wrkStaffOnlyGroup";

const connectionEnv = (fake: FakeWecomAibot, extra: Record<string, string> = {}) => ({
  WECOM_BOT_MODE: "long-connection",
  WECOM_BOT_ID: BOT.botId,
  WECOM_BOT_SECRET: BOT.secret,
  WECOM_BOT_WS_URL: fake.url,
  WECOM_BOT_HEARTBEAT_SECONDS: "0.2",
  WECOM_BOT_TAKEN_OVER_RETRY_SECONDS: "0.5",
  MINYI_CONNECTION_LEASE_SECONDS: "1",
  ...extra,
});

/** A resident's message as WeCom pushes it on the connection (with a response_url only when given). */
function message(msgId: string, content: string, responseUrl?: string): Record<string, unknown> {
  const body = wecomBotText({ msgId, chatId: WECOM_GROUP, from: "resident-li", content, responseUrl: "" });
  if (responseUrl) body.response_url = responseUrl;
  else delete body.response_url;
  return body;
}

const contentOf = (frame: { body: Record<string, unknown> }) => JSON.stringify(frame.body);

describeEachDatabase("WeCom AI bot long connection", (kind) => {
  let t: TestService;
  let fake: FakeWecomAibot;
  beforeAll(async () => {
    fake = await startFakeWecomAibot(BOT);
    t = await startTestService(kind, {
      env: connectionEnv(fake),
      wecomGroup: { staff: { kind: "wecom-ws-send", botId: BOT.botId, chatId: STAFF_CHAT } },
    });
    await fake.subscribed(1);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const inboxRows = (msgId: string) =>
    t.service.db.inboxMessage.count({ where: { channel: "wecom-bot", platformMessageId: msgId } });

  it("stores a pushed message and answers it on the socket with the message's req_id", async () => {
    const reqId = fake.push(message("ws-1", "和平路的路灯坏了三盏"));
    const reply = await eventually(async () => fake.received.find((f) => f.reqId === reqId));
    expect(reply.cmd).toBe("aibot_respond_msg");
    expect(reply.body).toMatchObject({ msgtype: "stream", stream: { finish: true } });
    expect(contentOf(reply)).toContain("工单编号");
    expect(await inboxRows("ws-1")).toBe(1);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/minyi_connection_up\{[^}]*channel="wecom-bot-ws"[^}]*\} 1/);
  });

  it("handles a message pushed twice once: one stored row, one answer", async () => {
    const first = fake.push(message("ws-2", "幸福小区3号楼门口的垃圾两天没人收了"));
    const second = fake.push(message("ws-2", "幸福小区3号楼门口的垃圾两天没人收了"));
    await eventually(async () => fake.received.find((f) => f.reqId === first || f.reqId === second));
    await new Promise((r) => setTimeout(r, 400));
    expect(await inboxRows("ws-2")).toBe(1);
    expect(fake.received.filter((f) => f.reqId === first || f.reqId === second)).toHaveLength(1);
  });

  it("posts the answer to the chat when WeCom no longer takes the message's req_id", async () => {
    fake.refuseReplies(846605);
    const reqId = fake.push(message("ws-3", "新华路上有个井盖松了，踩上去晃"));
    const post = await eventually(async () =>
      fake.received.find((f) => f.cmd === "aibot_send_msg" && contentOf(f).includes("工单编号")),
    );
    fake.refuseReplies(null);
    expect(post.body).toMatchObject({ chatid: WECOM_GROUP, msgtype: "markdown" });
    expect(fake.received.some((f) => f.reqId === reqId && f.cmd === "aibot_respond_msg")).toBe(true);
  });

  it("sends a danger alert for staff through the socket to the staff chat, not to the residents' group", async () => {
    fake.push(message("ws-4", "燃气味很重，是不是漏气了？幸福小区9栋"));
    const alert = await eventually(async () =>
      fake.received.find((f) => f.cmd === "aibot_send_msg" && f.body.chatid === STAFF_CHAT),
    );
    expect(contentOf(alert)).toContain("燃气");
  });

  it("answers through the message's response_url when the connection is down", async () => {
    const before = fake.subscriptions;
    fake.pushThenHangUp(message("ws-5", "人民公园东门的路灯一直不亮", `${t.fake.url}/wecom/response/ws-5`));
    const reply = await eventually(async () => t.fake.received.find((r) => r.path === "/wecom/response/ws-5"));
    expect(JSON.stringify(reply.body)).toContain("工单编号");
    fake.acceptSubscriptions();
    await fake.subscribed(before + 1);
  });

  it("rebuilds the connection when two heartbeats go unanswered", async () => {
    const before = fake.subscriptions;
    fake.goSilent();
    await fake.subscribed(before + 1);
    const reqId = fake.push(message("ws-6", "和平路菜市场门口占道摆摊"));
    await eventually(async () => fake.received.find((f) => f.reqId === reqId));
  });

  it("gives way when another connection takes the bot over, says so in the log, and connects again after the pause", async () => {
    const before = fake.subscriptions;
    await fake.intrude();
    await eventually(async () => t.logs.find((l) => String(l.msg).includes("another connection took this bot over")));
    await fake.subscribed(before + 2); // the intruder's, then ours again
    const reqId = fake.push(message("ws-7", "幸福小区北门的路灯不亮了"));
    await eventually(async () => fake.received.find((f) => f.reqId === reqId));
  });
});

describeEachDatabase("WeCom AI bot long connection with two replicas", (kind) => {
  let t: TestService;
  let fake: FakeWecomAibot;
  beforeAll(async () => {
    fake = await startFakeWecomAibot(BOT);
    t = await startTestService(kind, { env: connectionEnv(fake) });
    await fake.subscribed(1);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it("keeps one connection among the replicas, and the other replica takes it over when the holder stops", async () => {
    await t.replica();
    await new Promise((r) => setTimeout(r, 1_500)); // more than a lease: the second replica has tried
    expect(fake.subscriptions).toBe(1);
    const first = fake.push(message("rep-1", "幸福小区北门的路灯坏了"));
    await eventually(async () => fake.received.find((f) => f.reqId === first));

    await t.service.stop();
    await fake.subscribed(2);
    const second = fake.push(message("rep-2", "和平路有个井盖丢了"));
    await eventually(async () => fake.received.find((f) => f.reqId === second));
  });
});
