// Where a message goes and by which platform API. Stored as JSON in the outbox; only
// outbound/senders/* know how to use one.
import { z } from "zod";

export const ReplyRouteSchema = z.discriminatedUnion("kind", [
  /** WeCom AI bot: the callback's one-use `response_url` (valid 1 h from receipt, doc 101138). */
  z.object({ kind: z.literal("wecom-response-url"), url: z.string().url(), expiresAt: z.string().datetime().optional() }),
  /** DingTalk robot: the callback's temporary `sessionWebhook` (honour its expiry). */
  z.object({ kind: z.literal("dingtalk-session-webhook"), url: z.string().url(), expiresAt: z.string().datetime() }),
  /** WeCom self-built app: message/send to one user. */
  z.object({ kind: z.literal("wecom-app-message"), toUser: z.string().min(1) }),
  /** WeCom 消息推送 (group robot webhook): for proactive posts to a group; the key in the URL is the credential. */
  z.object({ kind: z.literal("wecom-group-webhook"), url: z.string().url() }),
  /** DingTalk custom robot webhook, signed (加签) when a secret (SEC…) is set: proactive posts to a group. */
  z.object({ kind: z.literal("dingtalk-robot-webhook"), url: z.string().url(), secret: z.string().optional() }),
  /** DingTalk OpenAPI groupMessages/send: the app's robot posts to a group (needs DINGTALK_APP_KEY). */
  z.object({ kind: z.literal("dingtalk-openapi-group"), openConversationId: z.string().min(1), robotCode: z.string().min(1) }),
  /** Nowhere to answer (e.g. a callback that carried no reply handle); the outbox parks it visibly. */
  z.object({ kind: z.literal("none"), why: z.string() }),
]);

export type ReplyRoute = z.infer<typeof ReplyRouteSchema>;

/** The routes a group can be given for proactive posts (a reply handle from a callback expires). */
export const PushRouteSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("wecom-group-webhook"), url: z.string().url() }),
  z.object({ kind: z.literal("dingtalk-robot-webhook"), url: z.string().url(), secret: z.string().optional() }),
  z.object({ kind: z.literal("dingtalk-openapi-group"), openConversationId: z.string().min(1), robotCode: z.string().min(1) }),
]);
export type PushRoute = z.infer<typeof PushRouteSchema>;

/** A platform-neutral message body; senders render it in the platform's format. */
export const OutboundBodySchema = z.object({
  title: z.string(),
  markdown: z.string(),
  /** Platform user ids to mention (rendered as <@id> on WeCom, at.atUserIds on DingTalk). */
  mentionUserIds: z.array(z.string()).default([]),
});

export type OutboundBody = z.infer<typeof OutboundBodySchema>;
