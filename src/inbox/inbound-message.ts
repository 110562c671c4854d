// The platform-neutral form of a message someone sent to the bot. platforms/* produce it; everything
// after the inbox consumes only this.
import { z } from "zod";
import { ReplyRouteSchema } from "../outbox/reply-route.ts";

/** "desk": an action taken on the desk (/admin/, /api/v1), run as the chat command it stands for. */
export const CHANNELS = ["wecom-bot", "wecom-app", "dingtalk", "desk"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Ids from platforms (message, group, user) are at most this long: real ones are under 100 characters,
 * and a longer one is refused with 400 (a PostgreSQL btree row cannot hold ~2.7 KB; memory and logs
 * must not grow with what a caller sends).
 */
export const MAX_ID_LENGTH = 256;
export const PlatformId = z.string().min(1).max(MAX_ID_LENGTH);

export const InboundMessageSchema = z.object({
  channel: z.enum(CHANNELS),
  platform: z.enum(["wecom", "dingtalk"]),
  /** The platform's own id (kept as a string: WeCom MsgId is a 64-bit integer). */
  platformMessageId: PlatformId,
  chat: z.object({
    type: z.enum(["group", "single"]),
    /** Platform group id for group chats, null for one-to-one. */
    id: PlatformId.nullable(),
    title: z.string().max(MAX_ID_LENGTH).optional(),
  }),
  sender: z.object({ id: PlatformId, name: z.string().max(MAX_ID_LENGTH).optional() }),
  /** What the sender wrote, with the @bot mention removed ("" for an image, a file … without words). */
  text: z.string(),
  /** The message carried something the bot cannot read (its content is not fetched). */
  attachment: z.enum(["image", "file", "voice", "video"]).optional(),
  /** Words the sender quoted (a resident's message that a deputy quotes when @-ing the bot). */
  forwardedText: z.string().optional(),
  /** True when a deputy relays a resident's matter (app channel, a quote, or a 转发 marker). */
  viaDeputy: z.boolean(),
  sentAt: z.string().datetime(),
  replyRoute: ReplyRouteSchema,
  /** Desk actions only: who took it, and the role it is taken in (checked by the desk before it is stored). */
  deskActor: z
    .object({ accountId: z.number().int(), name: z.string().max(MAX_ID_LENGTH), role: z.enum(["deputy", "staff"]) })
    .optional(),
});

export type InboundMessage = z.infer<typeof InboundMessageSchema>;
