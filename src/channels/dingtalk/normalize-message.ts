// DingTalk enterprise robot callback JSON → InboundMessage (DingTalk 「机器人接收消息」).
// Only text carries a resident's words today; other msgtypes return null (acknowledged, dropped).
import { z } from "zod";
import { MAX_ID_LENGTH, PlatformId, type InboundMessage } from "../../inbox/inbound-message.ts";
import { plausibleSentAt } from "../plausible-time.ts";
import { looksForwarded, stripMention } from "../strip-mention.ts";

const RobotMessage = z.object({
  msgId: PlatformId,
  msgtype: z.string().max(64),
  conversationId: PlatformId,
  conversationType: z.enum(["1", "2"]), // a string: "1" one-to-one, "2" group
  conversationTitle: z.string().max(MAX_ID_LENGTH).optional(),
  senderId: PlatformId,
  senderStaffId: PlatformId.optional(),
  senderNick: z.string().max(MAX_ID_LENGTH).optional(),
  createAt: z.number(),
  sessionWebhook: z.string().url().optional(),
  sessionWebhookExpiredTime: z.number().optional(),
  text: z.object({ content: z.string() }).optional(),
});

/** Message types a person sends that the bot cannot read (richText may hold words, but they are not read yet). */
const ATTACHMENTS: Record<string, InboundMessage["attachment"]> = {
  picture: "image",
  richText: "image",
  file: "file",
  audio: "voice",
  video: "video",
};

export function normalizeDingtalkMessage(json: unknown, now: Date): InboundMessage | null {
  const m = RobotMessage.parse(json);
  const attachment = ATTACHMENTS[m.msgtype];
  if ((m.msgtype !== "text" || !m.text) && !attachment) return null;
  const isGroup = m.conversationType === "2";
  return {
    channel: "dingtalk",
    platform: "dingtalk",
    platformMessageId: m.msgId,
    chat: {
      type: isGroup ? "group" : "single",
      id: isGroup ? m.conversationId : null,
      ...(m.conversationTitle ? { title: m.conversationTitle } : {}),
    },
    sender: { id: m.senderStaffId ?? m.senderId, ...(m.senderNick ? { name: m.senderNick } : {}) },
    text: stripMention(m.text?.content ?? ""),
    ...(attachment && !m.text ? { attachment } : {}),
    viaDeputy: looksForwarded(m.text?.content ?? ""),
    sentAt: plausibleSentAt(m.createAt, now),
    replyRoute:
      m.sessionWebhook && m.sessionWebhookExpiredTime
        ? {
            kind: "dingtalk-session-webhook",
            url: m.sessionWebhook,
            expiresAt: new Date(m.sessionWebhookExpiredTime).toISOString(),
          }
        : { kind: "none", why: "callback carried no sessionWebhook" },
  };
}
