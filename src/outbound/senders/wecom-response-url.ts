// WeCom AI bot reply through the callback's response_url (doc 101138): one call per URL, valid 1 h.
import type { OutboundBody } from "../reply-route.ts";
import { callPlatform, type FetchLike } from "../post-json.ts";

/** WeCom markdown content limit (bytes, UTF-8). */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

export function wecomMarkdown(body: OutboundBody): string {
  const mentions = body.mentionUserIds.map((id) => `<@${id}>`).join(" ");
  const content = mentions ? `${mentions}\n${body.markdown}` : body.markdown;
  return truncateUtf8(content, WECOM_MARKDOWN_MAX_BYTES);
}

/** Cuts at a character boundary so the result is at most `maxBytes` of UTF-8. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let out = "";
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, "utf8");
    if (bytes + n > maxBytes - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

export async function sendWecomResponseUrl(url: string, body: OutboundBody, fetchImpl?: FetchLike): Promise<void> {
  await callPlatform(url, { method: "POST", body: { msgtype: "markdown", markdown: { content: wecomMarkdown(body) } } }, fetchImpl);
}
