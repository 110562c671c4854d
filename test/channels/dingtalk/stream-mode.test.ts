// DingTalk Stream mode against a local gateway speaking the Stream protocol: a pushed robot message is
// stored before it is acknowledged and answered through its sessionWebhook; one pushed again (its
// acknowledgement lost, as after a crash) is handled once; a dropped connection is opened again through the
// gateway and takes messages; a message for a group the bot does not serve is acknowledged, not stored.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DINGTALK_APP_KEY } from "../../../support/fake-platform.ts";
import { startFakeDingtalkStream, type FakeDingtalkStream } from "../../../support/fake-dingtalk-stream.ts";
import { dingtalkText } from "../../../support/platform-client.ts";
import { DINGTALK_GROUP, eventually, startTestService, type TestService } from "../../support/start-test-service.ts";
import { describeEachDatabase } from "../../support/test-database.ts";

describeEachDatabase("DingTalk Stream mode", (kind) => {
  let t: TestService;
  let stream: FakeDingtalkStream;
  beforeAll(async () => {
    stream = await startFakeDingtalkStream({ clientId: DINGTALK_APP_KEY, clientSecret: "SECtest-app-secret" });
    t = await startTestService(kind, {
      env: { DINGTALK_MODE: "stream", DINGTALK_STREAM_GATEWAY_URL: stream.gatewayUrl },
    });
    await stream.connected(1);
  });
  afterAll(async () => {
    await t.close();
    await stream.close();
  });

  const robotMessage = (msgId: string, content: string, conversationId = DINGTALK_GROUP) =>
    dingtalkText({
      msgId,
      conversationId,
      senderStaffId: "ding-resident",
      senderNick: "钱女士",
      content,
      sessionWebhook: `${t.fake.url}/dingtalk/session/${msgId}`,
    });
  const inboxRow = (msgId: string) =>
    t.service.db.inboxMessage.findFirst({ where: { channel: "dingtalk", platformMessageId: msgId } });

  it("stores a pushed message before acknowledging it, and answers through its sessionWebhook", async () => {
    const ackedAt = await stream.push(robotMessage("st-1", "和平路的路灯坏了三盏"), "frame-1");
    const row = await inboxRow("st-1");
    expect(row).not.toBeNull();
    expect(row!.receivedAt.getTime()).toBeLessThanOrEqual(ackedAt.getTime());
    const reply = await eventually(async () => t.fake.received.find((r) => r.path === "/dingtalk/session/st-1"));
    expect(JSON.stringify(reply.body)).toContain("工单编号");
  });

  it("handles a message pushed again after its acknowledgement was lost once", async () => {
    await stream.push(robotMessage("st-1", "和平路的路灯坏了三盏"), "frame-1-again");
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.service.db.inboxMessage.count({ where: { platformMessageId: "st-1" } })).toBe(1);
    expect(t.fake.received.filter((r) => r.path === "/dingtalk/session/st-1")).toHaveLength(1);
  });

  it("opens a new connection through the gateway when the old one drops, and takes messages on it", async () => {
    const before = stream.gatewayCalls;
    stream.drop();
    await stream.connected(2);
    expect(stream.gatewayCalls).toBe(before + 1);
    await stream.push(robotMessage("st-2", "和平路菜市场门口占道摆摊"), "frame-2");
    await eventually(async () => t.fake.received.find((r) => r.path === "/dingtalk/session/st-2"));
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/minyi_connection_up\{[^}]*channel="dingtalk-stream"[^}]*\} 1/);
  });

  it("acknowledges a message for a group it does not serve without storing it", async () => {
    await stream.push(robotMessage("st-3", "路灯坏了", "cidSomeOtherGroup=="), "frame-3");
    expect(await inboxRow("st-3")).toBeNull();
  });
});
