// DingTalk robot reply through the callback's sessionWebhook. The webhook expires
// (sessionWebhookExpiredTime); an expired one is a permanent failure, never retried (errcode 300001).
import { DeliveryError } from "../../outbox/delivery-error.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { callPlatform, type FetchLike } from "../../outbox/call-platform.ts";
import { DINGTALK_ERRCODES } from "./dingtalk-errcodes.ts";
import { dingtalkMarkdown } from "./dingtalk-markdown.ts";

export async function sendDingtalkSessionWebhook(
  route: { url: string; expiresAt: string },
  body: OutboundBody,
  now: Date,
  fetchImpl: FetchLike,
): Promise<void> {
  if (new Date(route.expiresAt).getTime() <= now.getTime()) {
    throw new DeliveryError(`sessionWebhook expired at ${route.expiresAt}`, true);
  }
  await callPlatform(route.url, { method: "POST", body: dingtalkMarkdown(body) }, fetchImpl, DINGTALK_ERRCODES);
}
