// The answer to "联系册": a deputy's record of matters forwarded and handled (代表联系册).
import { formatShanghai } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import type { ContactBookEntry } from "../groups/contact-book.ts";

const KIND_LABEL: Record<string, string> = {
  created: "代居民反映",
  assigned: "认领",
  progress: "办理进展",
  replied: "答复",
  closed: "办结",
};

export function contactBookReply(f: {
  who: string;
  entries: ContactBookEntry[];
  counts: Record<string, number>;
  receptionDays: number;
  mention: string[];
}): OutboundBody {
  const tally = Object.entries(KIND_LABEL)
    .map(([k, label]) => `${label} ${f.counts[k] ?? 0}`)
    .join("，");
  const lines = [
    `**${f.who}的联系册**`,
    `累计：${tally}；接待日到场 ${f.receptionDays} 次`,
    ...(f.entries.length > 0
      ? [
          "最近记录：",
          ...f.entries.map(
            (e) =>
              `- ${formatShanghai(e.at)} ${KIND_LABEL[e.kind] ?? e.kind} #${e.number}${e.note ? `：${e.note}` : ""}`,
          ),
        ]
      : ["暂无记录。"]),
  ];
  return { title: "代表联系册", markdown: lines.join("\n\n"), mentionUserIds: f.mention };
}
