// WeCom self-built app decrypted message (XML, or the JSON variant) → InboundMessage. Deputies forward
// residents' messages to the app one-to-one, so every app message is relayed by a deputy and answered
// through the app's message API. Events and non-text messages return null (acknowledged, dropped).
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { PlatformId, type InboundMessage } from "../../inbox/inbound-message.ts";
import { plausibleSentAt } from "../plausible-time.ts";
import { stripMention } from "../strip-mention.ts";

/** No entity expansion, no attribute parsing, every value kept as text (MsgId is a 64-bit integer). */
export const xmlParser = new XMLParser({
  processEntities: false,
  ignoreAttributes: true,
  parseTagValue: false,
  htmlEntities: false,
});

const AppMessage = z.object({
  FromUserName: PlatformId,
  CreateTime: z.coerce.string(),
  MsgType: z.string(),
  Content: z.string().optional(),
  MsgId: z.coerce.string().pipe(PlatformId).optional(),
});

/** Parses decrypted XML (`<xml>…</xml>`) or the JSON variant into the app message fields. */
export function parseAppPlaintext(plaintext: string): unknown {
  const trimmed = plaintext.trimStart();
  if (trimmed.startsWith("{")) {
    // JSON variant: MsgId is a bare 64-bit number; quote it before parsing so no digit is lost.
    return JSON.parse(trimmed.replace(/"MsgId"\s*:\s*(\d+)/, '"MsgId":"$1"'));
  }
  const doc = xmlParser.parse(trimmed) as { xml?: unknown };
  return doc.xml;
}

/** @throws z.ZodError or SyntaxError when the plaintext does not have the documented shape. */
export function normalizeAppMessage(plaintext: string, now: Date): InboundMessage | null {
  const m = AppMessage.parse(parseAppPlaintext(plaintext));
  const attachment = ({ image: "image", voice: "voice", video: "video", file: "file" } as const)[m.MsgType as "image"];
  if (m.MsgId === undefined || ((m.MsgType !== "text" || m.Content === undefined) && !attachment)) return null;
  return {
    channel: "wecom-app",
    platform: "wecom",
    platformMessageId: m.MsgId,
    chat: { type: "single", id: null },
    sender: { id: m.FromUserName },
    text: stripMention(m.Content ?? ""),
    ...(attachment && m.Content === undefined ? { attachment } : {}),
    viaDeputy: true,
    sentAt: plausibleSentAt(Number(m.CreateTime) * 1000, now),
    replyRoute: { kind: "wecom-app-message", toUser: m.FromUserName },
  };
}
