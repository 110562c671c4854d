// DingTalk robot reply through the callback's sessionWebhook. The webhook expires
// (sessionWebhookExpiredTime); an expired one is a permanent failure, never retried (errcode 300001).
import { DeliveryError } from "../delivery-error.ts";
import type { OutboundBody } from "../reply-route.ts";
import { callPlatform, type FetchLike } from "../post-json.ts";

export function dingtalkMarkdown(body: OutboundBody): Record<string, unknown> {
  // An @ renders only when "@id" also appears in the text.
  const mentions = body.mentionUserIds.map((id) => `@${id}`).join(" ");
  return {
    msgtype: "markdown",
    markdown: { title: body.title, text: mentions ? `${body.markdown}\n\n${mentions}` : body.markdown },
    at: { atUserIds: body.mentionUserIds, isAtAll: false },
  };
}

export async function sendDingtalkSessionWebhook(
  route: { url: string; expiresAt: string },
  body: OutboundBody,
  now: Date,
  fetchImpl?: FetchLike,
): Promise<void> {
  if (new Date(route.expiresAt).getTime() <= now.getTime()) {
    throw new DeliveryError(`sessionWebhook expired at ${route.expiresAt}`, true);
  }
  await callPlatform(route.url, { method: "POST", body: dingtalkMarkdown(body) }, fetchImpl);
}
