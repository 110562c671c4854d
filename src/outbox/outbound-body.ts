// A platform-neutral message body: what wording/ composes and the outbox carries; each channel's sender
// renders it in its platform's format.
import { z } from "zod";

export const OutboundBodySchema = z.object({
  title: z.string(),
  markdown: z.string(),
  /** Platform user ids to mention (rendered as <@id> on WeCom, at.atUserIds on DingTalk). */
  mentionUserIds: z.array(z.string()).default([]),
});

export type OutboundBody = z.infer<typeof OutboundBodySchema>;

/** WeCom's markdown limit (errcode 40058 beyond it); DingTalk documents none, so every post keeps to it. */
export const MAX_MARKDOWN_BYTES = 4096;

/** Cuts at a character boundary so the result is at most `maxBytes` of UTF-8, marking the cut with "…". */
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
