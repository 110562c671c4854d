// WeCom AI bot (智能机器人) decrypted JSON → InboundMessage (doc 100719). Returns null for callbacks that
// carry no resident text (events, stream refreshes, images, files): those are acknowledged and dropped.
import { z } from "zod";
import { PlatformId, type InboundMessage } from "../../inbox/inbound-message.ts";
import { plausibleSentAt } from "../plausible-time.ts";
import { looksForwarded, stripMention } from "../strip-mention.ts";

/** "该 response_url 有效期为 1 个小时" (doc 101138), counted from when we received it. */
const RESPONSE_URL_VALID_MS = 3600_000;

const TextPart = z.object({ msgtype: z.literal("text"), text: z.object({ content: z.string() }) });
const AnyPart = z.object({ msgtype: z.string() }).passthrough();

const BotMessage = z.object({
  msgid: PlatformId,
  chatid: PlatformId.optional(),
  chattype: z.enum(["single", "group"]),
  from: z.object({ userid: PlatformId }),
  create_time: z.number().optional(),
  response_url: z.string().url().optional(),
  msgtype: z.string(),
  text: z.object({ content: z.string() }).optional(),
  voice: z.object({ content: z.string() }).optional(),
  mixed: z.object({ msg_item: z.array(AnyPart) }).optional(),
  quote: z
    .object({ msgtype: z.string(), text: z.object({ content: z.string() }).optional() })
    .passthrough()
    .optional(),
});

function textOf(m: z.infer<typeof BotMessage>): string | null {
  if (m.msgtype === "text") return m.text?.content ?? null;
  if (m.msgtype === "voice") return m.voice?.content ?? null; // already speech-to-text
  if (m.msgtype === "mixed") {
    const parts = (m.mixed?.msg_item ?? []).flatMap((p) => {
      const t = TextPart.safeParse(p);
      return t.success ? [t.data.text.content] : [];
    });
    return parts.length > 0 ? parts.join("\n") : null;
  }
  return null;
}

/** @throws z.ZodError when the JSON does not have the documented shape. */
const ATTACHMENTS: Record<string, InboundMessage["attachment"]> = {
  image: "image",
  file: "file",
  video: "video",
  voice: "voice",
  mixed: "image",
};

/** How the message came, when over the long connection: the bot, and the frame's req_id to answer with. */
export interface ViaLongConnection {
  botId: string;
  reqId: string;
}

export function normalizeBotMessage(json: unknown, now: Date, via?: ViaLongConnection): InboundMessage | null {
  const m = BotMessage.parse(json);
  const text = textOf(m);
  const attachment = text === null ? ATTACHMENTS[m.msgtype] : undefined;
  if (text === null && !attachment) return null; // events, stream refreshes: nothing from a person
  const raw = text ?? "";
  const quoted = m.quote?.text?.content?.trim();
  const isGroup = m.chattype === "group";
  return {
    channel: "wecom-bot",
    platform: "wecom",
    platformMessageId: m.msgid,
    chat: { type: m.chattype, id: isGroup ? (m.chatid ?? null) : null },
    sender: { id: m.from.userid },
    text: stripMention(raw),
    ...(attachment ? { attachment } : {}),
    ...(quoted ? { forwardedText: quoted } : {}),
    viaDeputy: Boolean(quoted) || looksForwarded(raw),
    sentAt: plausibleSentAt(m.create_time === undefined ? undefined : m.create_time * 1000, now),
    replyRoute: via
      ? {
          kind: "wecom-ws-reply",
          botId: via.botId,
          reqId: via.reqId,
          chatId: isGroup ? (m.chatid ?? m.from.userid) : m.from.userid,
          ...(m.response_url ? { fallbackUrl: m.response_url } : {}),
          expiresAt: new Date(now.getTime() + RESPONSE_URL_VALID_MS).toISOString(),
        }
      : m.response_url
        ? {
            kind: "wecom-response-url",
            url: m.response_url,
            expiresAt: new Date(now.getTime() + RESPONSE_URL_VALID_MS).toISOString(),
          }
        : { kind: "none", why: "callback carried no response_url" },
  };
}
