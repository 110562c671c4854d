// An OutboundBody as a DingTalk robot markdown message (sessionWebhook and custom robot).
import type { OutboundBody } from "../../outbox/outbound-body.ts";

export function dingtalkMarkdown(body: OutboundBody): Record<string, unknown> {
  // An @ renders only when "@id" also appears in the text.
  const mentions = body.mentionUserIds.map((id) => `@${id}`).join(" ");
  return {
    msgtype: "markdown",
    markdown: { title: body.title, text: mentions ? `${body.markdown}\n\n${mentions}` : body.markdown },
    at: { atUserIds: body.mentionUserIds, isAtAll: false },
  };
}
