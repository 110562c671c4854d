import { describe, expect, it } from "vitest";
import { normalizeDingtalkMessage } from "../../../src/channels/dingtalk/normalize-message.ts";

const received = new Date(1_800_000_001_000);

describe("DingTalk messages", () => {
  const base = {
    msgId: "d1",
    msgtype: "text",
    conversationId: "cid",
    conversationType: "2",
    senderId: "$:x",
    senderStaffId: "s1",
    senderNick: "王",
    createAt: 1_800_000_000_000,
    sessionWebhook: "https://oapi.dingtalk.com/robot/sendBySession?session=x",
    sessionWebhookExpiredTime: 1_800_005_400_000,
    text: { content: " 转：楼道灯不亮" },
  };

  it("trim the leading space, notice a forward marker, and keep the sessionWebhook expiry", () => {
    expect(normalizeDingtalkMessage(base, received)).toMatchObject({
      text: "转：楼道灯不亮",
      viaDeputy: true,
      replyRoute: { kind: "dingtalk-session-webhook", expiresAt: "2027-01-15T09:30:00.000Z" },
    });
  });

  it("keep a plausible createAt as the send time, and replace an impossible one by the receipt time", () => {
    expect(normalizeDingtalkMessage(base, received)?.sentAt).toBe(new Date(1_800_000_000_000).toISOString());
    for (const createAt of [3e14, -1e11, 0, 1e20]) {
      expect(normalizeDingtalkMessage({ ...base, createAt }, received)?.sentAt).toBe(received.toISOString());
    }
  });

  it("refuse an id longer than 256 characters, naming the field", () => {
    expect(() => normalizeDingtalkMessage({ ...base, msgId: "m".repeat(3000) }, received)).toThrow(/msgId/);
  });

  it('treat conversationType "1" as a one-to-one chat', () => {
    expect(normalizeDingtalkMessage({ ...base, conversationType: "1" }, received)?.chat).toEqual({
      type: "single",
      id: null,
    });
  });
});
