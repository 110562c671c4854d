// The DingTalk routes a message can go by, as stored in the outbox.
import { z } from "zod";

/** Robot reply: the callback's temporary `sessionWebhook` (honour its expiry). */
export const SessionWebhookRoute = z.object({
  kind: z.literal("dingtalk-session-webhook"),
  url: z.string().url(),
  expiresAt: z.string().datetime(),
});
/** Custom robot webhook, signed (加签) when a secret (SEC…) is set: proactive posts to a group. */
export const RobotWebhookRoute = z.object({
  kind: z.literal("dingtalk-robot-webhook"),
  url: z.string().url(),
  secret: z.string().optional(),
});
/** OpenAPI groupMessages/send: the app's robot posts to a group (needs DINGTALK_APP_KEY). */
export const OpenApiGroupRoute = z.object({
  kind: z.literal("dingtalk-openapi-group"),
  openConversationId: z.string().min(1),
  robotCode: z.string().min(1),
});
/** OpenAPI oToMessages/batchSend: the app's robot writes to each user one to one (needs DINGTALK_APP_KEY). */
export const OpenApiUsersRoute = z.object({
  kind: z.literal("dingtalk-openapi-users"),
  robotCode: z.string().min(1),
  userIds: z.array(z.string().min(1)).min(1).max(20),
});
