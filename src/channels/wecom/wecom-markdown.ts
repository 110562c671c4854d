// An OutboundBody as WeCom markdown: mentions as <@userid> at the top, within the 4096-byte limit.
import { MAX_MARKDOWN_BYTES, truncateUtf8, type OutboundBody } from "../../outbox/outbound-body.ts";

export function wecomMarkdown(body: OutboundBody): string {
  const mentions = body.mentionUserIds.map((id) => `<@${id}>`).join(" ");
  const content = mentions ? `${mentions}\n${body.markdown}` : body.markdown;
  return truncateUtf8(content, MAX_MARKDOWN_BYTES);
}
