// Fits a long post into platform messages: blocks (paragraphs) are packed in order into as few
// messages as keep each within `maxBytes` of UTF-8 (WeCom markdown: 4096). A block is split only when it
// alone is too long, at line ends; a single over-long line is cut at a character boundary with "…".
import { truncateUtf8 } from "../outbound/senders/wecom-response-url.ts";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const SEP = "\n\n";

function splitBlock(block: string, maxBytes: number): string[] {
  if (bytes(block) <= maxBytes) return [block];
  const pieces: string[] = [];
  let current = "";
  for (const raw of block.split("\n")) {
    const line = truncateUtf8(raw, maxBytes);
    const joined = current ? `${current}\n${line}` : line;
    if (bytes(joined) <= maxBytes) current = joined;
    else {
      pieces.push(current);
      current = line;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

export function packBlocks(blocks: string[], maxBytes: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const piece of blocks.flatMap((b) => splitBlock(b, maxBytes))) {
    const joined = current ? `${current}${SEP}${piece}` : piece;
    if (bytes(joined) <= maxBytes) current = joined;
    else {
      parts.push(current);
      current = piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}
