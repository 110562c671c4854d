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
