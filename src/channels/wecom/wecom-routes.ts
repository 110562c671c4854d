// The WeCom routes a message can go by, as stored in the outbox.
import { z } from "zod";

/** AI bot: the callback's one-use `response_url` (valid 1 h from receipt, doc 101138). */
export const ResponseUrlRoute = z.object({
  kind: z.literal("wecom-response-url"),
  url: z.string().url(),
  expiresAt: z.string().datetime().optional(),
});
/** Self-built app: message/send to one user, or several joined with "|" (WeCom's touser). */
export const AppMessageRoute = z.object({ kind: z.literal("wecom-app-message"), toUser: z.string().min(1) });
/** 消息推送 (group robot webhook): proactive posts to a group; the key in the URL is the credential. */
export const GroupWebhookRoute = z.object({ kind: z.literal("wecom-group-webhook"), url: z.string().url() });
/**
 * AI bot over its long connection: the answer to one pushed message (aibot_respond_msg with its req_id).
 * `chatId` (the group, or the user in a one-to-one chat) lets a reply whose req_id WeCom no longer takes go
 * as a proactive message instead; `fallbackUrl`, the message's response_url if it had one, is used when the
 * connection is down.
 */
export const LongConnectionReplyRoute = z.object({
  kind: z.literal("wecom-ws-reply"),
  botId: z.string().min(1),
  reqId: z.string().min(1),
  chatId: z.string().min(1),
  fallbackUrl: z.string().url().optional(),
  expiresAt: z.string().datetime().optional(),
});
/** AI bot over its long connection: a proactive post to a group or user (aibot_send_msg), e.g. a push robot. */
export const LongConnectionSendRoute = z.object({
  kind: z.literal("wecom-ws-send"),
  botId: z.string().min(1),
  chatId: z.string().min(1),
});
