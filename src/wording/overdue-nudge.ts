// 催办: one post per group and run, listing the overdue tickets by number, category and deadline, mentioning
// whoever should act. It never quotes a resident's words or name: the group may be the residents' own.
import { formatShanghai } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";

export interface OverdueItem {
  number: string;
  categoryL2: string;
  stage: "assign" | "feedback";
  dueAt: Date;
}

function line(i: OverdueItem): string {
  return i.stage === "assign"
    ? `工单 #${i.number} 已超过认领期限（${formatShanghai(i.dueAt)}）仍无人认领（${i.categoryL2}），请代表或工作人员尽快认领：认领 #${i.number}`
    : `工单 #${i.number} 已超过答复期限（${formatShanghai(i.dueAt)}）（${i.categoryL2}），请承办人尽快办理并答复居民：答复 #${i.number} 内容`;
}

export function overdueNudge(items: readonly OverdueItem[], mention: string[]): OutboundBody {
  const title = items.length === 1 ? `催办：工单 #${items[0]!.number}` : `催办：${items.length} 件工单已超期`;
  const head = items.length === 1 ? "**催办提醒**" : `**催办提醒**（共 ${items.length} 件）`;
  return {
    title,
    markdown: [head, ...items.map((i) => (items.length === 1 ? line(i) : `- ${line(i)}`))].join("\n\n"),
    mentionUserIds: mention,
  };
}
