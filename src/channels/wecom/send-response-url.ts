// WeCom AI bot reply through the callback's response_url (doc 101138): one call per URL, valid 1 h.
import { callPlatform, type FetchLike } from "../../outbox/call-platform.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { WECOM_ERRCODES } from "./wecom-errcodes.ts";
import { wecomMarkdown } from "./wecom-markdown.ts";

export async function sendWecomResponseUrl(url: string, body: OutboundBody, fetchImpl: FetchLike): Promise<void> {
  await callPlatform(
    url,
    { method: "POST", body: { msgtype: "markdown", markdown: { content: wecomMarkdown(body) } } },
    fetchImpl,
    WECOM_ERRCODES,
  );
}
