// 催办: posted to a ticket's group when a deadline passes, mentioning whoever should act.
import { formatShanghai } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { brief } from "./brief.ts";

export function overdueNudge(f: {
  number: string;
  text: string;
  stage: "assign" | "feedback";
  dueAt: Date;
  mention: string[];
}): OutboundBody {
  const what =
    f.stage === "assign"
      ? `工单 #${f.number} 已超过认领期限（${formatShanghai(f.dueAt)}）仍无人认领，请代表或工作人员尽快认领：认领 #${f.number}`
      : `工单 #${f.number} 已超过答复期限（${formatShanghai(f.dueAt)}），请承办人尽快办理并答复居民：答复 #${f.number} 内容`;
  return {
    title: `催办：工单 #${f.number}`,
    markdown: `**催办提醒**\n\n${what}\n\n事项：${brief(f.text, 40)}`,
    mentionUserIds: f.mention,
  };
}
