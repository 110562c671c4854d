// Fits a long post into platform messages: blocks (paragraphs) are packed in order into as few
// messages as keep each within `maxBytes` of UTF-8 (WeCom markdown: 4096). A block is split only when it
// alone is too long, at line ends; a single over-long line is cut at a character boundary with "…".
import { truncateUtf8 } from "../outbox/outbound-body.ts";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const SEP = "\n\n";

/** Joins `pieces` in order with `separator` into as few strings as keep each within `maxBytes`. */
function greedyJoin(pieces: string[], separator: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current ? `${current}${separator}${piece}` : piece;
    if (bytes(joined) <= maxBytes) current = joined;
    else {
      parts.push(current);
      current = piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}

function splitBlock(block: string, maxBytes: number): string[] {
  if (bytes(block) <= maxBytes) return [block];
  return greedyJoin(
    block.split("\n").map((line) => truncateUtf8(line, maxBytes)),
    "\n",
    maxBytes,
  );
}

export function packBlocks(blocks: string[], maxBytes: number): string[] {
  return greedyJoin(
    blocks.flatMap((b) => splitBlock(b, maxBytes)),
    SEP,
    maxBytes,
  );
}
