// WeCom AI bot (智能机器人) decrypted JSON → InboundMessage (doc 100719). Returns null for callbacks that
// carry no resident text (events, stream refreshes, images, files): those are acknowledged and dropped.
import { z } from "zod";
import type { InboundMessage } from "../../inbox/inbound-message.ts";
import { looksForwarded, stripMention } from "../strip-mention.ts";

const TextPart = z.object({ msgtype: z.literal("text"), text: z.object({ content: z.string() }) });
const AnyPart = z.object({ msgtype: z.string() }).passthrough();

const BotMessage = z.object({
  msgid: z.string().min(1),
  chatid: z.string().optional(),
  chattype: z.enum(["single", "group"]),
  from: z.object({ userid: z.string() }),
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
export function normalizeBotMessage(json: unknown, now: Date): InboundMessage | null {
  const m = BotMessage.parse(json);
  const raw = textOf(m);
  if (raw === null) return null;
  const quoted = m.quote?.text?.content?.trim();
  const isGroup = m.chattype === "group";
  return {
    channel: "wecom-bot",
    platform: "wecom",
    platformMessageId: m.msgid,
    chat: { type: m.chattype, id: isGroup ? (m.chatid ?? null) : null },
    sender: { id: m.from.userid },
    text: stripMention(raw),
    ...(quoted ? { forwardedText: quoted } : {}),
    viaDeputy: Boolean(quoted) || looksForwarded(raw),
    sentAt: new Date(m.create_time ? m.create_time * 1000 : now.getTime()).toISOString(),
    replyRoute: m.response_url
      ? { kind: "wecom-response-url", url: m.response_url }
      : { kind: "none", why: "callback carried no response_url" },
  };
}
