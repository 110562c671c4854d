// WeCom 消息推送 (group robot webhook, doc 99110): POST markdown to the webhook URL. `<@userid>` in
// markdown mentions a member; content is capped at 4096 bytes (over it, errcode 40058).
import type { OutboundBody } from "../reply-route.ts";
import { callPlatform, type FetchLike } from "../post-json.ts";
import { wecomMarkdown } from "./wecom-response-url.ts";

export async function sendWecomGroupWebhook(url: string, body: OutboundBody, fetchImpl?: FetchLike): Promise<void> {
  await callPlatform(url, { method: "POST", body: { msgtype: "markdown", markdown: { content: wecomMarkdown(body) } } }, fetchImpl);
}
