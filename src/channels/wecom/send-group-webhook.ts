// WeCom 消息推送 (group robot webhook, doc 99110): POST markdown to the webhook URL. `<@userid>` in
// markdown mentions a member; content is capped at 4096 bytes (over it, errcode 40058).
import { callPlatform, type FetchLike } from "../../outbox/call-platform.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { WECOM_ERRCODES } from "./wecom-errcodes.ts";
import { wecomMarkdown } from "./wecom-markdown.ts";

export async function sendWecomGroupWebhook(url: string, body: OutboundBody, fetchImpl: FetchLike): Promise<void> {
  await callPlatform(
    url,
    { method: "POST", body: { msgtype: "markdown", markdown: { content: wecomMarkdown(body) } } },
    fetchImpl,
    WECOM_ERRCODES,
  );
}
