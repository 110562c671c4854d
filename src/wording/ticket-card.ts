// The answer to "查询 #编号": where a matter stands, its deadline and its latest steps.
import { formatShanghai } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { AWAITING_FEEDBACK, statusLabel, type TicketStatus } from "../tickets/ticket-status.ts";
import { brief } from "./brief.ts";

/** Audit-trail events worth showing a resident in 查询, and how to say them. */
export const STEP_WORDS: Readonly<Record<string, string>> = {
  assigned: "认领",
  released: "释放",
  progress: "进展",
  replied: "答复",
  closed: "办结",
  reopened: "重新办理",
  follow_up: "补充",
  merged: "合并",
};

export interface TicketCardFacts {
  number: string;
  text: string;
  categoryL1: string;
  categoryL2: string;
  requestType: string | null;
  place: string | null;
  status: string;
  closeReason: string | null;
  assigneeName: string | null;
  createdAt: Date;
  feedbackDueAt: Date | null;
  affectedCount: number;
  rating: string | null;
  mergedIntoNumber: string | null;
  /** Latest audit-trail notes, oldest first. */
  steps: Array<{ at: Date; who: string; what: string }>;
}

export function ticketCard(t: TicketCardFacts, now: Date, mention: string[]): OutboundBody {
  const overdue =
    t.feedbackDueAt &&
    (AWAITING_FEEDBACK as readonly string[]).includes(t.status as TicketStatus) &&
    t.feedbackDueAt < now;
  const lines = [
    `**工单 #${t.number}**`,
    `事项：${brief(t.text)}`,
    `分类：${t.categoryL1} / ${t.categoryL2}${t.requestType ? `（${t.requestType}）` : ""}`,
    ...(t.place ? [`地点：${t.place.split(" / ").join("，")}`] : []),
    `状态：${statusLabel(t.status, t.closeReason)}${t.assigneeName ? `，承办：${t.assigneeName}` : ""}${t.mergedIntoNumber ? `，已并入 #${t.mergedIntoNumber}` : ""}`,
    `反映时间：${formatShanghai(t.createdAt)}${t.feedbackDueAt && t.status !== "closed" ? `；答复期限：${formatShanghai(t.feedbackDueAt)}${overdue ? "（已超期）" : ""}` : ""}`,
    ...(t.affectedCount > 1 ? [`共有 ${t.affectedCount} 位居民反映此事`] : []),
    ...(t.rating ? [`居民评价：${t.rating}`] : []),
    ...(t.steps.length > 0
      ? ["办理记录：", ...t.steps.map((s) => `- ${formatShanghai(s.at)} ${s.who}：${s.what}`)]
      : []),
  ];
  return { title: `工单 #${t.number}`, markdown: lines.join("\n\n"), mentionUserIds: mention };
}
